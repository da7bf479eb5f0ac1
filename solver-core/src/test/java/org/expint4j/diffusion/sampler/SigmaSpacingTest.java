package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.FlowSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.schedule.VeSchedule;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The σ-spacings against their published formulas written independently here (Karras et al.'s
 * eq. 5 in \(\sigma\), k-diffusion's polyexponential ramp, SD3's shifted flow time), on seeded
 * random schedules and parameters; user σ grids; and the errors of bad parameters.
 */
class SigmaSpacingTest {

    private static final double EPS = Math.ulp(1.0);

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x516a5000L + i);
    }

    /** \( \tilde\sigma_t = \sigma_t/\alpha_t \). */
    private static double sigmaTilde(NoiseSchedule s, double t) {
        return s.sigma(t) / s.alpha(t);
    }

    /**
     * On VE, \(t = \sigma\), so the grid is Karras' eq. 5 itself. The implementation goes through
     * \( \lambda = -\rho\log r \) and \( e^{-\lambda} \): a relative error of a few ulps of
     * \( \rho(1 + |\log r|) \le 7 \cdot 6 \), so \( 64\rho \) ulps.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void karrasOnVeIsEquationFive(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double sigmaMin = Math.exp(rnd.nextDouble(Math.log(1e-3), Math.log(0.1)));
        double sigmaMax = Math.exp(rnd.nextDouble(Math.log(10), Math.log(200)));
        double rho = rnd.nextDouble(0.5, 12);
        int n = rnd.nextInt(1, 60);
        VeSchedule ve = new VeSchedule(sigmaMin, sigmaMax);
        double[] grid = SamplingGrids.timeSteps(ve, new GridSpacing(SkipType.KARRAS, rho, 1), sigmaMax, sigmaMin, n);
        double hi = Math.pow(sigmaMax, 1 / rho);
        double lo = Math.pow(sigmaMin, 1 / rho);
        for (int i = 0; i <= n; i++) {
            double expected = Math.pow(hi + (double) i / n * (lo - hi), rho);
            assertEquals(expected, grid[i], 64 * rho * EPS * expected, "seed " + seed + ", i = " + i);
        }
    }

    /**
     * On any schedule the Karras grid is uniform in \( \tilde\sigma^{1/\rho} \) and
     * polyexponential follows \( \log\tilde\sigma_0 + (\log\tilde\sigma_T - \log\tilde\sigma_0)
     * (1 - i/n)^\rho \); measured through \( \tilde\sigma(t_i) \), which carries the rounding of
     * \( t(\lambda) \) and \( \lambda(t) \) (a few ulps of \( 1 + |\lambda| \) relative, through the
     * schedule's condition), so \(10^{-12}\) relative to the spacing's range.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void spacingsAreUniformInTheirVariable(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NoiseSchedule[] schedules = {new LinearSchedule(), DiscreteSchedule.cosine(1000), new VeSchedule(),
            new FlowSchedule()};
        for (NoiseSchedule s : schedules) {
            double rho = rnd.nextDouble(0.5, 10);
            int n = rnd.nextInt(2, 80);
            double tT = s.tMax();
            double t0 = s.tMin();
            double[] karras = SamplingGrids.timeSteps(s, new GridSpacing(SkipType.KARRAS, rho, 1), tT, t0, n);
            double[] poly = SamplingGrids.timeSteps(s, new GridSpacing(SkipType.POLYEXPONENTIAL, rho, 1), tT, t0, n);
            double kT = Math.pow(sigmaTilde(s, tT), 1 / rho);
            double k0 = Math.pow(sigmaTilde(s, t0), 1 / rho);
            double lT = Math.log(sigmaTilde(s, tT));
            double l0 = Math.log(sigmaTilde(s, t0));
            for (int i = 0; i <= n; i++) {
                String where = "seed " + seed + ", " + s + ", rho " + rho + ", i = " + i + " of " + n;
                assertEquals(kT + (double) i / n * (k0 - kT), Math.pow(sigmaTilde(s, karras[i]), 1 / rho),
                        1e-12 * Math.abs(kT - k0), where);
                assertEquals(l0 + (lT - l0) * Math.pow(1 - (double) i / n, rho), Math.log(sigmaTilde(s, poly[i])),
                        1e-12 * Math.abs(lT - l0), where);
                if (i > 0) {
                    assertTrue(karras[i] < karras[i - 1] && poly[i] < poly[i - 1], where + ": not decreasing");
                }
            }
        }
    }

    /**
     * The flow spacing is SD3's shifted time on the flow schedule: \( t_i = ku_i/(1 + (k-1)u_i) \)
     * with \(u\) uniform between the unshifted ends \( u = t/(k - (k-1)t) \); with \(k = 1\) it is
     * time-uniform. Rounding through \(\lambda\): a few ulps of \( 1 + |\lambda| \le 8 \).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void flowSpacingIsTheShiftedTime(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        FlowSchedule s = new FlowSchedule();
        double k = rnd.nextBoolean() ? 1 : rnd.nextDouble(0.2, 8);
        int n = rnd.nextInt(1, 60);
        double tT = rnd.nextDouble(0.6, s.tMax());
        double t0 = rnd.nextDouble(s.tMin(), 0.3);
        double[] grid = SamplingGrids.timeSteps(s, new GridSpacing(SkipType.FLOW, 1, k), tT, t0, n);
        double uT = tT / (k - (k - 1) * tT);
        double u0 = t0 / (k - (k - 1) * t0);
        for (int i = 0; i <= n; i++) {
            double u = uT + i * ((u0 - uT) / n);
            double expected = k * u / (1 + (k - 1) * u);
            assertEquals(expected, grid[i], 64 * EPS * expected, "seed " + seed + ", shift " + k + ", i = " + i);
        }
        if (k == 1) {
            double[] uniform = SamplingGrids.timeSteps(s, SkipType.TIME_UNIFORM, tT, t0, n);
            for (int i = 0; i <= n; i++) {
                assertEquals(uniform[i], grid[i], 64 * EPS * uniform[i], "seed " + seed + ", i = " + i);
            }
        }
    }

    /**
     * diffusers' duplicate-timestep pitfall (diffusers#4122, #12771): Karras sigmas on the
     * 1000-step cosine schedule, rounded to integer timesteps, repeat near \(t = 0\). Here the
     * times stay continuous: 500 Karras steps are strictly decreasing, and so are the model-time
     * labels the sampler passes.
     */
    @Test
    void karrasOnADiscreteScheduleHasNoDuplicateTimes() {
        DiscreteSchedule cosine = DiscreteSchedule.cosine(1000);
        double[] grid = SamplingGrids.timeSteps(cosine, SkipType.KARRAS, 1, cosine.tMin(), 500);
        ModelTimeMap map = cosine.modelTimeMap();
        for (int i = 1; i < grid.length; i++) {
            assertTrue(grid[i] < grid[i - 1], "time " + i + ": " + grid[i] + " after " + grid[i - 1]);
            assertTrue(map.toModelTime(grid[i]) < map.toModelTime(grid[i - 1]), "label " + i);
        }
    }

    /**
     * A user σ grid samples exactly like the time grid it maps to, and its times reproduce the
     * given \( \tilde\sigma \) (a few ulps of \( 1 + |\lambda| \) relative through the schedule).
     */
    @Test
    void userSigmaGridIsTheMappedTimeGrid() {
        LinearSchedule s = new LinearSchedule();
        GaussianDataModel model = new GaussianDataModel(new double[] {0.5, -1}, new double[] {0.2, 1}, s,
                ModelTimeMap.CONTINUOUS);
        double[] sigmas = {150, 20, 3, 0.7, 0.1, 0.04};
        double[] times = SamplingGrids.timesOfSigmas(s, sigmas, true);
        for (int i = 0; i < sigmas.length; i++) {
            assertEquals(sigmas[i], sigmaTilde(s, times[i]), 1e-13 * sigmas[i], "sigma " + i);
        }
        double[] a = {0.3, -0.8};
        double[] b = a.clone();
        DpmSolver<double[]> solver = new DpmSolver<>(model::noise, s, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS);
        SampleResult ra = solver.sample(a, new SampleOptions().order(3).sigmas(sigmas));
        SampleResult rb = solver.sample(b, new SampleOptions().order(3).timeGrid(times));
        assertArrayEquals(b, a, 0);
        assertEquals(rb.evaluations(), ra.evaluations());
        assertEquals(times[times.length - 1], ra.finalTime(), 0);
        // The sigma of T itself is accepted on every family, whatever t(lambda) rounds it to.
        NoiseSchedule[] schedules = {s, DiscreteSchedule.cosine(1000), new VeSchedule(), new FlowSchedule()};
        for (NoiseSchedule family : schedules) {
            double[] ends = {sigmaTilde(family, family.tMax()), sigmaTilde(family, family.tMin())};
            GaussianDataModel g = new GaussianDataModel(new double[] {0}, new double[] {1}, family,
                    ModelTimeMap.CONTINUOUS);
            SampleResult r = new DpmSolver<>(g::noise, family, DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS)
                    .sample(new double[] {1}, new SampleOptions().order(1).sigmas(ends));
            assertEquals(1, r.steps(), family.toString());
        }
    }

    @Test
    void badSpacingsAndSigmaGridsNameTheValue() {
        VeSchedule ve = new VeSchedule();
        GaussianDataModel model = new GaussianDataModel(new double[] {0}, new double[] {1}, ve,
                ModelTimeMap.CONTINUOUS);
        DpmSolver<double[]> solver = new DpmSolver<>(model::noise, ve, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS);
        assertMessage("rho = -1.0", () -> solver.sample(new double[] {1},
                new SampleOptions().skipType(SkipType.KARRAS).rho(-1)));
        assertMessage("rho = 0.0", () -> solver.sample(new double[] {1}, new SampleOptions().rho(0)));
        assertMessage("flow shift = 0.0", () -> solver.sample(new double[] {1},
                new SampleOptions().skipType(SkipType.FLOW).flowShift(0)));
        assertMessage("sigmas[2] = 5.0", () -> solver.sample(new double[] {1},
                new SampleOptions().sigmas(new double[] {10, 4, 5, 1})));
        assertMessage("sigmas[1] = -1.0", () -> solver.sample(new double[] {1},
                new SampleOptions().sigmas(new double[] {10, -1})));
        assertMessage("sigmas[1] = 0.0", () -> solver.sample(new double[] {1},
                new SampleOptions().sigmas(new double[] {10, 0})));
        assertMessage("sigmas[0] = NaN", () -> solver.sample(new double[] {1},
                new SampleOptions().sigmas(new double[] {Double.NaN, 1})));
        assertMessage("sigmas[0] = 100.0 maps to time 100", () -> solver.sample(new double[] {1},
                new SampleOptions().sigmas(new double[] {100, 1})));
        assertMessage("got 1", () -> solver.sample(new double[] {1}, new SampleOptions().sigmas(new double[] {1})));
        assertMessage("not both", () -> solver.sample(new double[] {1},
                new SampleOptions().sigmas(new double[] {10, 1}).timeGrid(new double[] {10, 1})));
        // The inverse map needs increasing sigmas.
        assertMessage("strictly increasing", () -> solver.inverse(new double[] {1},
                new SampleOptions().sigmas(new double[] {10, 1})));
    }

    private static void assertMessage(String part, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
