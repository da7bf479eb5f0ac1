package org.expint4j.verification.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.model.onnx.ArrayType;
import org.expint4j.diffusion.model.onnx.OnnxDiffusionModel;
import org.expint4j.verification.onnx.PinwheelModel;
import org.expint4j.vector.DoubleVectorOps;

/**
 * End-to-end sampling with the shipped trained network ({@link PinwheelModel}, float32 graph,
 * ONNX Runtime with its default threads) through {@link ModelWrapper} and DPM-Solver++ in
 * multistep form on the log-SNR grid, double states, serial vector backend. Every model call is
 * timed ({@link System#nanoTime()} around {@code evaluate}), so a run's sampler overhead is its
 * wall time less its model time: the wrapper's conversion to a data prediction and any guidance
 * combination, the steps' sums, the φ-weights and the grid. Model time includes the ONNX view's
 * copy of the states into its float tensors and back.
 */
public final class OnnxWorkload implements AutoCloseable {

    /**
     * Repeated runs, each sorted on its own.
     *
     * @param total wall time of {@code sample()}, ns
     * @param model time inside the model, ns
     * @param overheadNanos total − model of each run, ns
     * @param overhead (total − model) / total of each run
     * @param bytesPerRun median bytes the calling thread allocated per run (ONNX Runtime's native
     *     memory not counted), or -1 if the JVM does not count them
     */
    public record Runs(Timing.Sample total, Timing.Sample model, Timing.Sample overheadNanos, Timing.Sample overhead,
        long bytesPerRun) {
    }

    private final OnnxDiffusionModel model;
    private final int batch;
    private final int order;
    private final DpmSolver<double[]> solver;
    private final double[] noise;
    private final double[] x;
    private long modelNanos;

    /**
     * @param batch number of samples
     * @param order 2 or 3: DPM-Solver++(2M) or (3M)
     * @param label the class to guide towards, or -1 for unconditional sampling
     * @param scale the classifier-free guidance scale (ignored when unconditional)
     */
    public OnnxWorkload(int batch, int order, int label, double scale) {
        this.batch = batch;
        this.order = order;
        this.model = PinwheelModel.load(false);
        final DiffusionModel<double[]> network;
        Guidance<double[]> guidance = Guidance.none();
        if (label < 0) {
            network = timed(model.unconditional(ArrayType.DOUBLE));
        } else {
            network = timed(model.conditional(ArrayType.DOUBLE, label));
            final Guidance<double[]> g = model.classifierFreeGuidance(ArrayType.DOUBLE, scale, label);
            if (g instanceof Guidance.ClassifierFreeBatched<double[]> b) {
                guidance = Guidance.classifierFreeBatched(timed(b.doubled()), b.scale());
            } else if (g instanceof Guidance.ClassifierFree<double[]> c) {
                guidance = Guidance.classifierFree(timed(c.unconditional()), c.scale());
            } else {
                throw new IllegalStateException("unexpected guidance " + g);
            }
        }
        final ModelWrapper<double[]> wrapper = PinwheelModel.wrapper(network, guidance, DoubleVectorOps.serial());
        solver = new DpmSolver<>(wrapper::noise, PinwheelModel.SCHEDULE, DoubleVectorOps.serial(),
            Algorithm.DPMSOLVER_PLUS_PLUS);
        noise = new double[2 * batch];
        final SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        x = new double[noise.length];
    }

    private DiffusionModel<double[]> timed(DiffusionModel<double[]> inner) {
        return (in, t, out) -> {
            final long start = System.nanoTime();
            inner.evaluate(in, t, out);
            modelNanos += System.nanoTime() - start;
        };
    }

    /**
     * Samples the batch from the same noise {@code warmups + repetitions} times.
     *
     * @param nfe model calls per run (steps of the multistep method)
     * @param warmups runs discarded first
     * @param repetitions runs measured, {@code >= 1}
     * @return the measured runs
     */
    public Runs measure(int nfe, int warmups, int repetitions) {
        final SampleOptions options = new SampleOptions().steps(nfe).order(order).method(SamplingMethod.MULTISTEP)
            .skipType(SkipType.LOGSNR).batchSize(batch);
        for (int i = 0; i < warmups; i++) {
            sample(options);
        }
        final double[] total = new double[repetitions];
        final double[] inModel = new double[repetitions];
        final double[] overheadNanos = new double[repetitions];
        final double[] overhead = new double[repetitions];
        final long[] bytes = new long[repetitions];
        for (int r = 0; r < repetitions; r++) {
            final long allocated = Allocation.current();
            modelNanos = 0;
            final long start = System.nanoTime();
            sample(options);
            total[r] = System.nanoTime() - start;
            inModel[r] = modelNanos;
            bytes[r] = Allocation.current() - allocated;
            overheadNanos[r] = total[r] - inModel[r];
            overhead[r] = overheadNanos[r] / total[r];
        }
        Arrays.sort(total);
        Arrays.sort(inModel);
        Arrays.sort(overheadNanos);
        Arrays.sort(overhead);
        Arrays.sort(bytes);
        return new Runs(new Timing.Sample(total), new Timing.Sample(inModel), new Timing.Sample(overheadNanos),
            new Timing.Sample(overhead),
            Allocation.supported() ? bytes[repetitions / 2] : -1);
    }

    private void sample(SampleOptions options) {
        System.arraycopy(noise, 0, x, 0, x.length);
        solver.sample(x, options);
    }

    /** @return the batch size */
    public int batch() {
        return batch;
    }

    /** @return one coordinate of the last run's samples */
    public double probe() {
        return x[x.length / 2];
    }

    @Override
    public void close() {
        model.close();
    }
}
