package org.expint4j.verification.jmh;

import java.util.concurrent.TimeUnit;
import org.expint4j.verification.bench.DpmWorkload;
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
 * Per-step cost of the DPM-Solver++(2M) sampler with a trivial model ({@code eps = x}) against a
 * hand-written \(x\)-space step (model, data prediction, fused update). {@code sample} draws one
 * batch with {@code steps} NFE; per step in steady state = difference of {@code steps = 40} and
 * {@code steps = 20}, divided by 20 (time, and {@code gc.alloc.rate.norm} with {@code -prof gc}).
 *
 * <pre>
 * java -jar verification/target/benchmarks.jar DpmStepBenchmark -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Benchmark)
public class DpmStepBenchmark {

    /** Batch length B·D. */
    @Param({"1000", "10000", "100000", "1000000", "10000000"})
    public int n;

    /** NFE per sample run. */
    @Param({"20", "40"})
    public int steps;

    /** Backend threads. */
    @Param({"2"})
    public int threads;

    private DpmWorkload workload;

    /** Builds the sampler. */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new DpmWorkload(n, threads);
    }

    /** Stops the worker threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** @return an element of the samples: one sampling run */
    @Benchmark
    public double sample() {
        workload.run(steps, 2);
        return workload.probe();
    }

    /** @return an element of the output: one hand-written step */
    @Benchmark
    public double bareStep() {
        workload.bareStep();
        return workload.probe();
    }

    /** @return an element of the output: the trivial model alone */
    @Benchmark
    public double model() {
        workload.model();
        return workload.probe();
    }
}
