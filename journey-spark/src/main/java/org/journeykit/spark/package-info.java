/**
 * JourneyKit on Apache Spark: the survey and service metrics as SQL aggregate functions
 * ({@link org.journeykit.spark.JourneyKitFunctions}), journey analytics over a Dataset of events
 * ({@link org.journeykit.spark.SparkJourneys}) and their results as DataFrames
 * ({@link org.journeykit.spark.JourneyTables}). Errors inside Spark surface as
 * {@link org.journeykit.spark.SparkFunctionException} in the failed query's cause chain.
 *
 * <p>Spark SQL 4.2 (Scala 2.13) is a provided dependency: the cluster, {@code spark-submit} or the notebook brings it.
 */
package org.journeykit.spark;
