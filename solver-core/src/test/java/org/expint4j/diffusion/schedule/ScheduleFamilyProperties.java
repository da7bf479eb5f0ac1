package org.expint4j.diffusion.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The variance-exploding and flow schedules, and the derivatives of every
 * {@link DifferentiableSchedule}, over seeded random times: \(t(\lambda(t)) = t\),
 * \( \lambda = \log(\alpha/\sigma) \), precision at the ends of \((0, 1)\), derivatives against
 * central differences, and the errors of bad parameters.
 */
class ScheduleFamilyProperties {

    /** Random times per seed. */
    private static final int SAMPLES = 400;

    /** One unit in the last place of 1. */
    private static final double EPS = Math.ulp(1.0);

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x5c4ed100L + i);
    }

    /**
     * VE: \( \lambda = -\log t \) carries half an ulp of \(|\lambda|\) and \( e^{-\lambda} \) turns
     * an absolute error \(d\lambda\) into the relative error \(d\lambda\) of \(t\): at most
     * \( (2 + |\lambda|) \) ulps, here \( |\lambda| \le 700 \).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void veInverseIsTheInverse(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final VeSchedule s = new VeSchedule(ScheduleProperties.logUniform(rnd, 1e-6, 1), ScheduleProperties.logUniform(rnd, 2, 1e4));
        for (int i = 0; i < SAMPLES; i++) {
            final double t = ScheduleProperties.logUniform(rnd, 1e-300, 1e300);
            final double lambda = s.lambda(t);
            assertEquals(t, s.inverseLambda(lambda), 2 * (2 + Math.abs(lambda)) * EPS * t, "seed " + seed + ", t = " + t);
            assertEquals(1, s.alpha(t), 0, "seed " + seed);
            assertEquals(t, s.sigma(t), 0, "seed " + seed);
        }
    }

    /**
     * Flow: \( dt/t = (1 - t)\,d\lambda \) and \(d\lambda\) is a few ulps of
     * \( |\mathrm{log1p}(-t)| + |\log t| \), so 8 ulps of \( 1 + |\mathrm{log1p}(-t)| + |\log t| \)
     * relative to \(t\); near \(t = 1\) the same bound holds for \(1 - t\) (its representable
     * spacing) through \( \alpha_t \). Times from \(10^{-300}\) to \(1 - 10^{-12}\).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void flowInverseIsTheInverse(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final FlowSchedule s = new FlowSchedule();
        for (int i = 0; i < SAMPLES; i++) {
            final double t = rnd.nextBoolean() ? ScheduleProperties.logUniform(rnd, 1e-300, 0.5) : 1 - ScheduleProperties.logUniform(rnd, 1e-12, 0.5);
            final double lambda = s.lambda(t);
            final double bound = 8 * EPS * (1 + Math.abs(Math.log1p(-t)) + Math.abs(Math.log(t)));
            final double back = s.inverseLambda(lambda);
            final String where = "seed " + seed + ", t = " + t + ", lambda = " + lambda;
            assertEquals(t, back, bound * t, where);
            assertEquals(1 - t, 1 - back, bound * (1 - t) + EPS, where);
            // lambda = log(alpha / sigma) where the quotient is formed without loss.
            if (t > 1e-300 * 1e10) {
                assertEquals(Math.log((1 - t) / t), lambda, 4 * EPS * (1 + Math.abs(lambda)), where);
            }
        }
        // Far ends: no overflow in t(lambda).
        assertEquals(Math.exp(-800), s.inverseLambda(800), 4 * EPS * Math.exp(-800), "t(800)");
        assertEquals(1, s.inverseLambda(-800), 0, "t(-800)");
        assertTrue(Double.isNaN(s.lambda(1.5)) && Double.isInfinite(s.lambda(1)) && Double.isNaN(s.lambda(-0.1)),
                "lambda outside (0, 1) is not finite");
    }

    /**
     * \( \dot\alpha, \dot\sigma \) of every differentiable schedule against central differences
     * with \( h = 10^{-5} \min(t, T - t) \): truncation \( h^2|f'''|/6 \) and rounding
     * \( \mathrm{ulp}/h \) stay below \(10^{-7}\) of the derivative's scale
     * \( (1 + |\alpha| + |\sigma|)/\min(t, T - t) \).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void derivativesMatchDifferences(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final DifferentiableSchedule[] schedules = {new LinearSchedule(rnd.nextDouble(0.01, 1), rnd.nextDouble(5, 30)),
            new CosineSchedule(), new VeSchedule(), new FlowSchedule()};
        for (DifferentiableSchedule s : schedules) {
            for (int i = 0; i < 50; i++) {
                final double t = ScheduleProperties.logUniform(rnd, s.tMin(), s.tMax() * 0.999);
                final double gap = Math.min(t, s.tMax() - t);
                final double h = 1e-5 * gap;
                final double da = (s.alpha(t + h) - s.alpha(t - h)) / (2 * h);
                final double ds = (s.sigma(t + h) - s.sigma(t - h)) / (2 * h);
                final double scale = (1 + s.alpha(t) + s.sigma(t)) / gap;
                final String where = "seed " + seed + ", " + s + ", t = " + t;
                assertEquals(da, s.alphaDerivative(t), 1e-7 * scale, where);
                assertEquals(ds, s.sigmaDerivative(t), 1e-7 * scale, where);
                // lambda decreases: alpha sigma' - alpha' sigma > 0.
                assertTrue(s.alpha(t) * s.sigmaDerivative(t) - s.alphaDerivative(t) * s.sigma(t) > 0, where);
            }
        }
    }

    @Test
    void badParametersNameTheValue() {
        assertMessage("sigmaMin = 0.0", () -> new VeSchedule(0, 80));
        assertMessage("sigmaMin = -1.0", () -> new VeSchedule(-1, 80));
        assertMessage("sigmaMin = 80.0, sigmaMax = 1.0", () -> new VeSchedule(80, 1));
        assertMessage("sigmaMin = 2.0, sigmaMax = 2.0", () -> new VeSchedule(2, 2));
        assertMessage("sigmaMax must be finite, got Infinity", () -> new VeSchedule(1, Double.POSITIVE_INFINITY));
        assertMessage("tMax = 1.0 is outside (0, 1)", () -> new FlowSchedule(0.1, 1));
        assertMessage("tMin = 0.0 is outside (0, 1)", () -> new FlowSchedule(0, 0.5));
        assertMessage("tMin = NaN is outside (0, 1)", () -> new FlowSchedule(Double.NaN, 0.5));
        assertMessage("tMin = 0.5, tMax = 0.2", () -> new FlowSchedule(0.5, 0.2));
        assertTrue(new LinearSchedule().isVariancePreserving() && !new VeSchedule().isVariancePreserving()
                && !new FlowSchedule().isVariancePreserving(), "variance-preserving flags");
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
