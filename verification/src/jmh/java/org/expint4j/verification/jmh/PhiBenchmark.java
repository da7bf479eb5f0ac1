package org.expint4j.verification.jmh;

import java.util.concurrent.TimeUnit;
import org.expint4j.verification.bench.PhiWorkload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * φ-function throughput: a scalar (all orders at once and one at a time), real and complex
 * diagonals of length n, and a dense 64×64 matrix; orders 0..4.
 *
 * <pre>
 * java -jar verification/target/benchmarks.jar PhiBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
@State(Scope.Benchmark)
public class PhiBenchmark {

    /** Diagonal length. */
    @Param({"1000", "100000"})
    public int n;

    private PhiWorkload phi;

    /** Builds the arguments. */
    @Setup
    public void setUp() {
        phi = new PhiWorkload(4, n, 64);
    }

    /** @return a result: φ0..φ4 of one real argument at once */
    @Benchmark
    public double scalarAll() {
        phi.scalarAll();
        return phi.probe();
    }

    /** @return a result: φ0..φ4 of one real argument, order by order */
    @Benchmark
    public double scalarEach() {
        phi.scalarEach();
        return phi.probe();
    }

    /** @return a result: φ0..φ4 of a real diagonal of length n */
    @Benchmark
    public double diagonal() {
        phi.diagonal();
        return phi.probe();
    }

    /** @return a result: φ0..φ4 of a complex diagonal of length n */
    @Benchmark
    public double complexDiagonal() {
        phi.complexDiagonal();
        return phi.probe();
    }

    /** @return a result: φ0..φ4 of a dense 64×64 matrix (independent of n) */
    @Benchmark
    public double dense() {
        phi.dense();
        return phi.probe();
    }
}
