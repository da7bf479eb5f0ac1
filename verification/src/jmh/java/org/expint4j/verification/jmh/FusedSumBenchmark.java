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
 * Fused weighted sums of the CPU backend, K = 1..8 terms with scalar weights (and per-element
 * weights for K = 2, 3), next to {@code System.arraycopy} and a plain copy loop on the same
 * vectors, single thread and all cores. Convert a time per operation to effective bandwidth with
 * \((K+1) n b\) bytes (\((2K+1) n b\) per-element, \(2 n b\) for the copies; b = 8 double, 4
 * float).
 *
 * <pre>
 * java -jar verification/target/benchmarks.jar FusedSumBenchmark -p n=16777216 -p k=3 -p threads=1,2
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@State(Scope.Benchmark)
public class FusedSumBenchmark {

    /** Vector length, 2^10 .. 2^26. */
    @Param({"1024", "16384", "262144", "4194304", "16777216", "67108864"})
    public int n;

    /** Number of terms. */
    @Param({"1", "2", "3", "4", "5", "6", "7", "8"})
    public int k;

    /** Storage precision. */
    @Param({"DOUBLE", "FLOAT"})
    public FusedSums.Precision precision;

    /** Backend threads (1: single-thread instance). */
    @Param({"1", "2"})
    public int threads;

    private FusedSums sums;

    /** Allocates the vectors. */
    @Setup(Level.Trial)
    public void setUp() {
        sums = new FusedSums(precision, n, k, k <= 3, threads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD);
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sums.close();
    }

    /** @return an element of the result: {@code out = sum_j a_j x_j} */
    @Benchmark
    public double fused() {
        sums.fused(k);
        return sums.probe();
    }

    /** @return an element of the result: {@code out = sum_j w_j * x_j} (runs for K &le; 3) */
    @Benchmark
    public double fusedDiagonal() {
        if (k > 3) {
            return 0;
        }
        sums.fusedDiagonal(k);
        return sums.probe();
    }

    /** @return an element of the copy (independent of k) */
    @Benchmark
    public double arraycopy() {
        sums.arraycopy();
        return sums.probe();
    }

    /** @return an element of the copy (independent of k) */
    @Benchmark
    public double copyLoop() {
        sums.copyLoop();
        return sums.probe();
    }
}
