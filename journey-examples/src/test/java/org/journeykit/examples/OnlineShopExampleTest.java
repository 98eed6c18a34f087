package org.journeykit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.journeykit.examples.data.SampleData;
import org.journeykit.metrics.journeys.attribution.ChannelPath;
import org.journeykit.observed.InteractionEvent;
import org.junit.jupiter.api.Test;

class OnlineShopExampleTest {

    @Test
    void funnelCountsTheCustomersWhoVisitedAndWhoPaidAndAttributionConservesConversions() {
        List<InteractionEvent> events = SampleData.shopEvents(3_000, 8);
        List<ChannelPath> marketing = SampleData.marketingPaths(2_000, 8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            OnlineShopExample.print(events, marketing, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        // Every sample customer who pays does so minutes after the site visit, so the unique-customer funnel's
        // first and last steps are simply the customers with such an event, counted here directly.
        long visitors = events.stream().filter(e -> e.getTouchpointId().orElseThrow().equals("visit-site"))
                .map(InteractionEvent::getCustomerId).distinct().count();
        long payers = events.stream().filter(e -> e.getTouchpointId().orElseThrow().equals("pay"))
                .map(InteractionEvent::getCustomerId).distinct().count();
        long conversions = marketing.stream().mapToLong(ChannelPath::conversions).sum();
        assertThat(output)
                .containsPattern("visit-site +" + visitors + " +100\\.0% of previous")
                .containsPattern("pay +" + payers + " ")
                .contains("Paths: 3000 journeys")
                .contains("Channel attribution of " + conversions + " conversions")
                .contains("Markov: P(conversion)");
    }
}
