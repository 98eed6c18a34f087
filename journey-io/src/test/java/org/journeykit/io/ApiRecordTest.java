package org.journeykit.io;

import java.nio.file.Path;
import org.journeykit.fixtures.api.ApiRecord;
import org.junit.jupiter.api.Test;

/** The public API of journey-io (the packages module-info exports) against its record, api/journey-io.api. */
class ApiRecordTest {

    @Test
    void thePublicApiIsTheRecordedOne() {
        ApiRecord.ofModule(JourneyJson.class).assertMatches(Path.of("api", "journey-io.api"));
    }
}
