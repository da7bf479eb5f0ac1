package org.expint4j.cuda.check;

import org.expint4j.cuda.Cu;
import org.expint4j.cuda.CudaGaussianMixtureModel;
import org.expint4j.cuda.CudaVectorOps;
import org.expint4j.cuda.DeviceMemoryException;
import org.expint4j.cuda.DeviceVector;
import org.expint4j.cuda.DoubleDeviceVector;
import org.expint4j.cuda.FloatDeviceVector;
import org.expint4j.cuda.GaussianMixtureParameters;
import org.expint4j.cuda.Precision;

import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.FloatModelAdapter;
import org.expint4j.diffusion.sampler.SampleResult;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;

/**
 * End-to-end DPM-Solver sampling of a Gaussian mixture, the diffusion half of {@link GpuCheck}:
 * the device model against the CPU model, whole sampling runs against the CPU's, and the sampling
 * throughput (samples per second) of both backends over a ladder of batch sizes, with the share of
 * the GPU time spent in the model kernel.
 *
 * <p>GPU runs are timed with CUDA events around {@code DpmSolver.sample} (the noise is already on
 * the device; nothing is downloaded), and with an event pair around every model evaluation, so the
 * model's share is the sum of those intervals over the whole run (the rest is the solver: the
 * fused vector operations, the per-step max-norm check, and host gaps). CPU runs use all cores:
 * {@link DoubleVectorOps}/{@link FloatVectorOps} with that many threads and one
 * {@link org.expint4j.diffusion.model.GaussianMixtureModel} per thread; wall-clock time.
 */
final class SamplingBenchmark {

    /** Dimension and components of the benchmark mixture. */
    static final int DIMENSION = 64;
    static final int COMPONENTS = 8;
    /** Batch of the correctness comparisons. */
    static final int CHECK_BATCH = 4096;
    /** A CPU run predicted to take longer than this ends the CPU ladder. */
    private static final double CPU_RUN_LIMIT_S = 8;
    /** Noise values generated on the host; larger batches repeat them. */
    private static final int NOISE_CHUNK = 1 << 22;

    private final PrintStream out;
    private final int minLog2;
    private final int maxLog2;
    private final int cpuMaxLog2;
    private final int threads = Runtime.getRuntime().availableProcessors();
    private final GaussianMixtureCheck.Mixture mixture = GaussianMixtureCheck.Mixture.random(DIMENSION, COMPONENTS,
        2026);
    private final List<String> failures = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    /**
     * @param out the report
     * @param minLog2 smallest batch, as log2 of the number of samples
     * @param maxLog2 largest GPU batch (smaller where the device memory does not suffice)
     * @param cpuMaxLog2 largest CPU batch (smaller where a run would take too long)
     */
    SamplingBenchmark(PrintStream out, int minLog2, int maxLog2, int cpuMaxLog2) {
        this.out = out;
        this.minLog2 = minLog2;
        this.maxLog2 = maxLog2;
        this.cpuMaxLog2 = cpuMaxLog2;
    }

    /** @return failed correctness claims */
    List<String> failures() {
        return failures;
    }

    /** @return summary lines of the throughput comparison */
    List<String> findings() {
        return findings;
    }

