/**
 * A runnable example of JourneyKit on Spark: {@link org.journeykit.spark.example.SparkExample}.
 */
package org.journeykit.spark.example;
