package org.journeykit.spark.bench;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code nps(score)} against Spark's built-in expression for the same number, per channel, over cached rows. The
 * issue's target: at most 1.5 times the built-in's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"})
public class NpsBenchmark {

    /** Rows of answers; the figure is for 10 M. */
    @Param("10000000")
    public long rows;

    private SparkSession spark;

    /** Starts Spark and caches the answers: score 0-10 and one of 8 channels. */
    @Setup(Level.Trial)
    public void setUp() {
        spark = SparkState.start();
        spark.sql("SELECT CAST(pmod(hash(id), 11) AS INT) AS score, CAST(pmod(hash(id, 7), 8) AS INT) AS channel "
                + "FROM range(" + rows + ")").cache().createOrReplaceTempView("answers");
        spark.table("answers").count();
    }

    /** Stops Spark. */
    @TearDown(Level.Trial)
    public void tearDown() {
        spark.stop();
    }

    /**
     * JourneyKit's aggregate.
     *
     * @return the rows, against dead-code elimination
     */
    @Benchmark
    public Object journeyKitNps() {
        return spark.sql("SELECT channel, nps(score).score FROM answers GROUP BY channel").collectAsList();
    }

    /**
     * Spark's built-in expression for the same score.
     *
     * @return the rows, against dead-code elimination
     */
    @Benchmark
    public Object sparkCaseAvg() {
        return spark.sql("SELECT channel, 100 * avg(CASE WHEN score >= 9 THEN 1 WHEN score <= 6 THEN -1 ELSE 0 END) "
                + "FROM answers GROUP BY channel").collectAsList();
    }
}