    /** The device model against the CPU model, element by element, against the agreement bound. */
    void model() {
        out.printf(Locale.ROOT, "mixture: D=%d, K=%d, %s; bound (4K+16) 2^-53 S_d = %.0f u S_d%n", DIMENSION,
            COMPONENTS, mixture.schedule(), GaussianMixtureParameters.boundUnits(COMPONENTS));
        try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble()) {
            model(ops, new GaussianMixtureCheck.Agreement(false));
        }
        try (CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.forFloat()) {
            model(ops, new GaussianMixtureCheck.Agreement(true));
        }
    }

    private <V extends DeviceVector> void model(CudaVectorOps<V> ops, GaussianMixtureCheck.Agreement a) {
        try (CudaGaussianMixtureModel<V> gpu = mixture.gpu(ops)) {
            long seed = 1;
            for (double t : new double[] {1e-3, 0.02, 0.3, 1}) {
                for (boolean far : new boolean[] {false, true}) {
                    final double[] x = GaussianMixtureCheck.points(gpu.cpuModel(), far ? 64 : CHECK_BATCH, t, far,
                        seed++);
                    GaussianMixtureCheck.compareModel(ops, gpu, x, t, a, "t=" + t + (far ? " far" : ""));
                }
            }
        }
        out.println("model " + a);
        if (!a.withinBound()) {
            failures.add("Gaussian-mixture model " + a);
        }
    }

    /** Whole sampling runs, GPU against CPU, within the sampling tolerances. */
    void sampling() {
        final double[] noise = GaussianMixtureCheck.noise(CHECK_BATCH * DIMENSION, 77);
        for (boolean f32 : new boolean[] {false, true}) {
            final double tolerance = f32 ? GaussianMixtureCheck.SAMPLING_TOLERANCE_F32
                : GaussianMixtureCheck.SAMPLING_TOLERANCE_F64;
            for (GaussianMixtureCheck.Sampler s : GaussianMixtureCheck.SAMPLERS) {
                final double[] cpu = GaussianMixtureCheck.sampleCpu(mixture, noise, s, f32, threads);
                final double[] gpu = f32 ? gpuSample(CudaVectorOps.forFloat(), noise, s)
                    : gpuSample(CudaVectorOps.forDouble(), noise, s);
                int identical = 0;
                for (int i = 0; i < cpu.length; i++) {
                    if (Double.doubleToRawLongBits(cpu[i]) == Double.doubleToRawLongBits(gpu[i])) {
                        identical++;
                    }
                }
                final double r = GaussianMixtureCheck.relativeMaxDifference(gpu, cpu);
                final String line = String.format(Locale.ROOT, "sampling %s %-32s B=%d: max|gpu-cpu|/max|x| = %.3g"
                    + " (tolerance %.3g), %d of %d values bit-identical", f32 ? "f32" : "f64", s.name(), CHECK_BATCH,
                    r, tolerance, identical, cpu.length);
                out.println(line + (r <= tolerance ? "" : "  OVER TOLERANCE"));
                if (!(r <= tolerance)) {
                    failures.add(line);
                }
            }
        }
    }

    private <V extends DeviceVector> double[] gpuSample(CudaVectorOps<V> ops, double[] noise,
                                                       GaussianMixtureCheck.Sampler s) {
        try (ops; CudaGaussianMixtureModel<V> gpu = mixture.gpu(ops)) {
            return GaussianMixtureCheck.sampleGpu(ops, gpu, noise, s);
        }
    }

    /** One measured configuration. */
    record Row(String backend, String precision, int nfe, int log2, double medianMs, double minMs,
                       double maxMs, double modelMs) {

        double samplesPerSecond() {
            return (1L << log2) / (medianMs / 1e3);
        }
    }

    /** The throughput ladder: DPM-Solver++(2M) at 10 and 20 NFE, GPU and CPU, double and float. */
    void throughput() {
        out.printf(Locale.ROOT, "DPM-Solver++(2M), D=%d, K=%d; CPU: %d threads (vector backend and one model per"
            + " thread); GPU: CUDA events around sample(), model share = event pairs around each evaluation%n",
            DIMENSION, COMPONENTS, threads);
        out.printf(Locale.ROOT, "%-6s %-4s %-4s %-6s %-32s %12s %8s  %s%n", "backend", "prec", "NFE", "B",
            "time per run ms: median [min .. max]", "samples/s", "model", "vs CPU");
        final double[] noise = GaussianMixtureCheck.noise(NOISE_CHUNK, 99);
        final Map<String, Row> cpuRows = new HashMap<>();
        final Map<String, Double> cpuBest = new HashMap<>();
        for (int nfe : new int[] {10, 20}) {
            final GaussianMixtureCheck.Sampler s = new GaussianMixtureCheck.Sampler("DPM-Solver++(2M) " + nfe + " NFE",
                org.expint4j.diffusion.sampler.Algorithm.DPMSOLVER_PLUS_PLUS, org.expint4j.diffusion.sampler.SamplingMethod.MULTISTEP,
                2, nfe);
            for (boolean f32 : new boolean[] {false, true}) {
                for (Row r : cpuLadder(s, f32, noise)) {
                    cpuRows.put(key(r.precision(), nfe, r.log2()), r);
                    cpuBest.merge(r.precision() + nfe, r.samplesPerSecond(), Math::max);
                    print(r, null, null);
                }
            }
            for (boolean f32 : new boolean[] {false, true}) {
                final List<Row> rows = f32 ? gpuLadder(CudaVectorOps.forFloat(), s, noise)
                    : gpuLadder(CudaVectorOps.forDouble(), s, noise);
                for (Row r : rows) {
                    final Row cpu = cpuRows.get(key(r.precision(), nfe, r.log2()));
                    print(r, cpu, cpuBest.get(r.precision() + nfe));
                }
                if (!rows.isEmpty()) {
                    final Row top = rows.get(rows.size() - 1);
                    final Double best = cpuBest.get(top.precision() + nfe);
                    findings.add(String.format(Locale.ROOT, "sampling %s %d NFE: GPU %.3g samples/s at B=2^%d%s, model "
                        + "%.0f%% of GPU time", top.precision(), nfe, top.samplesPerSecond(), top.log2(),
                        best == null ? "" : String.format(Locale.ROOT, " = %.1fx the CPU's best %.3g samples/s",
                            top.samplesPerSecond() / best, best), 100 * top.modelMs() / top.medianMs()));
                }
            }
        }
    }

    /**
     * The CPU half of the ladder alone, printed: for tests of the timing code without a device.
     *
     * @return the rows
     */
    List<Row> cpuThroughput(int nfe, boolean f32) {
        final GaussianMixtureCheck.Sampler s = new GaussianMixtureCheck.Sampler("DPM-Solver++(2M) " + nfe + " NFE",
            org.expint4j.diffusion.sampler.Algorithm.DPMSOLVER_PLUS_PLUS, org.expint4j.diffusion.sampler.SamplingMethod.MULTISTEP, 2,
            nfe);
        final List<Row> rows = cpuLadder(s, f32, GaussianMixtureCheck.noise(NOISE_CHUNK >> 6, 99));
        for (Row r : rows) {
            print(r, null, null);
        }
        return rows;
    }

    private static String key(String precision, int nfe, int log2) {
        return precision + "/" + nfe + "/" + log2;
    }

    private void print(Row r, Row cpu, Double cpuBest) {
        final String versus;
        if (cpu != null) {
            versus = String.format(Locale.ROOT, "%.1fx", r.samplesPerSecond() / cpu.samplesPerSecond());
        } else if (cpuBest != null) {
            versus = String.format(Locale.ROOT, "%.1fx CPU's best", r.samplesPerSecond() / cpuBest);
        } else {
            versus = "";
        }
        out.printf(Locale.ROOT, "%-7s %-4s %-4d 2^%-4d %-32s %12.4g %8s  %s%n", r.backend(), r.precision(), r.nfe(),
            r.log2(), String.format(Locale.ROOT, "%.3f [%.3f .. %.3f]", r.medianMs(), r.minMs(), r.maxMs()),
            r.samplesPerSecond(),
            Double.isNaN(r.modelMs()) ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * r.modelMs() / r.medianMs()),
            versus);
    }

    // ---- CPU ----

    private List<Row> cpuLadder(GaussianMixtureCheck.Sampler s, boolean f32, double[] noise) {
        final List<Row> rows = new ArrayList<>();
        final String precision = f32 ? "f32" : "f64";
        try (GaussianMixtureCheck.ParallelCpuModel model = new GaussianMixtureCheck.ParallelCpuModel(mixture, threads);
             DoubleVectorOps doubles = new DoubleVectorOps(threads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD);
             FloatVectorOps floats = new FloatVectorOps(threads, FloatVectorOps.DEFAULT_PARALLEL_THRESHOLD)) {
            final DpmSolver<double[]> solver64 = new DpmSolver<>(model, mixture.schedule(), doubles, s.algorithm());
            final DpmSolver<float[]> solver32 = new DpmSolver<>(new FloatModelAdapter(model), mixture.schedule(),
                floats, s.algorithm());
            double lastSeconds = 0;
            for (int log2 = minLog2; log2 <= cpuMaxLog2; log2 += 2) {
                if (lastSeconds * 4 > CPU_RUN_LIMIT_S) {
                    out.printf(Locale.ROOT, "%-7s %-4s %-4d 2^%-4d skipped: a run would take about %.0f s%n", "cpu",
                        precision, s.steps(), log2, lastSeconds * 4);
                    break;
                }
                final double[] x0 = tile(noise, (1 << log2) * DIMENSION);
                // The first run warms the JIT up; where one run takes over a second it is the
                // measurement, otherwise three more are.
                final double first = f32 ? cpuRun(solver32, s, toFloat(x0)) : cpuRun(solver64, s, x0.clone());
                final int n = first > 1e3 ? 1 : 3;
                final double[] ms = new double[n];
                ms[0] = first;
                for (int i = first > 1e3 ? 1 : 0; i < n; i++) {
                    ms[i] = f32 ? cpuRun(solver32, s, toFloat(x0)) : cpuRun(solver64, s, x0.clone());
                }
                Arrays.sort(ms);
                lastSeconds = ms[n / 2] / 1e3;
                rows.add(new Row("cpu", precision, s.steps(), log2, ms[n / 2], ms[0], ms[n - 1], Double.NaN));
            }
        }
        return rows;
    }

    /** @return milliseconds of {@code sample()} alone */
    private static <T> double cpuRun(DpmSolver<T> solver, GaussianMixtureCheck.Sampler s, T x) {
        final int length = x instanceof double[] d ? d.length : ((float[]) x).length;
        final long t0 = System.nanoTime();
        solver.sample(x, s.options(length / DIMENSION));
        return (System.nanoTime() - t0) / 1e6;
    }

    private static float[] toFloat(double[] x) {
        final float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    private static double[] tile(double[] chunk, int length) {
        final double[] x = new double[length];
        for (int i = 0; i < length; i += chunk.length) {
            System.arraycopy(chunk, 0, x, i, Math.min(chunk.length, length - i));
        }
        return x;
    }

    // ---- GPU ----

    private <V extends DeviceVector> List<Row> gpuLadder(CudaVectorOps<V> ops, GaussianMixtureCheck.Sampler s,
                                                        double[] noise) {
        final List<Row> rows = new ArrayList<>();
        final String precision = ops.precision() == Precision.DOUBLE ? "f64" : "f32";
        final float[] noiseF = new float[noise.length];
        for (int i = 0; i < noise.length; i++) {
            noiseF[i] = (float) noise[i];
        }
        ops.synchronize();  // makes the context current for the events
        final CUevent[] events = new CUevent[2 + 2 * 4 * (s.steps() + 2)];
        for (int i = 0; i < events.length; i++) {
            events[i] = new CUevent();
            Cu.check(cuEventCreate(events[i], CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate");
        }
        try (ops; CudaGaussianMixtureModel<V> model = mixture.gpu(ops)) {
            double footprint = Double.NaN;  // device bytes of one run, in vectors of the batch
            for (int log2 = minLog2; log2 <= maxLog2; log2 += 2) {
                final int length = (1 << log2) * DIMENSION;
                final long vectorBytes = (long) length * ops.bytesPerElement();
                flush(ops);
                final long free = ops.memoryInfo()[0];
                if (!Double.isNaN(footprint) && (footprint + 2) * vectorBytes > 0.8 * free) {
                    out.printf(Locale.ROOT, "cuda    %s %-4d 2^%-4d skipped: needs about %s, %s free%n", precision,
                        s.steps(), log2, Cu.formatBytes((long) ((footprint + 2) * vectorBytes)),
                        Cu.formatBytes(free));
                    break;
                }
                final V x = ops.allocate(length);
                try {
                    final long before = ops.allocatedBytes();
                    gpuRun(ops, model, s, x, noise, noiseF, events);  // warm-up
                    if (Double.isNaN(footprint)) {
                        footprint = (ops.allocatedBytes() - before) / (double) vectorBytes;
                    }
                    final int runs = 3;
                    final double[][] ms = new double[runs][];
                    for (int i = 0; i < runs; i++) {
                        flush(ops);
                        ms[i] = gpuRun(ops, model, s, x, noise, noiseF, events);
                    }
                    Arrays.sort(ms, (a, b) -> Double.compare(a[0], b[0]));
                    rows.add(new Row("cuda", precision, s.steps(), log2, ms[runs / 2][0], ms[0][0], ms[runs - 1][0],
                        ms[runs / 2][1]));
                } catch (DeviceMemoryException e) {
                    out.printf(Locale.ROOT, "cuda    %s %-4d 2^%-4d stopped: %s%n", precision, s.steps(), log2,
                        e.getMessage());
                    break;
                } finally {
                    x.close();
                }
            }
        } finally {
            for (CUevent e : events) {
                cuEventDestroy(e);
            }
        }
        return rows;
    }

    /** @return {total ms, model ms} of one timed run */
    private <V extends DeviceVector> double[] gpuRun(CudaVectorOps<V> ops, CudaGaussianMixtureModel<V> model,
                                                    GaussianMixtureCheck.Sampler s, V x, double[] noise,
                                                    float[] noiseF, CUevent[] events) {
        upload(x, noise, noiseF);
        ops.synchronize();
        final int[] calls = {0};
        final int pairs = (events.length - 2) / 2;
        final DiffusionModel<V> timed = (in, t, result) -> {
            final int i = calls[0]++;
            if (i < pairs) {
                Cu.check(cuEventRecord(events[2 + 2 * i], null), "cuEventRecord");
            }
            model.noise(in, t, result);
            if (i < pairs) {
                Cu.check(cuEventRecord(events[3 + 2 * i], null), "cuEventRecord");
            }
        };
        final DpmSolver<V> solver = new DpmSolver<>(timed, mixture.schedule(), ops, s.algorithm());
        Cu.check(cuEventRecord(events[0], null), "cuEventRecord");
        final SampleResult r = solver.sample(x, s.options(x.length() / DIMENSION));
        Cu.check(cuEventRecord(events[1], null), "cuEventRecord");
        Cu.check(cuEventSynchronize(events[1]), "cuEventSynchronize");
        final float[] ms = new float[1];
        Cu.check(cuEventElapsedTime(ms, events[0], events[1]), "cuEventElapsedTime");
        final double total = ms[0];
        if (r.evaluations() != s.steps() || calls[0] > pairs) {
            // Not expected for DPM-Solver++(2M); the model share is then unknown, the time stands.
            out.printf(Locale.ROOT, "note: %d model calls for %d NFE; model share not measured%n", calls[0],
                r.evaluations());
            return new double[] {total, Double.NaN};
        }
        double inModel = 0;
        for (int i = 0; i < calls[0]; i++) {
            Cu.check(cuEventElapsedTime(ms, events[2 + 2 * i], events[3 + 2 * i]), "cuEventElapsedTime");
            inModel += ms[0];
        }
        return new double[] {total, inModel};
    }

    private static void upload(DeviceVector x, double[] noise, float[] noiseF) {
        for (int pos = 0; pos < x.length(); pos += noise.length) {
            final int count = Math.min(noise.length, x.length() - pos);
            if (x instanceof DoubleDeviceVector d) {
                d.upload(noise, 0, pos, count);
            } else {
                ((FloatDeviceVector) x).upload(noiseF, 0, pos, count);
            }
        }
    }

    /** Lets the cleaner queue the work vectors of earlier runs and frees them now. */
    private static void flush(CudaVectorOps<?> ops) {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ops.allocate(1).close();
    }
}
