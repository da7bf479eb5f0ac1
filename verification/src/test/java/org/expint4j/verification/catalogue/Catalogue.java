package org.expint4j.verification.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.diffusion.sampler.DpmMethods;
import org.expint4j.diffusion.sampler.SolverType;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.ButcherTableau;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.method.OrderConditions;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.provider.Arguments;

/**
 * What the catalogue tests derive from a method instead of reading from a hand table, so that a
 * method added to {@link MethodRegistry} is tested without editing any test.
 */
final class Catalogue {

    /** Condition numbers of \(\psi_1, \dots, \psi_4 = 0\) in {@link OrderConditions}. */
    private static final int[] PSI_CONDITIONS = {1, 2, 4, 6};

    private Catalogue() {
    }

    /**
     * Every registered method with seeds {@code 1..n}; {@code n} is {@code seeds}, or the system
     * property {@code expint.seeds} when set (for longer sweeps:
     * {@code ./mvnw -pl verification test -Dexpint.seeds=64}).
     *
     * @param seeds the default number of seeds per method
     * @return the arguments
     */
    static Stream<Arguments> methodsAndSeeds(int seeds) {
        seeds = Integer.getInteger("expint.seeds", seeds);
        List<Arguments> cases = new ArrayList<>();
        for (ExponentialMethod m : MethodRegistry.all()) {
            for (long seed = 1; seed <= seeds; seed++) {
                cases.add(Arguments.of(m, seed));
            }
        }
        return cases.stream();
    }

    /**
     * {@link #methodsAndSeeds} plus DPM-Solver's single-step tableaux (orders 1–3, both solver
     * types) at exact nodes \(0 < r_1 < r_2 < 1\) drawn from each seed (one seed in three has
     * \(r_2 = 2/3\)), declaring the orders of {@link DpmMethods#orders}. They are added here, not to
     * {@link MethodRegistry}, because their nodes change every step in the sampler: a registry
     * entry would have to fix one \(r\) and would appear in the CLI listing and generated docs.
     *
     * @param seeds the default number of seeds per method
     * @return the arguments; a DPM instance's name carries its nodes
     */
    static Stream<Arguments> withDpmInstances(int seeds) {
        List<Arguments> cases = new ArrayList<>(methodsAndSeeds(seeds).toList());
        seeds = Integer.getInteger("expint.seeds", seeds);
        for (int order = 1; order <= 3; order++) {
            for (SolverType type : order == 1 ? new SolverType[] {SolverType.DPMSOLVER} : SolverType.values()) {
                for (long seed = 1; seed <= seeds; seed++) {
                    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + order);
                    Fraction r2 = random.nextInt(3) == 0 ? Fraction.TWO_THIRDS : node(random, 2);
                    Fraction r1 = node(random, 1);
                    while (r1.compareTo(r2) >= 0) {
                        r1 = node(random, 1);
                    }
                    cases.add(Arguments.of(DpmMethods.singlestep(order, type, r1, r2), seed));
                }
            }
        }
        return cases.stream();
    }

    /** @return p/q with {@code lowest <= p < q <= 12} */
    private static Fraction node(SplittableRandom random, int lowest) {
        int q = random.nextInt(lowest + 1, 13);
        return new Fraction(random.nextInt(lowest, q), q);
    }

    /**
     * The exponential quadrature order: the largest \(q \le 4\) with \(\psi_1, \dots, \psi_q\)
     * holding strongly, i.e. \( \sum_i b_i(Z) c_i^{j-1}/(j-1)! = \varphi_j(Z) \) for all \(Z\),
     * so that polynomial forcing of degree \(\lt q\) is integrated exactly for every \(h\) and
     * \(\lambda\). For exponential Adams it is \(\min(q_{\mathrm{Adams}}, q_{\mathrm{starter}})\):
     * the Adams weights integrate the interpolant of degree \(q - 1\) of \(N = g(t)\) exactly,
     * and the history values \(g(t_{n-j})\) are exact whatever the state, but the first steps are
     * the starter's.
     *
     * @param method a registered method
     * @return the quadrature order (0 for Lawson methods: \(\psi_1 \ne 0\))
     */
    static int quadratureOrder(ExponentialMethod method) {
        if (method instanceof ExponentialRungeKuttaMethod erk) {
            OrderConditions.Profile profile = OrderConditions.profile(erk.tableau());
            int q = 0;
            while (q < PSI_CONDITIONS.length && profile.verdict(PSI_CONDITIONS[q]) == OrderConditions.Verdict.STRONG) {
                q++;
            }
            return q;
        }
        if (method instanceof ExponentialAdams adams) {
            if (adams.startup() == ExponentialAdams.Startup.WARM_UP) {
                return 1; // the first step is of order 1
            }
            return Math.min(adams.order(), quadratureOrder(adams.starter()));
        }
        throw new IllegalArgumentException("no quadrature order rule for " + method.getClass().getName()
                + "; add one here when adding a new family");
    }

    /**
     * The classical quadrature order: the largest \(p\) with \( \sum_i b_i(0) c_i^{j-1} = 1/j \),
     * \(j = 1, \dots, p\), checked exactly on the classical limit. For \(u' = \lambda u + g(t)\)
     * with fixed \(\lambda\) an exponential Runge–Kutta method is an exponential quadrature
     * whose global error is \(O(h^p)\) with this \(p\), which can exceed the classical order
     * (Cox–Matthews ETDRK3 has Simpson weights: \(p = 4\)). Exponential Adams: its order.
     *
     * @param method a registered method
     * @return \(p\), at most 8
     */
    static int classicalQuadratureOrder(ExponentialMethod method) {
        if (method instanceof ExponentialAdams adams) {
            return adams.order();
        }
        ButcherTableau limit = ((ExponentialRungeKuttaMethod) method).tableau().classicalLimit();
        int p = 0;
        while (p < 8) {
            int j = p + 1;
            Fraction sum = Fraction.ZERO;
            for (int i = 0; i < limit.stages(); i++) {
                Fraction power = Fraction.ONE;
                for (int k = 1; k < j; k++) {
                    power = power.multiply(limit.c(i));
                }
                sum = sum.add(limit.b(i).multiply(power));
            }
            if (!sum.equals(new Fraction(1, j))) {
                break;
            }
            p = j;
        }
        return p;
    }

    /** Integrates with {@code steps} equal steps from 0 to {@code t1} on the serial CPU backend. */
    static double[] solve(ExponentialMethod method, LinearPart l, Nonlinearity<double[]> n, double[] u0, double t0,
                          double t1, int steps) {
        double[] out = new double[u0.length];
        new FixedStepIntegrator<>(method, DoubleVectorOps.serial()).integrate(l, n, u0, t0, t1, steps, out);
        return out;
    }

    /** Largest absolute difference and the scale it is compared with. */
    static double[] difference(double[] a, double[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.max(Math.abs(a[i]), Math.abs(b[i])));
        }
        return new double[] {diff, scale};
    }
}
