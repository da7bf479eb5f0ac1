package org.expint4j.verification.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The slope fit and the rung classification on synthetic ladders with known answers. */
class OrderFitProperties {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /** Solution scale of the synthetic ladders: floor 1000 ulp(100) ≈ 1.4e-11, below every error. */
    private static final double SCALE = 100;

    /**
     * A doubling ladder from h0 with e = C h^p (1 + noise), noise uniform in ±eta, starting at an
     * error in [1e-3, 1] and cut off before the error drops below 1e-8, far above the floor.
     */
    private static double[][] ladder(SplittableRandom random, int kMax, double p, double eta) {
        double h0 = Math.pow(2, -random.nextInt(0, 4));
        double e0 = Math.pow(10, random.nextDouble(-3, 0));
        int k = Math.max(3, Math.min(kMax, 1 + (int) Math.floor(Math.log(e0 / 1e-8) / Math.log(2) / p)));
        double c = e0 / Math.pow(h0, p);
        double[] h = new double[k];
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = h0 / Math.pow(2, i);
            e[i] = c * Math.pow(h[i], p) * (1 + eta * random.nextDouble(-1, 1));
        }
        return new double[][] {h, e, {c}};
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noiseFreePowerLawGivesItsExponentExactly(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p = random.nextDouble(0.8, 4);
        double[][] data = ladder(random, 3 + random.nextInt(6), p, 0);
        int k = data[0].length;
        double c = data[2][0];
        OrderFit fit = OrderFit.fit(data[0], data[1], SCALE, null);
        assertEquals(k, fit.points(), "seed " + seed);
        // log-linear data: the slope is exact up to rounding of the logarithms (~1e-15 relative)
        assertEquals(p, fit.slope(), 1e-12, "seed " + seed);
        assertEquals(Math.log(c), fit.intercept(), 1e-10, "seed " + seed);
        for (int i = 1; i < k; i++) {
            assertEquals(p, fit.localOrder(i), 1e-12, "seed " + seed + ", rung " + i);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void twoPointOrderRecoversTheExponentInStepSizeAndInNfe(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p = random.nextDouble(0.5, 5);
        double c = Math.pow(10, random.nextDouble(-3, 3));
        double h1 = random.nextDouble(1e-3, 1);
        double h2 = h1 * random.nextDouble(0.05, 0.9);
        assertEquals(p, OrderFit.orderBetween(h1, c * Math.pow(h1, p), h2, c * Math.pow(h2, p)), 1e-9, "seed " + seed);
        // The same curve in NFE: N = 1/h, and the order stays positive as the error falls.
        double n1 = 1 / h1;
        double n2 = 1 / h2;
        assertEquals(p, OrderFit.orderBetweenNfe(n1, c * Math.pow(n1, -p), n2, c * Math.pow(n2, -p)), 1e-9,
                "seed " + seed);
        // A rising error is a negative order, not folded to a positive one.
        assertEquals(-p, OrderFit.orderBetween(h1, c * Math.pow(h1, -p), h2, c * Math.pow(h2, -p)), 1e-9,
                "seed " + seed);
    }

    @Test
    void twoPointOrderIsNotFiniteForEqualStepsOrAZeroError() {
        assertFalse(Double.isFinite(OrderFit.orderBetween(0.1, 1e-3, 0.1, 1e-4)));
        assertFalse(Double.isFinite(OrderFit.orderBetweenNfe(10, 1e-3, 20, 0)));
        assertEquals(2, OrderFit.orderBetweenNfe(10, 4e-2, 20, 1e-2), 1e-15);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noisySlopeStaysWithinTheWorstCasePerturbation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p = random.nextDouble(0.8, 4);
        double eta = 0.05;
        double[][] data = ladder(random, 7, p, eta);
        OrderFit fit = OrderFit.fit(data[0], data[1], SCALE, null);
        // The slope is sum_i w_i log e_i with w_i = (x_i - mean x)/Sxx, sum_i w_i = 0, so noise
        // log(1 + δ_i), δ_i in [-η, η], moves it by at most sum_i |w_i| · log((1+η)/(1-η))/2.
        double[] x = new double[data[0].length];
        double mean = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(data[0][i]);
            mean += x[i] / x.length;
        }
        double sxx = 0;
        for (double xi : x) {
            sxx += (xi - mean) * (xi - mean);
        }
        double bound = 0;
        for (double xi : x) {
            bound += Math.abs(xi - mean) / sxx;
        }
        bound *= Math.log((1 + eta) / (1 - eta)) / 2;
        double b = bound;
        assertTrue(Math.abs(fit.slope() - p) <= bound * (1 + 1e-9),
                () -> "seed " + seed + ": slope " + fit.slope() + " vs p = " + p + ", bound " + b);
    }

    @Test
    void confidenceIntervalCoversTheExponentAtAboutTheNominalRate() {
        int covered = 0;
        int trials = 400;
        for (long seed = 1; seed <= trials; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            double p = random.nextDouble(0.8, 4);
            double[] h = new double[7];
            double[] e = new double[7];
            for (int i = 0; i < h.length; i++) {
                h[i] = Math.pow(2, -i - 1);
                e[i] = 0.1 * Math.pow(h[i], p) * Math.exp(0.05 * random.nextGaussian());
            }
            OrderFit fit = OrderFit.fit(h, e, SCALE, null);
            if (fit.confidenceLow() <= p && p <= fit.confidenceHigh()) {
                covered++;
            }
        }
        // Gaussian noise in log e: the t-interval is exact, coverage ~ Binomial(400, 0.95),
        // standard deviation 1.1%; 90% is 4.6 standard deviations below the nominal rate.
        assertTrue(covered >= 0.90 * trials, covered + " of " + trials + " intervals cover the exponent");
        assertTrue(covered <= trials, "sanity");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void roundingFloorEndsTheFittedRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p = random.nextDouble(3, 6);
        double scale = random.nextDouble(0.5, 5);
        double floor = OrderFit.FLOOR_ULPS * Math.ulp(scale);
        // truncation C h^p plus a rounding error of a few ulps per step, growing like n = 1/h
        double[] h = new double[16];
        double[] e = new double[16];
        for (int i = 0; i < h.length; i++) {
            h[i] = 0.5 / Math.pow(2, i);
            e[i] = 0.1 * Math.pow(h[i], p) + 2e-16 * scale / h[i] * random.nextDouble(0.5, 1.5);
        }
        OrderFit fit = OrderFit.fit(h, e, scale, null);
        boolean seenExcluded = false;
        for (int i = 0; i < h.length; i++) {
            Rung.Status s = fit.status(i);
            if (s.used()) {
                assertFalse(seenExcluded, "seed " + seed + ": used rung " + i + " after an excluded one");
                assertTrue(e[i] > floor, "seed " + seed + ": used rung " + i + " at or below the floor");
            } else {
                seenExcluded = true;
                assertTrue(s == Rung.Status.ROUNDING_FLOOR || s == Rung.Status.STAGNATION, "seed " + seed + ": " + s);
                assertTrue(e[i] <= OrderFit.STAGNATION_WINDOW * floor || i > 0 && !fit.status(i - 1).used(),
                        "seed " + seed + ": rung " + i + " excluded far above the floor");
            }
        }
        assertTrue(seenExcluded, "seed " + seed + ": the finest rungs sit on the rounding floor");
        // Over the rungs kept, truncation dominates and the order is recovered; the last kept
        // rungs, within two decades of the floor, carry some rounding in this pessimistic model
        // (2 ulp per step), which biases the slope down by a few tenths at most.
        assertEquals(p, fit.slope(), 0.4, "seed " + seed + ": " + fit);
    }

    @Test
    void leadingRungsWithoutACorrectDigitAreLeftOut() {
        double[] h = {1, 0.5, 0.25, 0.125, 0.0625};
        double[] e = {5, 2, 0.01, 0.0025, 0.000625};
        OrderFit fit = OrderFit.fit(h, e, 1.0, null);
        assertEquals(Rung.Status.NO_CORRECT_DIGIT, fit.status(0));
        assertEquals(Rung.Status.NO_CORRECT_DIGIT, fit.status(1));
        assertEquals(3, fit.points());
        assertEquals(2, fit.slope(), 1e-12);
    }

    @Test
    void aMethodThatDoesNotConvergeIsNotHidden() {
        // error stuck at 1e-3, far above the floor: every rung is used and the slope is 0
        double[] h = {0.5, 0.25, 0.125, 0.0625};
        double[] e = {1e-3, 1e-3, 1e-3, 1e-3};
        OrderFit fit = OrderFit.fit(h, e, 1.0, null);
        assertEquals(4, fit.points());
        assertEquals(0, fit.slope(), 1e-12);
    }

    @Test
    void failedRungsWindowAndSmallFitsAreReported() {
        double[] h = {0.5, 0.25, 0.125, 0.0625};
        double[] e = {Double.NaN, 1e-2, 2.5e-3, 6.25e-4};
        OrderFit fit = OrderFit.fit(h, e, 1.0, new boolean[] {true, true, true, false});
        assertEquals(Rung.Status.FAILED, fit.status(0));
        assertEquals(Rung.Status.OUTSIDE_FIT_WINDOW, fit.status(3));
        assertEquals(2, fit.points());
        assertEquals(2, fit.slope(), 1e-12);
        assertTrue(Double.isNaN(fit.confidenceLow()), "no interval from two points");
        assertTrue(Double.isNaN(fit.localOrder(1)), "no local order next to a failed rung");
        OrderFit none = OrderFit.fit(new double[] {0.1}, new double[] {0.0}, 1.0, null);
        assertFalse(none.hasSlope());
        assertEquals(Rung.Status.ROUNDING_FLOOR, none.status(0), "an exact zero error is at the floor");
    }
}
