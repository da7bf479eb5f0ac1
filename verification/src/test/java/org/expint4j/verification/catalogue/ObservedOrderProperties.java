package org.expint4j.verification.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.verification.problems.BenchmarkProblem;
import org.expint4j.verification.problems.LogisticProblem;
import org.expint4j.verification.problems.ManufacturedStiffProblem;
import org.expint4j.verification.problems.NonNormalDenseProblem;
import org.expint4j.verification.problems.ProtheroRobinsonProblem;
import org.expint4j.verification.problems.ScalarForcedProblem;
import org.expint4j.verification.study.MethodConvergence;
import org.expint4j.verification.study.OrderFit;
import org.expint4j.verification.study.OrderStudy;
import org.expint4j.verification.study.Rung;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Observed orders of every registered method on analytic problems with random parameters,
 * measured with the {@link OrderStudy} engine. Expected orders are derived from the method
 * (declared orders, or quadrature orders read off its tableau), never from a hand table.
 *
 * <p><b>Bands.</b> Where an order \(p\) is predicted exactly (non-stiff problems) the fitted
 * slope must lie in \([p - 0.3, p + 0.7]\), widened on both sides by the half-width of its own
 * 95% confidence interval (±0.05 or less on clean ladders, wide only where few rungs lie between
 * the pre-asymptotic range and the rounding floor, as for fifth-order Adams), with at least
 * three rungs fitted. The band is asymmetric because random parameters now and then make the
 * leading error constant nearly vanish, and then the next term dominates over a finite ladder
 * and lifts the slope (ETD2RK on one logistic instance, whose \(h^2\) constant is a hundred
 * times smaller than that of the midpoint variant, shows local orders falling from 3.0 to 2.07
 * over \(n = 16, \dots, 2048\)); a slope a whole order above \(p\), which would mean a wrongly
 * declared order, still fails. Where theory gives a bound (stiff problems, uniformly in the
 * stiffness), the slope must be at least the order minus 0.3, the band of the solver-core
 * stiff-order test.
 */
class ObservedOrderProperties {

    /** How far the slope may fall below a predicted or bounding order, before the CI is added. */
    static final double BAND = 0.3;

    /** How far the slope may rise above a predicted order, before the CI is added. */
    static final double BAND_ABOVE = 0.7;

    static Stream<Arguments> methodsAndSeeds() {
        return Catalogue.methodsAndSeeds(8);
    }

