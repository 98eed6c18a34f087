package org.journeykit.io.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.io.svg.SvgOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Opens the HTML report in headless Chromium, as a reader would: the page must load, the DOM must hold the map, and
 * the screenshot (saved under target/report-screenshots for review) must show the map.
 *
 * <p>The browser is {@code $JOURNEYKIT_CHROMIUM}, else the first of /usr/bin/chromium, /usr/bin/chromium-browser,
 * /usr/bin/google-chrome that exists; {@code .ci/run} installs Debian's {@code chromium} package when it is
 * missing. Without any browser the test is skipped with a message saying so.
 */
class ReportInBrowserTest {

    private static final long TIMEOUT_SECONDS = 90;

    private static Optional<Path> browser() {
        List<String> candidates = new ArrayList<>();
        String configured = System.getenv("JOURNEYKIT_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            candidates.add(configured);
        }
        candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
        return candidates.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static String run(Path browser, Path profile, List<String> extra, Path page)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + profile));
        command.addAll(extra);
        command.add(page.toUri().toString());
        Path log = Files.createTempFile("chromium", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(log.toFile()).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("chromium finished within %d s: %s", TIMEOUT_SECONDS, command).isTrue();
        assertThat(process.exitValue()).as("chromium exit code; stderr:%n%s",
                Files.readString(log, StandardCharsets.UTF_8)).isZero();
        return new String(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void reportLoadsInChromiumAndTheMapIsVisible() throws Exception {
        Optional<Path> browser = browser();
        Assumptions.assumeTrue(browser.isPresent(), "No Chromium found (set JOURNEYKIT_CHROMIUM or install "
                + "Debian's chromium package, as .ci/run does): the browser test of the HTML report is skipped");
        Path dir = Files.createDirectories(Path.of("target", "report-screenshots")).toAbsolutePath();
        Path page = dir.resolve("laptop-request-report.html");
        String html = JourneyReportHtml.of(SvgOptions.builder().comparisonJourneyId("laptop-request-improved")
                .build()).render(SeedJourneys.model(), "laptop-request", JourneyReportHtmlTest.everySection());
        Files.writeString(page, html, StandardCharsets.UTF_8);

        String dom = run(browser.get(), Files.createTempDirectory("chromium-dom"), List.of("--dump-dom"), page);
        assertThat(dom).contains("class=\"journey-map\"").contains("data-journey=\"laptop-request\"")
                .contains("class=\"marker current\"");
        // Every picture is in the DOM the browser built.
        assertThat(dom).contains("class=\"funnel-chart\"", "class=\"path-flow\"", "class=\"process-map\"",
                "class=\"retention-chart\"", "class=\"nps-chart\"", "class=\"attribution-chart\"",
                "class=\"conformance-chart\"", "class=\"trend-chart\"");

        Path screenshot = dir.resolve("laptop-request-report.png");
        Files.deleteIfExists(screenshot);
        run(browser.get(), Files.createTempDirectory("chromium-shot"),
                List.of("--screenshot=" + screenshot, "--window-size=1600,1000"), page);
        assertThat(screenshot).exists();
        // The whole report in one tall picture, for review (target/report-screenshots).
        Path full = dir.resolve("laptop-request-report-full.png");
        Files.deleteIfExists(full);
        run(browser.get(), Files.createTempDirectory("chromium-full"),
                List.of("--screenshot=" + full, "--window-size=1400,9000"), page);
        assertThat(full).exists();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(screenshot.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        // The map is visible: the first screen shows the current curve's blue (#0072b2) and the future curve's
        // bluish green (#009e73), colours only the map uses.
        assertThat(countPixels(image, 0x0072b2)).as("blue curve pixels in %s", screenshot).isGreaterThan(100);
        assertThat(countPixels(image, 0x009e73)).as("green curve pixels in %s", screenshot).isGreaterThan(50);
    }

    @Test
    void reportPrintsOnA4Landscape() throws Exception {
        Optional<Path> browser = browser();
        Assumptions.assumeTrue(browser.isPresent(), "No Chromium found (set JOURNEYKIT_CHROMIUM or install "
                + "Debian's chromium package, as .ci/run does): the print test of the HTML report is skipped");
        Path dir = Files.createDirectories(Path.of("target", "report-screenshots")).toAbsolutePath();
        Path page = dir.resolve("print-report.html");
        Files.writeString(page, JourneyReportHtml.withDefaults().render(SeedJourneys.model(), "laptop-request",
                JourneyReportHtmlTest.everySection()), StandardCharsets.UTF_8);
        Path pdf = dir.resolve("laptop-request-report.pdf");
        Files.deleteIfExists(pdf);
        run(browser.get(), Files.createTempDirectory("chromium-pdf"),
                List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf), page);
        // Chromium writes each page's /MediaBox uncompressed. A4 landscape is 297 x 210 mm = 841.9 x 595.3 pt.
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher box = java.util.regex.Pattern
                .compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(text);
        int pages = 0;
        while (box.find()) {
            pages++;
            assertThat(Double.parseDouble(box.group(1))).as("page width in pt").isCloseTo(841.9,
                    org.assertj.core.data.Offset.offset(1.0));
            assertThat(Double.parseDouble(box.group(2))).as("page height in pt").isCloseTo(595.3,
                    org.assertj.core.data.Offset.offset(1.0));
        }
        assertThat(pages).as("pages in %s", pdf).isPositive();
    }

    private static int countPixels(java.awt.image.BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
