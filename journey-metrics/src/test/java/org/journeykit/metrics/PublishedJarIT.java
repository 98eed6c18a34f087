package org.journeykit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves what the published journey-metrics jar promises, on the jar that the build packaged (after the shade
 * plugin relocated Hipparchus and the module descriptor was put back): it is a named module that requires only
 * journey-core, and an application module that requires it runs on the module path and can be linked with jlink.
 *
 * <p>Run by maven-failsafe-plugin in the {@code integration-test} phase, after {@code package}; the pom passes the
 * paths of the packaged jars, the dependency-reduced pom and the tiny application's sources ({@code src/it}) as system
 * properties.
 */
class PublishedJarIT {

    private static final String MODULE = "org.journeykit.metrics";
    private static final String APP_MODULE = "org.journeykit.it.app";
    private static final String APP_MAIN = "org.journeykit.it.app.App";

    private static Path metricsJar;
    /** journey-core and what it requires at run time. */
    private static List<Path> runtimeModules;
    /** The annotation modules journey-core requires static: needed to compile, not to run or link. */
    private static List<Path> staticModules;
    private static Path work;
    private static Path appClasses;

    @BeforeAll
    static void compileTheApplication() throws IOException {
        metricsJar = property("journeykit.it.metricsJar");
        runtimeModules = paths("journeykit.it.runtimeModules");
        staticModules = paths("journeykit.it.staticModules");
        work = Files.createDirectories(property("journeykit.it.work"));
        deleteRecursively(work.resolve("app"));
        appClasses = work.resolve("app");
        Path sources = property("journeykit.it.sources").resolve("modular-app");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror",
                "--module-path", path(List.of(List.of(metricsJar), runtimeModules, staticModules)),
                "-d", appClasses.toString()));
        arguments.addAll(javaFiles(sources));
        run(tool("javac"), arguments);
    }

    @Test
    void descriptorRequiresOnlyCoreAndExportsNoInternalPackage() {
        ModuleDescriptor descriptor = ModuleFinder.of(metricsJar).find(MODULE).orElseThrow().descriptor();

        assertThat(descriptor.isAutomatic()).isFalse();
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .containsExactlyInAnyOrder("java.base", "org.journeykit.core");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .contains("org.journeykit.metrics", "org.journeykit.metrics.service")
                .noneMatch(exported -> exported.startsWith("org.journeykit.metrics.internal"));
        assertThat(descriptor.packages()).contains("org.journeykit.metrics.internal.hipparchus.special");
    }

    @Test
    void jarHoldsHipparchusOnlyUnderTheRelocatedName() throws IOException {
        try (JarFile jar = new JarFile(metricsJar.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).collect(Collectors.toList());

            assertThat(entries).contains("module-info.class",
                    "org/journeykit/metrics/internal/hipparchus/special/Gamma.class");
            assertThat(entries).noneMatch(entry -> entry.startsWith("org/hipparchus/")
                    || entry.startsWith("org/apache/"));
        }
    }

    @Test
    void noClassNeedsAPackageOutsideTheLinkedModules() {
        String report = run(tool("jdeps"), List.of("--multi-release", "17", "-verbose:package",
                "--module-path", path(List.of(runtimeModules, staticModules)), metricsJar.toString()));
        // Lines such as "   org.journeykit.metrics.lifetime -> org.journeykit.metrics.internal.hipparchus.special".
        List<String> dependencies = report.lines().filter(line -> line.contains(" -> "))
                .map(line -> line.trim().replaceAll("\\s+", " ")).collect(Collectors.toList());

        assertThat(dependencies).isNotEmpty().noneMatch(line -> line.contains("-> org.hipparchus"));
        // Packages the module does not read at run time ("not found"), leaving out the module's summary line and
        // JSpecify's nullness annotations (journey-core requires them static: the JVM ignores annotations whose
        // class is absent): there must be none.
        assertThat(dependencies.stream().filter(line -> line.endsWith(" not found"))
                .filter(line -> !line.equals(MODULE + " -> not found"))
                .filter(line -> !line.contains("-> org.jspecify.annotations ")))
                .isEmpty();
    }

    @Test
    void publishedPomDoesNotListHipparchus() throws IOException {
        String pom = Files.readString(property("journeykit.it.reducedPom"), StandardCharsets.UTF_8);
        Matcher dependencies = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        List<String> artifacts = new ArrayList<>();
        while (dependencies.find()) {
            Matcher artifact = Pattern.compile("<artifactId>(.*?)</artifactId>").matcher(dependencies.group(1));
            assertThat(artifact.find()).isTrue();
            artifacts.add(artifact.group(1));
        }

        assertThat(artifacts).contains("journey-core").noneMatch(artifact -> artifact.contains("hipparchus"));
    }

    @Test
    void applicationRunsOnTheModulePath() {
        List<String> lines = java("module-path", Path.of(System.getProperty("java.home"), "bin", "java"),
                "--module-path", path(List.of(List.of(metricsJar), runtimeModules, List.of(appClasses))),
                "--module", APP_MODULE + "/" + APP_MAIN);

        assertReport(lines);
        assertModuleLines(lines);
    }

    @Test
    void linkedImageRunsTheApplication() throws IOException {
        Path image = work.resolve("image");
        deleteRecursively(image);
        List<Path> jdkModules = new ArrayList<>();
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (Files.isDirectory(jmods)) {
            // JDK 17 links from its jmods; a JDK without them (Temurin 24 and later) links from its run-time image.
            jdkModules.add(jmods);
        }
        run(tool("jlink"), List.of(
                "--module-path", path(List.of(List.of(metricsJar), runtimeModules, List.of(appClasses), jdkModules)),
                "--add-modules", APP_MODULE, "--no-header-files", "--no-man-pages", "--output", image.toString()));

        Path java = image.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        assertThat(java("image-modules", java, "--list-modules"))
                .anyMatch(line -> line.startsWith(MODULE + "@"))
                .noneMatch(line -> line.contains("hipparchus"));
        List<String> lines = java("image", java, "--module", APP_MODULE + "/" + APP_MAIN);
        assertReport(lines);
        assertModuleLines(lines);
    }

    /** The metric lines of App.report(), worked by hand. */
    private static void assertReport(List<String> lines) {
        // Answers 10 10 9 9 9 | 8 7 | 6 3 0: 5 promoters, 2 passives, 3 detractors of 10: 100 x (5 - 3) / 10 = 20.
        assertThat(lines).contains("nps.score=20.0");
        // 1..10,001 seconds: 10,001 values, beyond the exact limit, so the sketch answers the median.
        assertThat(lines).contains("resolution.count=10001", "resolution.exact=false");
        // Mean, always exact: (10,001 x 10,002 / 2) / 10,001 = 5,001 s = 1 h 23 min 21 s.
        assertThat(lines).contains("resolution.mean=PT1H23M21S");
        // Exact median: the lower middle of 10,001 values, the 5,001st, 5,001 s. The KLL sketch (k = 200) keeps the
        // rank within about 1.33 % of 10,001 (133 ranks, 99 % confidence); one rank is one second here, and 3 %
        // (300 s) leaves the test no room to flake.
        String median = lines.stream().filter(line -> line.startsWith("resolution.median.seconds="))
                .findFirst().orElseThrow(() -> new AssertionError("no median in " + lines));
        assertThat(Long.parseLong(median.substring(median.indexOf('=') + 1))).isBetween(4_701L, 5_301L);
        // Fader and Hardie (2007), "high end" segment: the published maximum-likelihood fit.
        assertThat(lines).contains("sbg.alpha=0.668", "sbg.beta=3.806");
    }

    /** What the module system says about journey-metrics inside the application. */
    private static void assertModuleLines(List<String> lines) {
        assertThat(lines).contains("module=" + MODULE, "relocated.present=true", "relocated.exported=false",
                "original.visible=false");
    }

    private static Path property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run with ./mvnw verify");
        }
        return Path.of(value).toAbsolutePath();
    }

    private static List<Path> paths(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run with ./mvnw verify");
        }
        return Stream.of(value.split(Pattern.quote(File.pathSeparator))).map(Path::of).map(Path::toAbsolutePath)
                .collect(Collectors.toList());
    }

    /** A module or class path: the entries of each list, in order. */
    private static String path(List<List<Path>> parts) {
        return parts.stream().flatMap(List::stream).map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static List<String> javaFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).sorted()
                    .collect(Collectors.toList());
        }
    }

    private static ToolProvider tool(String name) {
        return ToolProvider.findFirst(name).orElseThrow(() -> new IllegalStateException(
                "the JDK running the build has no " + name + " (a JRE is not enough)"));
    }

    /** Runs a JDK tool in this JVM; fails the test if it ends with an error. Returns its output. */
    private static String run(ToolProvider tool, List<String> arguments) {
        StringWriter output = new StringWriter();
        try (PrintWriter writer = new PrintWriter(output)) {
            int status = tool.run(writer, writer, arguments.toArray(String[]::new));
            writer.flush();
            if (status != 0) {
                fail(tool.name() + " " + String.join(" ", arguments) + " ended with " + status + ":\n" + output);
            }
        }
        return output.toString();
    }

    /**
     * Runs a java launcher with the arguments, at most two minutes, and returns its output lines (also kept in
     * {@code target/it/<log>.log}).
     */
    private static List<String> java(String log, Path launcher, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(arguments));
        try {
            Path output = work.resolve(log + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not end within two minutes");
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " ended with " + process.exitValue() + ":\n"
                        + String.join("\n", lines));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(path);
            }
        }
    }
}
