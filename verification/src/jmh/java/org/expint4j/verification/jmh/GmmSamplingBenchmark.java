package org.expint4j.verification.jmh;

import java.util.concurrent.TimeUnit;
import org.expint4j.verification.bench.GmmWorkload;
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
 * End-to-end DPM-Solver++(2M) sampling of a Gaussian mixture (D = 64, K = 8), batch 4096:
 * {@code sample} is one batch (samples/s = 4096 / time); {@code model} is one model evaluation,
 * so that the model's share is {@code NFE * model / sample}.
 *
 * <pre>
 * java -jar verification/target/benchmarks.jar GmmSamplingBenchmark
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@State(Scope.Benchmark)
public class GmmSamplingBenchmark {

    /** Model evaluations per batch. */
    @Param({"10", "20"})
    public int nfe;

    /** Samples per batch. */
    @Param({"4096"})
    public int batch;

    /** Threads evaluating the model (the batch split in parts). */
    @Param({"1", "2"})
    public int modelThreads;

    private GmmWorkload workload;
    private double[] out;

    /** Builds the model and the sampler. */
    @Setup(Level.Trial)
    public void setUp() {
        workload = new GmmWorkload(64, 8, batch, 2, modelThreads);
        out = new double[batch * 64];
    }

    /** Stops the threads. */
    @TearDown(Level.Trial)
    public void tearDown() {
        workload.close();
    }

    /** @return an element of the samples: one batch */
    @Benchmark
    public double sample() {
        workload.sample(nfe);
        return workload.probe();
    }

    /** @return an element of the output: one single-thread model evaluation at t = 0.5 */
    @Benchmark
    public double model() {
        workload.modelOnce(0.5, out);
        return out[0];
    }
}
