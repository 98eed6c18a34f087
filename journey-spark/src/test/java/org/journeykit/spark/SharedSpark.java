package org.journeykit.spark;

import org.apache.spark.sql.SparkSession;

/** The one Spark session of the module's tests: local[2], small shuffles, no UI. */
final class SharedSpark {

    private static final class Holder {
        static final SparkSession SPARK = start();
    }

    private SharedSpark() {}

    static SparkSession session() {
        return Holder.SPARK;
    }

    private static SparkSession start() {
        SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .appName("journey-spark-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                // Kryo for everything Spark serializes, with registration required: the functions must need none.
                .config("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .config("spark.kryo.registrationRequired", "true")
                .getOrCreate();
        JourneyKitFunctions.register(spark);
        return spark;
    }
}
