package org.expint4j.diffusion.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values and edge cases of the noise schedules. Reference values marked "mpmath" were
 * computed with 40 significant digits from the closed forms; those marked "NumPy" with the
 * reference's own float64 recipes (betas, clipping).
 */
public class ScheduleTest {

    /** One unit in the last place of 1, the scale of relative tolerances below. */
    private static final double EPS = Math.ulp(1.0);

    @Test
    void linearDdpmBetasFollowLinspace() {
        final double[] betas = DiscreteSchedule.linearBetas(1e-4, 0.02, 1000);
        assertEquals(1000, betas.length);
        assertEquals(1e-4, betas[0], 0);
        assertEquals(0.02, betas[999], 0);
        // NumPy: np.linspace(1e-4, 0.02, 1000)[[1, 500, 998]], bit for bit.
        assertEquals(0.00011991991991991993, betas[1], 0);
        assertEquals(0.010059959959959959, betas[500], 0);
        assertEquals(0.01998008008008008, betas[998], 0);
        assertEquals(1, DiscreteSchedule.linearBetas(0.3, 0.5, 1).length);
        assertEquals(0.3, DiscreteSchedule.linearBetas(0.3, 0.5, 1)[0], 0);
    }

    @Test
    void linearDdpmScheduleKeepsAllSteps() {
        final DiscreteSchedule s = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        assertEquals(1000, s.length());
        assertEquals(0, s.clippedCount());
        assertEquals(1e-3, s.tMin(), 0);
        assertEquals(1, s.tMax(), 0);
        // NumPy, float64: lambda at the last step of the linear DDPM schedule.
        assertEquals(-5.058836591650516, s.lambda(1), 1e-13);
        assertEquals(0.5 * Math.log1p(-1e-4), s.logAlpha(1e-3), 0);
    }

    @Test
    void cosineBetasMatchNicholDhariwal() {
        final double[] betas = DiscreteSchedule.cosineBetas(1000);
        // NumPy/math float64 values of betas_for_alpha_bar(1000, cosine): agree to rounding of cos.
        final double[][] expected = {{0, 4.128422482196914e-05}, {1, 4.614175273665033e-05},
            {500, 0.003155691441585007}, {995, 0.3599953374560213}, {998, 0.7499993929011166},
            {999, 0.999}};
        for (double[] e : expected) {
            final int i = (int) e[0];
            // The ratio of two cosines, 1 minus it: a few ulps of 1 relative to beta_0 ~ 4e-5.
            assertEquals(e[1], betas[i], 1e-13 * Math.max(e[1], 1e-2), () -> "beta[" + i + "]");
        }
    }

    @Test
    void cosineScheduleDropsFourStepsAndShiftsLabels() {
        final DiscreteSchedule s = DiscreteSchedule.cosine(1000);
        assertEquals(996, s.length());
        assertEquals(1000, s.originalLength());
        assertEquals(4, s.clippedCount());
        assertTrue(s.lambda(1) >= DiscreteSchedule.DEFAULT_CLIPPED_LAMBDA);
        final DiscreteSchedule unclipped =
                DiscreteSchedule.fromBetas(DiscreteSchedule.cosineBetas(1000), Double.NEGATIVE_INFINITY);
        assertEquals(1000, unclipped.length());
        // The reference's label of the last kept step: 1000 (1 - 1/996), not its index 995.
        assertEquals(1000.0 * 995 / 996, s.modelTimeMap().toModelTime(1), 1e-10);
        assertEquals(995, s.stepIndexTimeMap().toModelTime(1), 1e-12);
        assertEquals(0, s.stepIndexTimeMap().toModelTime(s.tMin()), 1e-12);
        assertEquals(0, s.modelTimeMap().toModelTime(s.tMin()), 1e-12);
        // Keypoint values are those of the unclipped schedule.
        final double[] kept = s.logAlphas();
        final double[] all = unclipped.logAlphas();
        for (int i = 0; i < kept.length; i++) {
            assertEquals(all[i], kept[i], 0);
        }
    }

