package org.expint4j.verification.jmh;

import java.util.concurrent.TimeUnit;
import org.expint4j.verification.bench.FusedSums;
import org.expint4j.vector.DoubleVectorOps;
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
 * A K-term weighted sum fused (one pass) against unfused: one scale/axpy pass per term in place,
 * and eager evaluation with temporaries as a tensor library runs {@code a0*x0 + a1*x1 + a2*x2}.
 * All three run on the same backend (same threads) and produce the same bits.
 *
 * <pre>
 * java -jar verification/target/benchmarks.jar FusionBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class FusionBenchmark {

    /** Vector length; 2^24 doubles (128 MiB) is well beyond the last-level cache. */
    @Param({"16777216"})
    public int n;

    /** Number of terms. */
    @Param({"3"})
    public int k;

    /** Storage precision. */
    @Param({"DOUBLE", "FLOAT"})
    public FusedSums.Precision precision;

    /** Backend threads. */
    @Param({"1", "2"})
    public int threads;

    private FusedSums sums;

    /** Allocates the vectors. */
    @Setup(Level.Trial)
    public void setUp() {
        sums = new FusedSums(precision, n, k, false, threads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD);
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sums.close();
    }

    /** @return an element of the result */
    @Benchmark
    public double fused() {
        sums.fused(k);
        return sums.probe();
    }

    /** @return an element of the result */
    @Benchmark
    public double unfusedInPlace() {
        sums.unfusedInPlace(k);
        return sums.probe();
    }

    /** @return an element of the result */
    @Benchmark
    public double unfusedEager() {
        sums.unfusedEager(k);
        return sums.probe();
    }
}
