package org.expint4j.diffusion.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Round trips \( t \to \lambda \to t \), monotonicity and small-\(t\) precision of every schedule,
 * over seeded random times.
 */
class ScheduleProperties {

    /** Random times per seed. */
    private static final int SAMPLES = 400;

    /** One unit in the last place of 1. */
    private static final double EPS = Math.ulp(1.0);

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x5c4ed000L + i);
    }

    /** @return \(t\) log-uniform in \([lo, hi]\) */
    static double logUniform(SplittableRandom rnd, double lo, double hi) {
        return Math.exp(rnd.nextDouble(Math.log(lo), Math.log(hi)));
    }

    /**
     * Relative error of \(t(\lambda(t))\). \(\lambda\) carries a few ulps of \(|\lambda|\) and
     * \(|dt/t| = |d\lambda| / (t |\lambda'(t)|)\), at most about \(2|d\lambda|\) near \(t = 0\)
     * where \(\lambda \approx -\tfrac12\log(\beta_0 t)\), so 1e-14 covers \(|\lambda| \lesssim 15\).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void linearInverseIsTheInverse(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final LinearSchedule s = new LinearSchedule(rnd.nextDouble(0.01, 1), rnd.nextDouble(5, 30));
        roundTrip(seed, s, rnd, 1e-4, 1, 1e-14);
        final LinearSchedule d = new LinearSchedule();
        roundTrip(seed, d, rnd, 1e-4, 1, 1e-14);
        // Down to t = 1e-12 (lambda ~ 15) the form stays relative.
        roundTrip(seed, d, rnd, 1e-12, 1e-4, 2e-14);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cosineInverseIsTheInverse(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final CosineSchedule s = new CosineSchedule();
        roundTrip(seed, s, rnd, 1e-8, 0.5, 1e-14);
        // Near T, lambda'(t) flattens relative to t: alpha ~ 0.008 there, 1e-13.
        roundTrip(seed, s, rnd, 0.5, s.tMax(), 1e-13);
    }

    /**
     * On the keypoint grid, in between and below \(1/N'\) (extrapolated), for random betas and
     * the standard schedules. Both directions use the same linear piece \(j\), so the error is the
     * rounding of \(\log\alpha\) on the way there and back (a few ulps of \(|\log\alpha|\),
     * \(|\log\alpha_j|\) and, through \(\lambda\), \(|\lambda|\)) divided by the slope: relative
     * to \(t\), 16 ulps times \( 1 + (|\log\alpha| + |\log\alpha_j| + |\lambda|)/(t\,|s_j|) \),
     * the condition number of the piece. It reaches \(10^{-12}\) where betas are tiny (flat
     * pieces) and \(t\) is far below \(1/N'\).
     *
     * <p>The extrapolation below \(1/N'\) is only meaningful while \(\log\alpha < 0\): for
     * increasing betas, the first segment's line crosses 0 a little below \(1/N'\) (at about
     * \(1.7\times10^{-4}\) for the linear DDPM betas); below, \(\sigma\) is NaN, as in the
     * reference.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void discreteInverseIsTheInverse(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int n = rnd.nextInt(2, 2000);
        final double[] betas = new double[n];
        for (int i = 0; i < n; i++) {
            betas[i] = logUniform(rnd, 1e-5, 0.05);
        }
        final DiscreteSchedule random = DiscreteSchedule.fromBetas(betas, Double.NEGATIVE_INFINITY);
        for (DiscreteSchedule s : new DiscreteSchedule[] {random, DiscreteSchedule.linear(1e-4, 0.02, 1000),
            DiscreteSchedule.cosine(1000)}) {
            final double[] ts = s.times();
            final double[] la = s.logAlphas();
            final double zero = ts[0] - la[0] * (ts[1] - ts[0]) / (la[1] - la[0]);
            final double lo = Math.max(1e-5, zero + 0.01 * (ts[0] - zero));
            for (int i = 0; i < SAMPLES; i++) {
                final double t = i % 2 == 0 ? logUniform(rnd, s.tMin(), 1) : logUniform(rnd, lo, s.tMin());
                discreteRoundTrip(seed, s, t);
            }
            for (int k = 0; k < s.length(); k += 97) {
                discreteRoundTrip(seed, s, ts[k]);
            }
        }
    }

    private static void discreteRoundTrip(long seed, DiscreteSchedule s, double t) {
        final double[] ts = s.times();
        final double[] la = s.logAlphas();
        final int last = ts.length - 1;
        final int j = Math.max(0, Math.min(last - 1, (int) Math.floor(t * ts.length) - 1));
        final double slope = (la[j + 1] - la[j]) / (ts[j + 1] - ts[j]);
        final double lambda = s.lambda(t);
        final double kappa = (Math.abs(s.logAlpha(t)) + Math.abs(la[j]) + Math.abs(lambda))
                / (t * Math.abs(slope));
        final double back = s.inverseLambda(lambda);
        assertEquals(t, back, 16 * EPS * (1 + kappa) * t,
                () -> "seed " + seed + ", " + s + ", t = " + t + ", kappa = " + kappa);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void customScheduleDelegates(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final double beta0 = rnd.nextDouble(0.05, 0.5);
        final double beta1 = rnd.nextDouble(10, 25);
        final LinearSchedule lin = new LinearSchedule(beta0, beta1);
        // The inverse of the quadratic in log alpha, in the same cancellation-free form.
        final CustomSchedule custom = new CustomSchedule(lin::logAlpha, la -> {
            final double tau = -4 * (beta1 - beta0) * la;
            return tau / (Math.sqrt(beta0 * beta0 + tau) + beta0) / (beta1 - beta0);
        }, 1, 1e-3);
        assertEquals(1, custom.tMax(), 0);
        assertEquals(1e-3, custom.tMin(), 0);
        for (int i = 0; i < SAMPLES; i++) {
            final double t = logUniform(rnd, 1e-6, 1);
            final double lambda = lin.lambda(t);
            assertEquals(lin.logAlpha(t), custom.logAlpha(t), 0, "seed " + seed);
            assertEquals(lin.inverseLambda(lambda), custom.inverseLambda(lambda), 4 * EPS * t,
                    "seed " + seed + ", t = " + t);
        }
        roundTrip(seed, custom, rnd, 1e-6, 1, 1e-14);
    }

    /**
     * \(\sigma_t\) keeps its relative precision for tiny \(t\): compared with the alternating series
     * \( 1 - e^{-2a} = \sum_{k\ge1} (-1)^{k+1}(2a)^k/k! \) at \( a = -\log\alpha_t \le 10^{-3} \),
     * whose terms fall by a factor \( \le 2a \), so the sum is accurate to a few ulps. The naive
     * \( 1 - e^{2\log\alpha} \) would lose \( \log_{10}(1/\sigma^2) \) digits.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void sigmaIsRelativelyAccurateForTinyT(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final NoiseSchedule[] schedules = {new LinearSchedule(), new CosineSchedule(),
            DiscreteSchedule.linear(1e-4, 0.02, 1000)};
        for (NoiseSchedule s : schedules) {
            for (int i = 0; i < SAMPLES; i++) {
                final double t = logUniform(rnd, 1e-12, 1e-4);
                final double a = -s.logAlpha(t);
                if (!(a > 0 && a <= 1e-3)) {
                    // Extrapolated discrete schedules can have log alpha > 0 below some t.
                    continue;
                }
                double term = 2 * a;
                double sum = 0;
                for (int k = 1; k < 30 && term != 0; k++) {
                    sum += (k % 2 == 1) ? term : -term;
                    term *= 2 * a / (k + 1);
                }
                final double expected = Math.sqrt(sum);
                assertEquals(expected, s.sigma(t), 4 * EPS * expected,
                        "seed " + seed + ", " + s + ", t = " + t);
                assertEquals(-a - 0.5 * Math.log(sum), s.lambda(t), 8 * EPS * Math.abs(s.lambda(t)), "seed " + seed + ", " + s + ", t = " + t);
            }
        }
    }

    /** \(\lambda\) decreases strictly in \(t\) and \(\alpha^2 + \sigma^2 = 1\). */
    @ParameterizedTest
    @MethodSource("seeds")
    void lambdaDecreasesAndVariancePreserved(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final NoiseSchedule[] schedules = {new LinearSchedule(), new CosineSchedule(),
            DiscreteSchedule.linear(1e-4, 0.02, 1000), DiscreteSchedule.cosine(1000)};
        for (NoiseSchedule s : schedules) {
            for (int i = 0; i < SAMPLES; i++) {
                final double t1 = rnd.nextDouble(s.tMin(), s.tMax());
                final double t2 = rnd.nextDouble(s.tMin(), s.tMax());
                if (t1 < t2) {
                    assertTrue(s.lambda(t1) > s.lambda(t2), "seed " + seed + ", " + s + ", " + t1 + " < " + t2);
                }
                final double alpha = s.alpha(t1);
                final double sigma = s.sigma(t1);
                assertEquals(1, alpha * alpha + sigma * sigma, 4 * EPS, "seed " + seed + ", " + s);
            }
        }
    }

    private static void roundTrip(long seed, NoiseSchedule s, SplittableRandom rnd, double lo,
            double hi, double relTol) {
        for (int i = 0; i < SAMPLES; i++) {
            final double t = logUniform(rnd, lo, hi);
            final double back = s.inverseLambda(s.lambda(t));
            assertEquals(t, back, relTol * t, () -> "seed " + seed + ", " + s + ", t = " + t);
        }
    }
}
