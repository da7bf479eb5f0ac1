package org.expint4j.verification.bench;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.vector.DoubleVectorOps;

/**
 * End-to-end sampling of a Gaussian mixture (the exact noise predictor of
 * {@link GaussianMixtureModel}) with DPM-Solver++(2M): samples per second, and the time spent in
 * the model measured separately so that the solver's share is known. The model can run on one
 * thread (as written) or with the batch split over several threads, one model instance each.
 */
public final class GmmWorkload implements AutoCloseable {

    private final int batch;
    private final int dimension;
    private final DoubleVectorOps ops;
    private final DpmSolver<double[]> solver;
    private final double[] noise;
    private final double[] x;
    private final ForkJoinPool modelPool;
    private final GaussianMixtureModel[] models;
    private final double[][] partIn;
    private final double[][] partOut;
    private long modelNanos;
    private long modelCalls;

    /**
     * @param dimension \(D\)
     * @param components \(K\)
     * @param batch number of samples \(B\)
     * @param solverThreads threads of the vector backend
     * @param modelThreads threads evaluating the model (the batch is split in as many parts)
     */
    public GmmWorkload(int dimension, int components, int batch, int solverThreads, int modelThreads) {
        this.batch = batch;
        this.dimension = dimension;
        final NoiseSchedule schedule = new LinearSchedule();
        final SplittableRandom rnd = new SplittableRandom(2022);
        final double[] w = new double[components];
        final double[][] means = new double[components][dimension];
        final double[][] stds = new double[components][dimension];
        for (int k = 0; k < components; k++) {
            w[k] = 0.5 + rnd.nextDouble();
            for (int d = 0; d < dimension; d++) {
                means[k][d] = 2 * rnd.nextGaussian();
                stds[k][d] = 0.2 + 0.8 * rnd.nextDouble();
            }
        }
        models = new GaussianMixtureModel[Math.max(1, modelThreads)];
        for (int m = 0; m < models.length; m++) {
            models[m] = new GaussianMixtureModel(w, means, stds, schedule, ModelTimeMap.CONTINUOUS);
        }
        modelPool = models.length > 1 ? new ForkJoinPool(models.length) : null;
        partIn = new double[models.length][];
        partOut = new double[models.length][];
        for (int p = 0; p < models.length; p++) {
            final int size = (int) ((long) batch * (p + 1) / models.length - (long) batch * p / models.length);
            partIn[p] = new double[size * dimension];
            partOut[p] = new double[size * dimension];
        }
        final DiffusionModel<double[]> timed = (in, t, out) -> {
            final long start = System.nanoTime();
            if (modelPool == null) {
                models[0].evaluate(in, t, out);
            } else {
                modelPool.invoke(new Split(in, t, out, 0, models.length));
            }
            modelNanos += System.nanoTime() - start;
            modelCalls++;
        };
        ops = solverThreads > 1 ? new DoubleVectorOps(solverThreads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD)
            : DoubleVectorOps.serial();
        solver = new DpmSolver<>(timed, schedule, ops, Algorithm.DPMSOLVER_PLUS_PLUS);
        noise = new double[batch * dimension];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian();
        }
        x = new double[noise.length];
    }

    /** Evaluates the model on parts {@code [p0, p1)} of the batch, one model instance per part. */
    private final class Split extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient double[] in;
        private final double t;
        private final transient double[] out;
        private final int p0;
        private final int p1;

        Split(double[] in, double t, double[] out, int p0, int p1) {
            this.in = in;
            this.t = t;
            this.out = out;
            this.p0 = p0;
            this.p1 = p1;
        }

        @Override
        protected void compute() {
            if (p1 - p0 > 1) {
                final int mid = (p0 + p1) >>> 1;
                invokeAll(new Split(in, t, out, p0, mid), new Split(in, t, out, mid, p1));
                return;
            }
            final int parts = models.length;
            final int from = (int) ((long) batch * p0 / parts) * dimension;
            final int to = (int) ((long) batch * (p0 + 1) / parts) * dimension;
            final double[] a = partIn[p0];
            final double[] b = partOut[p0];
            System.arraycopy(in, from, a, 0, to - from);
            models[p0].evaluate(a, t, b);
            System.arraycopy(b, 0, out, from, to - from);
        }
    }

    /**
     * Draws {@link #batch()} samples with {@code nfe} model evaluations.
     *
     * @param nfe number of model evaluations (steps of the multistep method)
     */
    public void sample(int nfe) {
        System.arraycopy(noise, 0, x, 0, x.length);
        solver.sample(x, DpmWorkload.options(nfe));
    }

    /** Evaluates the model once on the current batch, outside the sampler. */
    public void modelOnce(double t, double[] out) {
        models[0].evaluate(x, t, out);
    }

    /** Starts counting model time anew. */
    public void resetModelClock() {
        modelNanos = 0;
        modelCalls = 0;
    }

    /** @return nanoseconds spent in the model since the last reset */
    public long modelNanos() {
        return modelNanos;
    }

    /** @return model calls since the last reset */
    public long modelCalls() {
        return modelCalls;
    }

    /** @return the batch size */
    public int batch() {
        return batch;
    }

    /** @return one element of the samples */
    public double probe() {
        return x[x.length / 2];
    }

    @Override
    public void close() {
        ops.close();
        if (modelPool != null) {
            modelPool.shutdown();
        }
    }
}
