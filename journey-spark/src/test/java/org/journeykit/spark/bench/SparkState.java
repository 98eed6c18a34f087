package org.journeykit.spark.bench;

import org.apache.spark.sql.SparkSession;
import org.journeykit.spark.JourneyKitFunctions;

/** The benchmarks' session: local[2] like the tests, the JVM options come from the fork. */
final class SparkState {

    private SparkState() {}

    static SparkSession start() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("journey-spark-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.sql.session.timeZone", "UTC").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        JourneyKitFunctions.register(spark);
        return spark;
    }
}
