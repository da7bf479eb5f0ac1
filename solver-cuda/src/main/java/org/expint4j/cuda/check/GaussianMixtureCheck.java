package org.expint4j.cuda.check;

import org.expint4j.cuda.CudaGaussianMixtureModel;
import org.expint4j.cuda.CudaVectorOps;
import org.expint4j.cuda.DeviceVector;
import org.expint4j.cuda.Precision;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.FloatModelAdapter;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;

/**
 * What the GPU tests and {@link GpuCheck} share for the Gaussian-mixture model: random mixtures,
 * the samplers compared, the element-wise comparison against the agreement bound, whole sampling
 * runs on either backend, and a CPU model that evaluates a batch on several threads (the fair CPU
 * baseline of the benchmark; per-sample work is independent, so it gives the same bits).
 *
 * <p><b>Sampling tolerances.</b> A sampling run feeds every model output back through the solver,
 * so the per-evaluation bound does not bound the final samples by itself. The tolerances below
 * come from an experiment on the CPU ({@code GaussianMixtureSamplingSensitivityTest}): the
 * samplers of {@link #SAMPLERS} run with the CPU model perturbed by its whole bound in every
 * element of every evaluation (random signs, and all one sign), and in float with every output
 * moved by one float ulp; the largest final differences, relative to \( \max|x| \), were about
 * \( 2^{14}\cdot 2^{-53} \) and \( 2^{10}\cdot 2^{-24} \) (measured here, both for single-step
 * DPM-Solver-3). That test requires
 * them to stay below a quarter of these tolerances, so the tolerances hold with margin whenever
 * the device model keeps its bound and the solver is bit-identical on both backends (its claim).
 * The device model's errors are far smaller than that adversary: most outputs are bit-identical.
 */
final class GaussianMixtureCheck {

    /** Largest |GPU - CPU| of a double sampling run, relative to the largest |sample|: 2^-35. */
    static final double SAMPLING_TOLERANCE_F64 = 0x1p-35;
    /** The same for float runs: 2^-11 (2^13 float units). */
    static final double SAMPLING_TOLERANCE_F32 = 0x1p-11;

    private GaussianMixtureCheck() {
    }

    /**
     * Parameters of a mixture.
     *
     * @param weights \(w_k\)
     * @param means \(\mu_k\)
     * @param stds \(s_k\)
     * @param schedule the noise schedule
     */
    record Mixture(double[] weights, double[][] means, double[][] stds, NoiseSchedule schedule) {

