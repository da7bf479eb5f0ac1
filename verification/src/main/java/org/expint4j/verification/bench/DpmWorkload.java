package org.expint4j.verification.bench;

import java.util.SplittableRandom;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.vector.DoubleVectorOps;

/**
 * The per-step overhead of the DPM-Solver sampler: DPM-Solver++(2M) (data prediction, multistep
 * order 2) with a trivial, allocation-free model ({@code eps = x}, one copy pass), next to what a
 * hand-written sampler in \(x\)-space must do per step: the model, the data prediction
 * \( \hat x_0 = (x - \sigma \hat\epsilon)/\alpha \) (a fused sum of 2 terms) and the update
 * \( x_t = (\sigma_t/\sigma_s) x - \alpha_t (e^{-h} - 1) D \) with
 * \( D = (1 + \tfrac1{2r}) \hat x_{0,n} - \tfrac1{2r} \hat x_{0,n-1} \) (a fused sum of 3
 * terms).
 */
public final class DpmWorkload implements AutoCloseable {

    private final int n;
    private final DoubleVectorOps ops;
    private final DpmSolver<double[]> solver;
    private final StepClock<double[]> clock = new StepClock<>();
    private final double[] noise;
    private final double[] x;
    // Bare step operands.
    private final double[] eps;
    private final double[] x0;
    private final double[] x0Previous;
    private final double[] two = {1.25, -0.75};
    private final double[] three = {0.9, 0.2, -0.1};
    private final double[][] pair;
    private final double[][] triple;

    /**
     * @param n batch length \(B \cdot D\)
     * @param threads backend threads
     */
    public DpmWorkload(int n, int threads) {
        this.n = n;
        this.ops = threads > 1 ? new DoubleVectorOps(threads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD)
            : DoubleVectorOps.serial();
        final DiffusionModel<double[]> identity = (in, t, out) -> System.arraycopy(in, 0, out, 0, in.length);
        this.solver = new DpmSolver<>(identity, new LinearSchedule(), ops, Algorithm.DPMSOLVER_PLUS_PLUS)
            .addObserver(clock);
        final SplittableRandom rnd = new SplittableRandom(11);
        noise = new double[n];
        for (int i = 0; i < n; i++) {
            noise[i] = rnd.nextGaussian();
        }
        x = new double[n];
        eps = new double[n];
        x0 = new double[n];
        x0Previous = noise.clone();
        pair = new double[][] {x, eps};
        triple = new double[][] {x, x0, x0Previous};
    }

    /**
     * Samples with {@code steps} model evaluations from fresh noise and records the steps after
     * {@code from}.
     *
     * @param steps NFE, {@code >= 10} (no lower-order final steps)
     * @param from the first {@code from} steps are not timed, {@code >= 2} (the first step is
     *     first order)
     */
    public void run(int steps, int from) {
        System.arraycopy(noise, 0, x, 0, n);
        clock.arm(from, steps);
        solver.sample(x, options(steps));
    }

    static SampleOptions options(int steps) {
        return new SampleOptions().steps(steps).order(2).method(SamplingMethod.MULTISTEP);
    }

    /** @return the clock of the last run */
    public StepClock<double[]> clock() {
        return clock;
    }

    /** The model of one step alone (one copy pass). */
    public void model() {
        System.arraycopy(x, 0, eps, 0, n);
    }

    /** A hand-written step in \(x\)-space: model, data prediction, fused update. */
    public void bareStep() {
        System.arraycopy(x, 0, eps, 0, n);
        ops.linearCombination(two, pair, 2, x0);
        ops.linearCombination(three, triple, 3, x);
    }

    /** @return bytes a bare step moves: copy (2), data prediction (3), update (4 vectors) */
    public long bareBytes() {
        return 9L * n * Double.BYTES;
    }

    /** @return one element of the outputs */
    public double probe() {
        return x[n / 2] + x0[n / 2];
    }

    @Override
    public void close() {
        ops.close();
    }
}