    /**
     * \(u' = \lambda u + g(t)\), \(g\) exponential or trigonometric, \(\lambda \in [-3, 0.5]\)
     * (non-stiff): the order is the classical quadrature order
     * ({@link Catalogue#classicalQuadratureOrder}).
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void nonStiffForcedScalarShowsTheClassicalQuadratureOrder(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ScalarForcedProblem.Forcing kind = seed % 2 == 0
                ? ScalarForcedProblem.Forcing.EXPONENTIAL : ScalarForcedProblem.Forcing.TRIGONOMETRIC;
        ScalarForcedProblem p = ScalarForcedProblem.random(kind, random.nextDouble(-3, 0.5), random);
        MethodConvergence m = study(List.of(p), method, 8, 2048);
        assertPredicted(m, Catalogue.classicalQuadratureOrder(method), seed, p.description());
    }

    /**
     * The logistic equation \(u' = \lambda u - \mu u^2\) (non-stiff, \(u\)-dependent \(N\)):
     * the stage values matter and the order is the classical order.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void nonStiffLogisticShowsTheClassicalOrder(ExponentialMethod method, long seed) {
        LogisticProblem p = LogisticProblem.random(new SplittableRandom(seed));
        assertPredicted(study(List.of(p), method, 16, 1024), method.classicalOrder(), seed, p.description());
    }

    /**
     * The \(2\times 2\) non-normal dense problem with moderate parameters (\(\kappa \in [2,
     * 10]\), \(|\beta| \le 20\)) on steps \(h\|L\| \lesssim 1/2\): the classical order, through
     * the dense φ-functions.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void nonNormalDenseProblemShowsTheClassicalOrder(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        NonNormalDenseProblem p = new NonNormalDenseProblem(random.nextDouble(2, 10), random.nextDouble(-20, 20),
                random.nextDouble(0, Math.PI));
        assertPredicted(study(List.of(p), method, 64, 1024), method.classicalOrder(), seed, p.description());
    }

    /**
     * Stiff order, uniformly in the stiffness: the manufactured problem with random solution
     * parameters at \(\kappa = 1\) and \(\kappa \approx 10^2, 10^4, 10^6\) (random within half a
     * decade), the error of each rung the largest over \(\kappa\) (see
     * {@code StiffOrderTest} in solver-core for why). Two checks: the slope over \(n = 16, \dots,
     * 1024\) is at least the stiff order \(p\) minus {@value #BAND} (widened by its confidence
     * half-width: explicit Adams methods are still pre-asymptotic on the coarse rungs for the
     * \(\kappa = 1\) member, whose coupling makes \(hL_{\mathrm{eff}} \approx 1\) at
     * \(n = 16\)); and the uniform error
     * constant \(e/h^p\) does not grow as \(h \to 0\): its largest value over the finer half of
     * the fitted rungs is at most 4 times that over the coarser half. An error of uniform order
     * \(p - 1\) would make it grow by \(2^3 = 8\) or more between the halves; the methods measure
     * at most 1.1.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void errorIsUniformInTheStiffnessAtTheStiffOrder(ExponentialMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ManufacturedStiffProblem base = ManufacturedStiffProblem.random(1,
                ManufacturedStiffProblem.Variant.BOUNDED_FORCING, random);
        List<BenchmarkProblem> family = new ArrayList<>();
        family.add(base);
        for (double decade : new double[] {2, 4, 6}) {
            family.add(base.withKappa(Math.pow(10, decade + random.nextDouble(-0.5, 0.5))));
        }
        MethodConvergence m = study(family, method, 16, 1024);
        int p = method.stiffOrder();
        String where = "seed " + seed + ", " + method + ", " + base.description() + ": " + m;
        double halfWidth = (m.fit().confidenceHigh() - m.fit().confidenceLow()) / 2;
        assertTrue(m.observedOrder() + halfWidth >= p - BAND,
                () -> where + "; below stiff order " + p + " - " + BAND + " beyond the confidence interval");
        List<Rung> used = m.usedRungs();
        double coarse = 0;
        double fine = 0;
        for (int i = 0; i < used.size(); i++) {
            double constant = used.get(i).maxError() / Math.pow(used.get(i).h(), p);
            if (i < (used.size() + 1) / 2) {
                coarse = Math.max(coarse, constant);
            } else {
                fine = Math.max(fine, constant);
            }
        }
        double growth = fine / coarse;
        assertTrue(growth <= 4, () -> where + "; uniform error constant e/h^" + p + " grows by " + growth);
    }

    /**
     * Prothero–Robinson over \(\lambda = -10^2, \dots, -10^8\): \(N = \psi' - \lambda\psi\) is
     * itself stiff, but an exponential quadrature of order \(q\)
     * ({@link Catalogue#quadratureOrder}) keeps an error \(O(h^q)\) uniformly in \(\lambda\)
     * (the terms \(h^{q+1}\psi_{q+1}(h\lambda)N^{(q)}\) are \(O(h^q)\) since
     * \(\varphi_k(z) = O(1/z)\)). A φ-function inaccurate at large \(|h\lambda|\) breaks it.
     * Lawson methods (\(q = 0\)) have no such bound and are skipped.
     */
    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("methodsAndSeeds")
    void protheroRobinsonErrorIsUniformInTheStiffness(ExponentialMethod method, long seed) {
        int q = Catalogue.quadratureOrder(method);
        Assumptions.assumeTrue(q >= 1, () -> method + " has quadrature order 0 (psi_1 != 0): no uniform bound");
        SplittableRandom random = new SplittableRandom(seed);
        double omega = random.nextDouble(1, 4);
        double theta = random.nextDouble(0, 2 * Math.PI);
        List<BenchmarkProblem> family = new ArrayList<>();
        for (double decade : new double[] {2, 4, 6, 8}) {
            family.add(new ProtheroRobinsonProblem(-Math.pow(10, decade), omega, theta, 1));
        }
        MethodConvergence m = study(family, method, 32, 1024);
        assertTrue(m.observedOrder() >= q - BAND, () -> "seed " + seed + ", " + method + ", omega = " + omega
                + ", theta = " + theta + ": " + m + "; below quadrature order " + q + " - " + BAND);
    }

    private static MethodConvergence study(List<? extends BenchmarkProblem> family, ExponentialMethod method, int nMin,
                                           int nMax) {
        return OrderStudy.builder().problemFamily(family.get(0).name(), family.get(0).description(), family)
                .method(method).stepLadder(nMin, nMax).run().methods().get(0);
    }

    private static void assertPredicted(MethodConvergence m, int expected, long seed, String problem) {
        OrderFit fit = m.fit();
        String where = "seed " + seed + ", " + problem + ": " + m;
        assertTrue(fit.points() >= 3, () -> where + "; fewer than three rungs in the asymptotic range");
        double halfWidth = (fit.confidenceHigh() - fit.confidenceLow()) / 2;
        double low = expected - BAND - halfWidth;
        double high = expected + BAND_ABOVE + halfWidth;
        assertTrue(fit.slope() >= low && fit.slope() <= high,
                () -> where + "; expected order " + expected + ", band [" + low + ", " + high + "]");
    }
}
