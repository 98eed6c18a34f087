package org.journeykit.metrics;

import java.nio.file.Path;
import org.journeykit.fixtures.api.ApiRecord;
import org.junit.jupiter.api.Test;

/**
 * The public API of journey-metrics (the packages module-info exports, so neither the internal packages nor the
 * Hipparchus classes the published jar relocates into them) against its record, api/journey-metrics.api.
 */
class ApiRecordTest {

    @Test
    void thePublicApiIsTheRecordedOne() {
        ApiRecord.ofModule(MetricAccumulator.class).assertMatches(Path.of("api", "journey-metrics.api"));
    }
}
