/**
 * The aggregators, buffers and executor functions behind journey-spark's API: public for Spark's generated code
 * and Java serialization, not part of the API.
 */
package org.journeykit.spark.internal;
