package org.expint4j.verification.jmh;

import java.util.concurrent.TimeUnit;
import org.expint4j.verification.bench.DriverWorkload;
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
 * Per-step cost of {@code FixedStepIntegrator} with a trivial nonlinearity against the bare fused
 * sums of one step. {@code run} integrates {@code steps} steps (set-up included); the time and
 * the allocation of one step in steady state are the differences between {@code steps = 110} and
 * {@code steps = 10}, divided by 100 (with {@code -prof gc}: {@code gc.alloc.rate.norm}).
 * {@code bareStep} is the sums alone.
 *
 * <pre>
 * java -jar verification/target/benchmarks.jar DriverStepBenchmark -p n=100000 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class DriverStepBenchmark {

    /** State length. */
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int n;

    /** Method: etd1, etdrk4, or abnorsett3 (exponential Adams, warm-up start). */
    @Param({"etd1", "etdrk4", "abnorsett3"})
    public String method;

    /** Linear part. */
    @Param({"SCALAR", "DIAGONAL"})
    public DriverWorkload.Kind kind;

    /** Steps per run. */
    @Param({"10", "110"})
    public int steps;

    /** Backend threads. */
    @Param({"2"})
    public int threads;

    private DriverWorkload workload;

    /** Builds the driver and the bare sums' vectors. */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new DriverWorkload(method, kind, n, threads);
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** @return an element of the state: one run of {@code steps} steps */
    @Benchmark
    public double run() {
        workload.run(steps, 1);
        return workload.probe();
    }

    /** @return an element of the output: the bare sums of one step */
    @Benchmark
    public double bareStep() {
        workload.bareStep();
        return workload.probe();
    }
}