    @Test
    void discreteKeypointsInterpolationAndExtrapolation() {
        final double[] ac = {0.9, 0.7, 0.4, 0.2};
        final DiscreteSchedule s = DiscreteSchedule.fromAlphasCumprod(ac, Double.NEGATIVE_INFINITY);
        final double[] y = new double[4];
        for (int n = 0; n < 4; n++) {
            y[n] = 0.5 * Math.log(ac[n]);
            assertEquals(y[n], s.logAlpha((n + 1) / 4.0), 0, "keypoint " + n);
        }
        assertEquals(0.25, s.tMin(), 0);
        assertEquals(0.5 * (y[1] + y[2]), s.logAlpha(0.625), 1e-15);
        // Below t_0 and above T the outermost segments are extended.
        final double slope0 = (y[1] - y[0]) / 0.25;
        for (double t : new double[] {0.2, 1e-4, 0, -0.1}) {
            assertEquals(y[0] + (t - 0.25) * slope0, s.logAlpha(t), 1e-15, "t = " + t);
        }
        final double slope2 = (y[3] - y[2]) / 0.25;
        assertEquals(y[3] + 0.1 * slope2, s.logAlpha(1.1), 1e-15);
        // The inverse extrapolates with the same lines, so it inverts them.
        // ... as long as log alpha < 0: here the first line crosses 0 at t = 0.145, below which
        // sigma is NaN, as in the reference.
        assertTrue(Double.isNaN(s.sigma(0.1)));
        for (double t : new double[] {0.15, 0.2, 0.3, 0.75, 1.05}) {
            assertEquals(t, s.inverseLambda(s.lambda(t)), 1e-14, "t = " + t);
        }
    }

