package org.journeykit.spark;

import java.nio.file.Path;
import org.journeykit.fixtures.api.ApiRecord;
import org.junit.jupiter.api.Test;

/**
 * The public API of journey-spark against its record, api/journey-spark.api. The module has no descriptor (Spark's
 * jars have no valid module names), so the API packages are the documented ones: every org.journeykit.spark
 * package but internal, whose classes are public for Spark's generated code only (the javadoc leaves it out too).
 */
class ApiRecordTest {

    @Test
    void thePublicApiIsTheRecordedOne() {
        ApiRecord.ofPackages(SparkJourneys.class,
                        name -> name.startsWith("org.journeykit.spark") && !(name + ".").contains(".internal."))
                .assertMatches(Path.of("api", "journey-spark.api"));
    }
}
