package org.journeykit.io.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.journeykit.error.JourneyKitException;
import org.journeykit.fixtures.SeedJourneys;
import org.journeykit.model.Journey;
import org.journeykit.model.JourneyModel;
import org.journeykit.model.Phase;
import org.journeykit.model.Touchpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JourneyMapSvgTest {

    private static final JourneyModel MODEL = SeedJourneys.model();

    @Test
    void seedJourneyParsesAndHasTitleAndDescriptionForScreenReaders() throws Exception {
        String svg = JourneyMapSvg.withDefaults().render(MODEL, "laptop-request");
        Document doc = Pictures.parse(svg);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(doc.getElementById("jk-title")).isNull(); // no DTD, so ids are plain attributes; check by tag
        Element title = (Element) root.getElementsByTagNameNS("*", "title").item(0);
        Element desc = (Element) root.getElementsByTagNameNS("*", "desc").item(0);
        assertThat(title.getTextContent()).isEqualTo("Journey map: Request a new laptop");
        assertThat(desc.getTextContent()).contains("6 touchpoints in 4 phases", "Sanne, project manager");
        // Real text, not outlined glyphs: the touchpoint names are in <text>/<tspan> elements.
        assertThat(root.getElementsByTagNameNS("*", "text").getLength()).isGreaterThan(20);
        assertThat(svg).contains(">Fill in the<").contains(">laptop request<").contains(">Approval<");
    }

    @Test
    void oneMarkerPerTouchpointWithEmotionInTimelineOrder() throws Exception {
        Document doc = Pictures.parse(JourneyMapSvg.withDefaults().render(MODEL, "laptop-request"));
        List<Element> markers = Pictures.byClass(doc, "marker", "current");
        assertThat(markers).extracting(m -> m.getAttribute("data-touchpoint")).containsExactly(
                "search-portal", "order-form", "approval-wait", "status-call", "pickup", "first-login");
        List<Double> xs = markers.stream().map(m -> Pictures.number(m, "cx")).collect(Collectors.toList());
        assertThat(xs).isSorted().doesNotHaveDuplicates();
        // Five-point scale: -1, 1, -2, -2, 0, 2 normalise to -0.5, 0.5, -1, -1, 0, 1 (value / 2).
        assertThat(markers).extracting(m -> m.getAttribute("data-normalised"))
                .containsExactly("-0.5000", "0.5000", "-1.0000", "-1.0000", "0.0000", "1.0000");
    }

    @Test
    void curvesLowestPointIsAtTheTouchpointWithTheLowestEmotion() throws Exception {
        // Customer service: phone-escalation has 2 on 1..10, normalised 2(2-1)/9 - 1 = -7/9, the lowest.
        Document doc = Pictures.parse(JourneyMapSvg.withDefaults().render(MODEL, "customer-service"));
        List<Element> markers = Pictures.byClass(doc, "marker", "current");
        assertThat(markers).hasSize(6);
        Element lowest = markers.stream().max(Comparator.comparingDouble(m -> Pictures.number(m, "cy"))).orElseThrow();
        Element highest = markers.stream().min(Comparator.comparingDouble(m -> Pictures.number(m, "cy"))).orElseThrow();
        assertThat(lowest.getAttribute("data-touchpoint")).isEqualTo("phone-escalation");
        assertThat(highest.getAttribute("data-touchpoint")).isEqualTo("renewal");
        // The neutral line lies between: above it the positive emotions, below the negative.
        Element neutral = Pictures.byClass(doc, "neutral").get(0);
        double neutralY = Pictures.number(neutral, "y1");
        for (Element m : markers) {
            double normalised = Double.parseDouble(m.getAttribute("data-normalised"));
            double cy = Pictures.number(m, "cy");
            assertThat(normalised > 0 ? cy < neutralY : cy > neutralY).as(m.getAttribute("data-touchpoint")).isTrue();
        }
        // The axis is labelled with the journey's own 1..10 scale: maximum 10, midpoint (1 + 10) / 2 = 5.5, minimum 1.
        assertThat(doc.getDocumentElement().getTextContent()).contains("positive (10)", "neutral (5.5)",
                "negative (1)");
        // The dips (local minima: ask-chatbot -5/9 after -1/3, phone-escalation -7/9 after +1/9) are marked.
        assertThat(Pictures.byClass(doc, "dip")).extracting(d -> d.getAttribute("data-touchpoint"))
                .containsExactly("ask-chatbot", "phone-escalation");
    }

    @Test
    void batikRasterisesTheMapAndTheLowestMarkerIsPaintedWhereTheSvgSaysIs() throws Exception {
        String svg = JourneyMapSvg.withDefaults().render(MODEL, "customer-service");
        Document doc = Pictures.parse(svg);
        BufferedImage image = Pictures.rasterise(svg);
        assertThat(image.getWidth()).isEqualTo((int) Math.round(Pictures.number(doc.getDocumentElement(), "width")));
        Element lowest = Pictures.byClass(doc, "marker", "current").stream()
                .filter(m -> m.getAttribute("data-touchpoint").equals("phone-escalation")).findFirst().orElseThrow();
        int rgb = image.getRGB((int) Pictures.number(lowest, "cx"), (int) Pictures.number(lowest, "cy")) & 0xffffff;
        // The marker's fill is the current curve's Okabe-Ito blue #0072b2.
        assertThat(rgb).as("pixel %06x", rgb).isEqualTo(0x0072b2);
    }

    @ParameterizedTest
    @CsvSource({
        // 3 touchpoints fall in awareness, purchase and support (phase index i * 6 / 3); orientation, usage and
        // loyalty are empty and get a column each: 6 columns. Width: margin 16 + card 232 + gap 16 + labels 112
        // + 6 * 132 + margin 16 = 1184.
        "3, 1184",
        // 60 touchpoints fill all six phases: 392 + 60 * 132 = 8312.
        "60, 8312"})
    void staysReadableFrom3To60Touchpoints(int n, int expectedWidth) throws Exception {
        JourneyModel model = Fixtures.model(Fixtures.sanne("Sanne"), Fixtures.longJourney(n));
        String svg = JourneyMapSvg.withDefaults().render(model, "long");
        Document doc = Pictures.parse(svg);
        List<Element> markers = Pictures.byClass(doc, "marker", "current");
        assertThat(markers).hasSize(n);
        // Markers (radius 6) never overlap: neighbours are at least one column apart.
        for (int i = 1; i < n; i++) {
            assertThat(Pictures.number(markers.get(i), "cx") - Pictures.number(markers.get(i - 1), "cx"))
                    .isGreaterThanOrEqualTo(SvgOptions.DEFAULT_COLUMN_WIDTH);
        }
        assertThat(Pictures.number(doc.getDocumentElement(), "width")).isEqualTo(expectedWidth);
        // Long names are shortened with an ellipsis and the whole name is in a <title> tooltip.
        assertThat(svg).contains("\u2026").contains("<title>Touchpoint number 0 with a rather long name that has to "
                + "wrap or be shortened</title>");
        assertThat(Pictures.rasterise(svg).getWidth()).isEqualTo(expectedWidth);
    }

    @Test
    void personaNamedScriptStaysText() throws Exception {
        JourneyModel model = Fixtures.model(Fixtures.sanne("<script>alert('x')</script> & co"),
                SeedJourneys.laptopRequest());
        String svg = JourneyMapSvg.withDefaults().render(model, "laptop-request");
        assertThat(svg).doesNotContain("<script").contains(">&lt;script&gt;alert('x')&lt;/script&gt; &amp; co<");
        Document doc = Pictures.parse(svg);
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getDocumentElement().getTextContent()).contains("<script>alert('x')</script> & co");
    }

    @Test
    void journeyWithoutTouchpointsRendersItsPhasesWithANote() throws Exception {
        Journey empty = Journey.builder().id("empty").name("Empty").phases(Phase.standardPhases()).build();
        String svg = JourneyMapSvg.withDefaults().render(Fixtures.model(Fixtures.sanne("Sanne"), empty), "empty");
        Document doc = Pictures.parse(svg);
        assertThat(Pictures.byClass(doc, "phase")).hasSize(6);
        assertThat(Pictures.byClass(doc, "marker")).isEmpty();
        assertThat(Pictures.byClass(doc, "note")).extracting(Element::getTextContent)
                .anyMatch(t -> t.contains("no touchpoints yet"));
        assertThat(Pictures.rasterise(svg).getHeight()).isPositive();
    }

    @Test
    void journeyWithoutEmotionsAndWithOnePhaseRendersWithNotes() throws Exception {
        Journey plain = Journey.builder().id("plain").name("Plain").addPhases(Phase.SUPPORT)
                .addTouchpoints(Touchpoint.of("a", "Call", "support"), Touchpoint.of("b", "Mail", "support"))
                .build();
        String svg = JourneyMapSvg.withDefaults().render(Fixtures.model(Fixtures.sanne("Sanne"), plain), "plain");
        Document doc = Pictures.parse(svg);
        assertThat(Pictures.byClass(doc, "marker")).isEmpty();
        assertThat(Pictures.byClass(doc, "touchpoint")).hasSize(2);
        assertThat(Pictures.byClass(doc, "note")).extracting(Element::getTextContent)
                .anyMatch(t -> t.contains("no emotions are recorded"))
                .anyMatch(t -> t.contains("one phase only"))
                .anyMatch(t -> t.contains("No emotions recorded yet"));
        assertThat(Pictures.rasterise(svg).getWidth()).isPositive();
    }

    @Test
    void futureCurveIsDrawnOnTheSameChartWithAddedTouchpointsBetweenTheirNeighbours() throws Exception {
        SvgOptions options = SvgOptions.builder().comparisonJourneyId("laptop-request-improved").build();
        Document doc = Pictures.parse(JourneyMapSvg.of(options).render(MODEL, "laptop-request"));
        List<Element> future = Pictures.byClass(doc, "marker", "future");
        assertThat(future).extracting(m -> m.getAttribute("data-touchpoint")).containsExactly(
                "search-portal", "order-form", "auto-approval", "pickup", "first-login");
        List<Element> current = Pictures.byClass(doc, "marker", "current");
        double orderForm = Pictures.number(current.get(1), "cx");
        double pickup = Pictures.number(current.get(4), "cx");
        // The square marker's centre is x + 5; auto-approval sits halfway between order-form and pickup.
        assertThat(Pictures.number(future.get(2), "x") + 5).isEqualTo((orderForm + pickup) / 2);
        assertThat(Pictures.number(future.get(0), "x") + 5).isEqualTo(Pictures.number(current.get(0), "cx"));
        assertThat(Pictures.byClass(doc, "curve", "future")).hasSize(1);
    }

    @Test
    void handOffsAndMomentOfTruthAreMarked() throws Exception {
        Document doc = Pictures.parse(JourneyMapSvg.withDefaults().render(MODEL, "laptop-request"));
        // Department or channel changes: order-form -> approval-wait (Service desk -> Management, portal -> email),
        // approval-wait -> status-call, status-call -> pickup, pickup -> first-login (channel). search-portal ->
        // order-form changes nothing.
        assertThat(Pictures.byClass(doc, "gap")).extracting(g -> g.getAttribute("data-from"))
                .containsExactly("order-form", "approval-wait", "status-call", "pickup");
        assertThat(Pictures.byClass(doc, "touchpoint")).filteredOn(t -> t.hasAttribute("data-moment-of-truth"))
                .extracting(t -> t.getAttribute("data-touchpoint")).containsExactly("first-login");
        assertThat(Pictures.byClass(doc, "moment-of-truth")).hasSize(2); // the card's star and the legend's
    }

    @Test
    void lanesCanBeChosen() throws Exception {
        SvgOptions options = SvgOptions.builder().lanes(EnumSet.of(Lane.TOUCHPOINTS, Lane.EMOTIONS))
                .personaCard(false).build();
        Document doc = Pictures.parse(JourneyMapSvg.of(options).render(MODEL, "laptop-request"));
        assertThat(Pictures.byClass(doc, "lane")).extracting(l -> l.getAttribute("data-lane"))
                .containsExactly("TOUCHPOINTS", "EMOTIONS");
        assertThat(Pictures.byClass(doc, "persona")).isEmpty();
    }

    @Test
    void sameModelGivesSameBytes() throws IOException {
        String first = JourneyMapSvg.withDefaults().render(SeedJourneys.model(), "laptop-request");
        String second = JourneyMapSvg.withDefaults().render(SeedJourneys.model(), "laptop-request");
        StringWriter written = new StringWriter();
        JourneyMapSvg.withDefaults().write(SeedJourneys.model(), "laptop-request", written);
        assertThat(second).isEqualTo(first);
        assertThat(written.toString()).isEqualTo(first);
    }

    @Test
    void smallMapMatchesGoldenFile() throws IOException {
        // The golden file was rendered once, rasterised and checked by eye; it changes only on purpose.
        Journey small = Journey.builder().id("small").name("Small").phases(List.of(Phase.PURCHASE, Phase.USAGE))
                .addTouchpoints(
                        Touchpoint.builder().id("buy").name("Buy").phaseId("purchase").channelId("website")
                                .emotion(org.journeykit.model.EmotionScale.FIVE_POINT.emotion(1)).build(),
                        Touchpoint.builder().id("use").name("Use").phaseId("usage").channelId("mobile-app")
                                .emotion(org.journeykit.model.EmotionScale.FIVE_POINT.emotion(-1)).build())
                .build();
        JourneyModel model = JourneyModel.builder().addAllChannels(org.journeykit.model.Channel.standardChannels())
                .addJourneys(small).build();
        SvgOptions options = SvgOptions.builder().lanes(EnumSet.of(Lane.TOUCHPOINTS, Lane.EMOTIONS))
                .personaCard(false).build();
        String svg = JourneyMapSvg.of(options).render(model, "small");
        // Saved for review: after an intended change, look at it and copy it over the golden file.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/small-map.actual.svg"), svg,
                StandardCharsets.UTF_8);
        try (InputStream golden = getClass().getResourceAsStream("small-map.svg")) {
            assertThat(golden).as("golden file small-map.svg").isNotNull();
            assertThat(svg).isEqualTo(new String(golden.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 479, 20_001, Integer.MAX_VALUE})
    void absurdWidthsAreRefused(int width) {
        assertThatThrownBy(() -> SvgOptions.builder().width(width)).isInstanceOf(PictureException.class)
                .isInstanceOf(JourneyKitException.class)
                .hasMessageContaining("SvgOptions.width is " + width).hasMessageContaining("480 to 20000");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 71, 601})
    void absurdColumnWidthsAreRefused(int columnWidth) {
        assertThatThrownBy(() -> SvgOptions.builder().columnWidth(columnWidth)).isInstanceOf(PictureException.class)
                .hasMessageContaining("columnWidth is " + columnWidth);
    }

    @Test
    void widthTooSmallForTheTouchpointsIsRefusedWithTheWidthNeeded() {
        // 60 columns at least 72 wide: 16 + 232 + 16 + 112 + 60 * 72 + 16 = 4712.
        JourneyModel model = Fixtures.model(Fixtures.sanne("Sanne"), Fixtures.longJourney(60));
        JourneyMapSvg writer = JourneyMapSvg.of(SvgOptions.builder().width(1200).build());
        assertThatThrownBy(() -> writer.render(model, "long")).isInstanceOf(PictureException.class)
                .hasMessageContaining("SvgOptions.width 1200").hasMessageContaining("at least 4712");
    }

    @Test
    void automaticWidthBeyondTheLimitIsRefused() {
        // 60 columns of 600: 392 + 36000 > 20000.
        JourneyModel model = Fixtures.model(Fixtures.sanne("Sanne"), Fixtures.longJourney(60));
        JourneyMapSvg writer = JourneyMapSvg.of(SvgOptions.builder().columnWidth(600).build());
        assertThatThrownBy(() -> writer.render(model, "long")).isInstanceOf(PictureException.class)
                .hasMessageContaining("36392").hasMessageContaining("at most 20000");
    }

    @Test
    void fixedWidthDividesTheSpaceBetweenTheColumns() throws Exception {
        // 6 columns in 1000: (1000 - 376 - 16) / 6 = 101.33 per column.
        Document doc = Pictures.parse(JourneyMapSvg.of(SvgOptions.builder().width(1000).build())
                .render(MODEL, "laptop-request"));
        assertThat(Pictures.number(doc.getDocumentElement(), "width")).isEqualTo(1000.0);
        List<Element> markers = Pictures.byClass(doc, "marker", "current");
        assertThat(Pictures.number(markers.get(1), "cx") - Pictures.number(markers.get(0), "cx"))
                .isCloseTo(101.33, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void unknownJourneyIsRefused() {
        assertThatThrownBy(() -> JourneyMapSvg.withDefaults().render(MODEL, "nope"))
                .isInstanceOf(PictureException.class).hasMessageContaining("journeyId is 'nope'")
                .hasMessageContaining("laptop-request");
        JourneyMapSvg compare = JourneyMapSvg.of(SvgOptions.builder().comparisonJourneyId("gone").build());
        assertThatThrownBy(() -> compare.render(MODEL, "laptop-request")).isInstanceOf(PictureException.class)
                .hasMessageContaining("comparisonJourneyId is 'gone'");
    }

    @Test
    void paletteRefusesColoursThatAreNotSixHexDigits() {
        assertThatThrownBy(() -> Palette.okabeIto().with(Palette.Role.INK, "red"))
                .isInstanceOf(PictureException.class).hasMessageContaining("'red'").hasMessageContaining("#rrggbb");
        assertThat(Palette.okabeIto().with(Palette.Role.INK, "#1A2B3C").colour(Palette.Role.INK)).isEqualTo("#1a2b3c");
    }

    @Test
    void greyscalePaletteUsesOnlyGreys() {
        for (Palette.Role role : Palette.Role.values()) {
            String c = Palette.greyscale().colour(role);
            assertThat(c.substring(1, 3)).as(role.name()).isEqualTo(c.substring(3, 5)).isEqualTo(c.substring(5, 7));
        }
    }
}