        /**
         * Weights in [0.2, 1), means in [-2, 2), standard deviations log-uniform in [0.05, 0.5]:
         * well-separated, narrow clusters, so that late in sampling the responsibilities are
         * decided (exponents far below 0) and early they are shared.
         */
        static Mixture random(int dimension, int components, long seed) {
            final SplittableRandom rnd = new SplittableRandom(seed);
            final double[] w = new double[components];
            final double[][] means = new double[components][dimension];
            final double[][] stds = new double[components][dimension];
            for (int k = 0; k < components; k++) {
                w[k] = rnd.nextDouble(0.2, 1);
                for (int d = 0; d < dimension; d++) {
                    means[k][d] = rnd.nextDouble(-2, 2);
                    stds[k][d] = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(0.5)));
                }
            }
            return new Mixture(w, means, stds, new LinearSchedule());
        }

        int dimension() {
            return means[0].length;
        }

        int components() {
            return weights.length;
        }

        GaussianMixtureModel cpu() {
            return new GaussianMixtureModel(weights, means, stds, schedule, ModelTimeMap.CONTINUOUS);
        }

        <V extends DeviceVector> CudaGaussianMixtureModel<V> gpu(CudaVectorOps<V> ops) {
            return new CudaGaussianMixtureModel<>(ops, weights, means, stds, schedule, ModelTimeMap.CONTINUOUS);
        }
    }

    /**
     * A sampler configuration.
     *
     * @param name for reports
     * @param algorithm DPM-Solver or DPM-Solver++
     * @param method multistep or single-step
     * @param order the order
     * @param steps steps (the NFE)
     */
    record Sampler(String name, Algorithm algorithm, SamplingMethod method, int order, int steps) {

        SampleOptions options(int batch) {
            return new SampleOptions().steps(steps).order(order).method(method).batchSize(batch);
        }
    }

    /** DPM-Solver++(2M) at 10 and 20 NFE, and single-step DPM-Solver-3 at 21 NFE. */
    static final List<Sampler> SAMPLERS = List.of(
        new Sampler("DPM-Solver++(2M) 10 NFE", Algorithm.DPMSOLVER_PLUS_PLUS, SamplingMethod.MULTISTEP, 2, 10),
        new Sampler("DPM-Solver++(2M) 20 NFE", Algorithm.DPMSOLVER_PLUS_PLUS, SamplingMethod.MULTISTEP, 2, 20),
        new Sampler("DPM-Solver-3 single-step 21 NFE", Algorithm.DPMSOLVER, SamplingMethod.SINGLESTEP, 3, 21));

    /** @return {@code length} standard normal values */
    static double[] noise(int length, long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double[] z = new double[length];
        for (int i = 0; i < z.length; i++) {
            z[i] = rnd.nextGaussian();
        }
        return z;
    }

    /**
     * Points to evaluate the model at: the diffused data \( \alpha_t x_0 + \sigma_t z \), every
     * fourth one from the midpoint of two data points (shared responsibilities), and with
     * {@code far} coordinates of \( \pm 10^3 \) instead.
     */
    static double[] points(GaussianMixtureModel cpu, int samples, double t, boolean far, long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int dim = cpu.dimension();
        final double[] x0 = new double[samples * dim];
        cpu.sampleData(rnd, samples, x0);
        final double alpha = cpu.schedule().alpha(t);
        final double sigma = cpu.schedule().sigma(t);
        final double[] x = new double[x0.length];
        for (int b = 0; b < samples; b++) {
            final int other = rnd.nextInt(samples);
            for (int d = 0; d < dim; d++) {
                final int i = b * dim + d;
                if (far) {
                    x[i] = rnd.nextBoolean() ? 1e3 : -1e3;
                } else {
                    final double data = b % 4 == 1 ? 0.5 * (x0[i] + x0[other * dim + d]) : x0[i];
                    x[i] = alpha * data + sigma * rnd.nextGaussian();
                }
            }
        }
        return x;
    }

    /** Element-wise agreement of the device model with the CPU model, accumulated over calls. */
    static final class Agreement {
        final boolean f32;
        long elements;
        long identical;
        long overBound;
        double maxUlps;
        double maxRatio;
        String worst = "";

        Agreement(boolean f32) {
            this.f32 = f32;
        }

        /**
         * Adds one comparison. Double: |gpu - cpu| must not exceed the bound. Float: the CPU value
         * rounded to float as FloatModelAdapter rounds it, and the bound plus one float ulp.
         *
         * @param what names the batch, for the report
         * @param cpu the CPU model's double values
         * @param gpu the device's values (widened from float for a float model)
         * @param bound {@link CudaGaussianMixtureModel#agreementBound} of the batch
         */
        void add(String what, double[] cpu, double[] gpu, double[] bound) {
            for (int i = 0; i < cpu.length; i++) {
                elements++;
                final double e = f32 ? (float) cpu[i] : cpu[i];
                final double a = gpu[i];
                if (Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a)
                        || Double.isNaN(e) && Double.isNaN(a)) {
                    identical++;
                    continue;
                }
                final double diff = Math.abs(a - e);
                final double allowed = f32 ? bound[i] + Math.ulp((float) (Math.abs(cpu[i]) + bound[i])) : bound[i];
                final double ulps = diff / (f32 ? Math.ulp((float) e) : Math.ulp(e));
                maxUlps = Math.max(maxUlps, Double.isNaN(ulps) ? Double.POSITIVE_INFINITY : ulps);
                final double ratio = diff / allowed;
                if (!(ratio <= maxRatio)) {
                    maxRatio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
                    if (!(ratio <= 1)) {
                        worst = String.format(Locale.ROOT, "%s element %d: cpu %.17g, gpu %.17g, bound %.3g", what, i,
                            e, a, allowed);
                    }
                }
                if (!(diff <= allowed)) {
                    overBound++;
                }
            }
        }

        boolean withinBound() {
            return overBound == 0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d elements, %d bit-identical (%.4f%%), max %.3g ulps, "
                + "max |diff|/bound %.3g, %d over the bound%s", f32 ? "f32" : "f64", elements, identical,
                100.0 * identical / Math.max(1, elements), maxUlps, maxRatio, overBound,
                worst.isEmpty() ? "" : " (worst: " + worst + ")");
        }
    }

    /**
     * Evaluates the device model and the CPU model on the same points and adds the comparison.
     *
     * @return the agreement, for chaining
     */
    static <V extends DeviceVector> Agreement compareModel(CudaVectorOps<V> ops, CudaGaussianMixtureModel<V> gpu,
                                                          double[] x, double t, Agreement into, String what) {
        final double[] in = x.clone();
        if (ops.precision() == Precision.FLOAT) {
            for (int i = 0; i < in.length; i++) {
                in[i] = (float) in[i];
            }
        }
        final double[] expected = new double[in.length];
        gpu.cpuModel().noise(in, t, expected);
        final double[] bound = new double[in.length];
        gpu.agreementBound(in, t, bound);
        final double[] actual = new double[in.length];
        final V xv = ops.fromArray(in);
        final V out = ops.allocate(in.length);
        try {
            gpu.noise(xv, t, out);
            ops.toArray(out, actual);
        } finally {
            xv.close();
            out.close();
        }
        into.add(what, expected, actual, bound);
        return into;
    }

    /**
     * A whole sampling run on the CPU: {@link DoubleVectorOps} with the CPU model, or
     * {@link FloatVectorOps} with the CPU model behind {@link FloatModelAdapter}.
     *
     * @param threads threads of the vector backend and of the model ({@code 1}: the serial
     *     reference)
     * @return the samples (widened for float)
     */
    static double[] sampleCpu(Mixture m, double[] noise, Sampler s, boolean f32, int threads) {
        final int batch = noise.length / m.dimension();
        if (!f32) {
            try (ParallelCpuModel model = new ParallelCpuModel(m, threads);
                 DoubleVectorOps ops = new DoubleVectorOps(threads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD)) {
                final double[] x = noise.clone();
                new DpmSolver<>(model, m.schedule(), ops, s.algorithm()).sample(x, s.options(batch));
                return x;
            }
        }
        try (ParallelCpuModel model = new ParallelCpuModel(m, threads);
             FloatVectorOps ops = new FloatVectorOps(threads, FloatVectorOps.DEFAULT_PARALLEL_THRESHOLD)) {
            final float[] x = new float[noise.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) noise[i];
            }
            new DpmSolver<>(new FloatModelAdapter(model), m.schedule(), ops, s.algorithm()).sample(x, s.options(batch));
            final double[] r = new double[x.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = x[i];
            }
            return r;
        }
    }

    /**
     * A whole sampling run on the device: the noise is uploaded, DPM-Solver runs with
     * {@link CudaVectorOps} and the device model, the samples are downloaded.
     *
     * @return the samples (widened for float)
     */
    static <V extends DeviceVector> double[] sampleGpu(CudaVectorOps<V> ops, CudaGaussianMixtureModel<V> model,
                                                      double[] noise, Sampler s) {
        final V x = ops.fromArray(noise);
        try {
            new DpmSolver<>(model::noise, model.schedule(), ops, s.algorithm()).sample(x, s.options(
                noise.length / model.dimension()));
            final double[] r = new double[noise.length];
            ops.toArray(x, r);
            return r;
        } finally {
            x.close();
        }
    }

    /** @return {@code max|a - b| / max|b|} (NaN anywhere gives NaN) */
    static double relativeMaxDifference(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            final double d = Math.abs(a[i] - b[i]);
            if (Double.isNaN(d)) {
                return Double.NaN;
            }
            diff = Math.max(diff, d);
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / Math.max(scale, Double.MIN_NORMAL);
    }

    /**
     * The CPU model on several threads: the batch is cut into contiguous runs of samples, each
     * evaluated by its own {@link GaussianMixtureModel} (instances are not thread-safe), the
     * calling thread taking the first. Same bits as one model on the whole batch. At continuous
     * time, like {@code model::noise}.
     */
    static final class ParallelCpuModel implements DiffusionModel<double[]>, AutoCloseable {
        private final GaussianMixtureModel[] models;
        private final int dimension;
        private final ExecutorService pool;
        private final List<Future<?>> pending = new ArrayList<>();
        private double[][] in = new double[0][];
        private double[][] out = new double[0][];

        ParallelCpuModel(Mixture m, int threads) {
            this.models = new GaussianMixtureModel[threads];
            for (int i = 0; i < threads; i++) {
                models[i] = m.cpu();
            }
            this.dimension = m.dimension();
            this.pool = threads > 1 ? Executors.newFixedThreadPool(threads - 1, r -> {
                final Thread th = new Thread(r, "cpu-gmm");
                th.setDaemon(true);
                return th;
            }) : null;
        }

        @Override
        public void evaluate(double[] x, double t, double[] result) {
            final int samples = x.length / dimension;
            if (pool == null || samples < 2 * models.length) {
                models[0].noise(x, t, result);
                return;
            }
            final int parts = models.length;
            if (in.length != parts) {
                in = new double[parts][];
                out = new double[parts][];
            }
            pending.clear();
            for (int p = parts - 1; p >= 0; p--) {
                final int first = (int) ((long) samples * p / parts);
                final int last = (int) ((long) samples * (p + 1) / parts);
                final int length = (last - first) * dimension;
                if (in[p] == null || in[p].length != length) {
                    in[p] = new double[length];
                    out[p] = new double[length];
                }
                final int part = p;
                final Runnable work = () -> {
                    System.arraycopy(x, first * dimension, in[part], 0, length);
                    models[part].noise(in[part], t, out[part]);
                    System.arraycopy(out[part], 0, result, first * dimension, length);
                };
                if (p == 0) {
                    work.run();
                } else {
                    pending.add(pool.submit(work));
                }
            }
            try {
                for (Future<?> f : pending) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("model evaluation failed", e.getCause());
            }
        }

        @Override
        public void close() {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }
}
