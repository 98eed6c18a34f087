package org.journeykit.core;

import java.nio.file.Path;
import org.journeykit.fixtures.api.ApiRecord;
import org.journeykit.model.JourneyModel;
import org.junit.jupiter.api.Test;

/** The public API of journey-core against its checked-in record, api/journey-core.api. */
class ApiRecordTest {

    @Test
    void thePublicApiIsTheRecordedOne() {
        ApiRecord.ofModule(JourneyModel.class).assertMatches(Path.of("api", "journey-core.api"));
    }
}