    @Test
    void discreteValidationNamesIndexAndValue() {
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[0]), "empty");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, 0, 0.2}), "betas[1] = 0.0");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, 0.2, 1}), "betas[2] = 1.0");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {-0.1, 0.2}), "betas[0] = -0.1");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, Double.NaN}), "betas[1] = NaN");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, Double.POSITIVE_INFINITY}),
                "betas[1] = Infinity");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.5, 1e-300}), "betas[1] = 1.0E-300");
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(new double[0]), "empty");
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(new double[] {0.9, 0.9}),
                "alphasCumprod[1] = 0.9");
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(new double[] {0.9, 0.95}),
                "alphasCumprod[1] = 0.95");
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(new double[] {1.5, 0.5}),
                "alphasCumprod[0] = 1.5");
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(new double[] {0.5, 0}),
                "alphasCumprod[1] = 0.0");
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(new double[] {0.5, Double.NaN}),
                "alphasCumprod[1] = NaN");
        // One keypoint cannot be interpolated; clipping everything away neither.
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1}), "at least 2");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, 0.2}, 100), "at least 2");
        assertMessage(() -> DiscreteSchedule.fromBetas(new double[] {0.1, 0.2}, Double.NaN), "NaN");
        assertMessage(() -> DiscreteSchedule.linearBetas(0.1, 0.2, 0), "n = 0");
        assertMessage(() -> DiscreteSchedule.cosineBetas(0), "n = 0");
        // alphas_cumprod may start at 1 (lambda = +infinity there).
        final DiscreteSchedule s = DiscreteSchedule.fromAlphasCumprod(new double[] {1, 0.5, 0.1});
        assertEquals(Double.POSITIVE_INFINITY, s.lambda(s.tMin()));
        assertEquals(3, s.length());
    }

    @Test
    void continuousReferenceValues() {
        final LinearSchedule lin = new LinearSchedule();
        // mpmath: sigma_t and lambda_t of the linear schedule.
        final double[][] linear = {{1e-12, 3.1622776603256235886e-7, 14.966803104411521946},
            {1e-8, 0.000031622792326105533294, 10.361632420723452835},
            {1e-4, 0.0031779630268808298234, 5.7515097952693579477},
            {0.3, 0.77695997134754457354, -0.21038355313124085531}};
        for (double[] r : linear) {
            assertEquals(r[1], lin.sigma(r[0]), 4 * EPS * r[1], "sigma at " + r[0]);
            assertEquals(r[2], lin.lambda(r[0]), 4 * EPS * Math.abs(r[2]), "lambda at " + r[0]);
        }
        final CosineSchedule cos = new CosineSchedule();
        // mpmath: log alpha_t and lambda_t of the continuous cosine schedule.
        final double[][] cosine = {{1e-8, -1.942815000618488925e-10, 10.834282898296458888},
            {1e-3, -0.000020642538519421432269, 5.0474944057310334199},
            {0.5, -0.35276821523483331833, -0.012313441405757272346},
            {0.9946, -4.77767588124338058, -4.7776404693750836517}};
        for (double[] r : cosine) {
            // Relative 1e-14 near t = 0 (cancellation-free form); near T, cos(y) ~ 0.008 is
            // evaluated from an argument rounded relative to pi/2, costing ~200 ulps of alpha.
            assertEquals(r[1], cos.logAlpha(r[0]), 1e-14 * Math.abs(r[1]), "log alpha at " + r[0]);
            assertEquals(r[2], cos.lambda(r[0]), 1e-14 * Math.max(1, Math.abs(r[2])),
                    "lambda at " + r[0]);
        }
        assertEquals(0.9946, cos.tMax(), 0);
        assertEquals(1e-3, cos.tMin(), 0);
        assertEquals(0, cos.inverseLambda(Double.POSITIVE_INFINITY), 0);
        assertEquals(1, cos.inverseLambda(Double.NEGATIVE_INFINITY), 1e-15);
        assertEquals(0, lin.inverseLambda(Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void linearInverseEqualsPaperForm() {
        final LinearSchedule lin = new LinearSchedule(0.1, 20);
        for (double lambda = -6; lambda <= 3; lambda += 0.5) {
            final double l = lambda;
            final double paper = (Math.sqrt(0.01 + 2 * 19.9 * Math.log(Math.exp(-2 * l) + 1)) - 0.1) / 19.9;
            // The paper's form cancels mildly for large lambda (small t): 1e-13 relative suffices here.
            assertEquals(paper, lin.inverseLambda(l), 1e-13 * paper, () -> "lambda = " + l);
        }
    }

    @Test
    void continuousValidation() {
        assertMessage(() -> new LinearSchedule(1, 1), "beta0");
        assertMessage(() -> new LinearSchedule(-0.1, 1), "beta0");
        assertMessage(() -> new LinearSchedule(0.1, Double.NaN), "beta1");
        assertMessage(() -> new CosineSchedule(0, 0.9), "s = 0.0");
        assertMessage(() -> new CosineSchedule(0.008, 1), "tMax = 1.0");
        assertMessage(() -> new CustomSchedule(t -> -t, la -> -la, 1, 1), "tMin");
        assertMessage(() -> new CustomSchedule(t -> -t, la -> -la, Double.NaN, 0.1), "tMax");
    }

    @Test
    void logAddExpIsStable() {
        assertEquals(Math.log(2), ScheduleMath.logAddExp(0, 0), EPS);
        assertEquals(1000 + Math.log1p(Math.exp(-1)), ScheduleMath.logAddExp(999, 1000), 1000 * EPS);
        assertEquals(0, ScheduleMath.logAddExp(0, -Double.MAX_VALUE), 0);
        assertEquals(Double.POSITIVE_INFINITY, ScheduleMath.logAddExp(Double.POSITIVE_INFINITY, 0));
        assertEquals(Double.POSITIVE_INFINITY,
                ScheduleMath.logAddExp(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertEquals(Double.NEGATIVE_INFINITY,
                ScheduleMath.logAddExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        // lambda ~ 22 carries ~ 22 ulps of error, doubled in e^{-2 lambda}.
        assertEquals(-1e-20, ScheduleMath.logAlphaOfLambda(-0.5 * Math.log(2e-20)), 1e-34);
        assertTrue(Double.isNaN(ScheduleMath.logAddExp(Double.NaN, 0)));
    }

    /** Asserts an {@link IllegalArgumentException} whose message contains {@code part}. */
    /**
     * Issue 19: {@code cosine(Integer.MAX_VALUE)} ran out of memory; every length above
     * {@link DiscreteSchedule#MAX_STEPS} is refused before anything is allocated, by every
     * factory, naming the length and the limit.
     */
    @Test
    void cosineOfIntegerMaxValueSteps() {
        final String limit = "MAX_STEPS = " + DiscreteSchedule.MAX_STEPS;
        final int tooMany = DiscreteSchedule.MAX_STEPS + 1;
        assertMessage(() -> DiscreteSchedule.cosine(Integer.MAX_VALUE), "n = " + Integer.MAX_VALUE);
        assertMessage(() -> DiscreteSchedule.cosine(Integer.MAX_VALUE), limit);
        assertMessage(() -> DiscreteSchedule.cosineBetas(tooMany), "n = " + tooMany);
        assertMessage(() -> DiscreteSchedule.linearBetas(1e-4, 0.02, Integer.MAX_VALUE), limit);
        assertMessage(() -> DiscreteSchedule.linear(1e-4, 0.02, tooMany), limit);
        // Arrays the caller already holds: refused before the schedule copies them.
        final double[] long1 = new double[tooMany];
        java.util.Arrays.fill(long1, 0.5);
        assertMessage(() -> DiscreteSchedule.fromBetas(long1), "betas.length = " + tooMany);
        assertMessage(() -> DiscreteSchedule.fromAlphasCumprod(long1), "alphasCumprod.length = " + tooMany);
    }

    /**
     * Asserts that {@code r} throws an {@link IllegalArgumentException} whose message contains
     * {@code part}. Public because the model and sampler tests check their argument messages with it.
     *
     * @param r the call that must be refused
     * @param part a fragment of the expected message
     */
    public static void assertMessage(Runnable r, String part) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage()
                + "' should contain '" + part + "'");
    }
}
