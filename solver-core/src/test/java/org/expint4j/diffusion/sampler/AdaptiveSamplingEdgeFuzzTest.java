package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded edge fuzz of adaptive sampling (issue 19, item 1): short intervals just above
 * \(t_{\min}\) on all four schedule families, random orders, algorithms, initial steps, tolerances,
 * dimensions and batches, Gaussian data with its exact solution. Every case must land on
 * \(t_{\mathrm{end}}\) exactly, in \(t\) and in \(\lambda\), with an NFE of {@code order} per trial
 * and an error within what the controller's tolerance allows. Each failure names its seed.
 */
class AdaptiveSamplingEdgeFuzzTest {

    /** Cases per run; 1500 take about a second. */
    static final int CASES = 1500;

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    /** One random case. */
    record Case(long seed, NoiseSchedule schedule, Algorithm algorithm, int order, double tStart, double tEnd,
                SampleOptions options, GaussianDataModel model, double[] noise) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + schedule + ", " + algorithm + " order " + order + ", t " + tStart + " -> "
                    + tEnd + ", h_init " + options.hInit + ", atol " + options.atol + ", rtol " + options.rtol
                    + ", t_err " + options.tErr + ", D " + model.dimension() + ", B " + options.batchSize;
        }
    }

    static Case draw(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NoiseSchedule schedule = FuzzInstances.schedule((int) (seed % 4));
        double tErr = r.nextBoolean() ? 1e-5 : Math.pow(10, r.nextDouble(-9, -5));
        // t_end in [t_min, 4 t_min]; the interval log-uniform between 2 t_err and 5e-3.
        double tEnd = schedule.tMin() * (1 + 3 * r.nextDouble());
        double tStart = tEnd + Math.exp(r.nextDouble(Math.log(2 * tErr), Math.log(5e-3)));
        int order = 2 + r.nextInt(2);
        Algorithm algorithm = r.nextBoolean() ? Algorithm.DPMSOLVER_PLUS_PLUS : Algorithm.DPMSOLVER;
        FuzzInstances.Data data = FuzzInstances.gaussian(r, schedule, 4);
        SampleOptions options = new SampleOptions().method(SamplingMethod.ADAPTIVE).order(order).tStart(tStart)
                .tEnd(tEnd).tErr(tErr).batchSize(data.batch());
        if (r.nextBoolean()) {
            options.hInit(Math.pow(10, r.nextDouble(-3, 1)));
        }
        if (r.nextBoolean()) {
            options.atol(Math.pow(10, r.nextDouble(-6, -2))).rtol(Math.pow(10, r.nextDouble(-6, -1)));
        }
        return new Case(seed, schedule, algorithm, order, tStart, tEnd, options, data.model(), data.noise());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void landsOnTEndWithTheControlledError(long seed) {
        Case c = draw(seed);
        double[] x = c.noise().clone();
        List<double[]> accepted = new ArrayList<>();
        DpmSolver<double[]> solver = new DpmSolver<>(c.model()::noise, c.schedule(), DoubleVectorOps.serial(),
                c.algorithm()).addObserver((step, t, state, h, nfe) -> accepted.add(new double[] {t, h}));
        SampleResult result;
        try {
            result = solver.sample(x, c.options());
        } catch (RuntimeException e) {
            throw new AssertionError(c + " failed: " + e, e);
        }
        assertEquals(c.tEnd(), result.finalTime(), 0.0, c + ": final time");
        assertEquals(c.order() * (result.steps() + result.rejectedSteps()), result.evaluations(), c + ": NFE");
        assertEquals(result.steps(), accepted.size(), c + ": observed steps");
        double previous = c.tStart();
        double lambdaTaken = 0;
        for (double[] step : accepted) {
            assertTrue(step[0] < previous && step[0] >= c.tEnd(), c + ": time " + step[0] + " after " + previous);
            previous = step[0];
            lambdaTaken += step[1];
        }
        assertEquals(c.tEnd(), previous, 0.0, c + ": last observed time");
        double lambdaInterval = c.schedule().lambda(c.tEnd()) - c.schedule().lambda(c.tStart());
        // A sum of a few positive steps: rounding of at most a few ulps per step.
        assertEquals(lambdaInterval, lambdaTaken, 1e-13 * Math.abs(lambdaInterval) * accepted.size() + 1e-15,
                c + ": the steps add up to the λ-interval");
        double[] exact = new double[x.length];
        c.model().exactSolution(c.noise(), c.tStart(), c.tEnd(), exact);
        for (int i = 0; i < x.length; i++) {
            double delta = Math.max(c.options().atol, c.options().rtol * Math.abs(exact[i]));
            double bound = ERROR_FACTOR * Math.sqrt(c.model().dimension()) * result.steps() * delta;
            if (!(Math.abs(x[i] - exact[i]) <= bound)) {
                fail(c + ": x[" + i + "] = " + x[i] + ", exact " + exact[i] + ", error "
                        + Math.abs(x[i] - exact[i]) + " > " + bound);
            }
        }
    }

    /**
     * Allowed global error per accepted step, in units of \(\sqrt D \max(\mathrm{atol},
     * \mathrm{rtol}|x|)\): the controller bounds the per-sample RMS of the embedded difference by
     * 1 in units of the per-element tolerance (so one element by \(\sqrt D\)), and the accepted
     * (higher-order) solution is more accurate than the difference it is judged by.
     */
    static final double ERROR_FACTOR = 1;
}
