package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Observed orders of etdrk4 (Cox–Matthews) and hochost4 (Hochbruck–Ostermann) on every PDE
 * problem, errors in the relative max norm of the physical values against the problem's
 * reference solution.
 */
class ConvergenceTest {

    static double[] errors(PdeProblem p, String method, int[] steps) {
        double[] reference = p.toPhysical(p.referenceSolution());
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double[] u = FixedStepIntegrator.solve(p.problem(), MethodRegistry.byName(method), p.t0(),
                    p.initialState(), p.t1(), steps[i]);
            errors[i] = Norms.relativeMaxError(p.toPhysical(u), reference);
        }
        return errors;
    }

    static String format(double[] values, String pattern) {
        StringBuilder sb = new StringBuilder();
        for (double v : values) {
            sb.append(String.format(Locale.ROOT, pattern, v));
        }
        return sb.toString();
    }

    /**
     * Kassam–Trefethen KS at \(T = 10\), \(h = 1/4, \dots, 1/64\). The reference notes' measured
     * table (same problem, same error measure) has etdrk4 errors \(6.7\cdot 10^{-6} \dots
     * 1.8\cdot 10^{-9}\) with slopes 2.51 2.65 3.18 3.54 (pre-asymptotic, rising towards 4), and
     * hochost4 \(2.2\cdot 10^{-5} \dots 7.8\cdot 10^{-10}\) with slopes 3.58 3.63 3.74 3.85.
     * Asserted: errors within a factor 1.5 of the table (the setups differ only in the Nyquist
     * mode, whose coefficient is at rounding level), every hochost4 slope in \([3.4, 4.1]\),
     * etdrk4 slopes in \([2.3, 4.1]\) and rising, the first below 3 (its coarse-step reduction).
     */
    @Test
    void kuramotoSivashinskyMatchesKassamTrefethen() {
        KuramotoSivashinsky ks = new KuramotoSivashinsky();
        int[] steps = {40, 80, 160, 320, 640};
        double[] etdrk4 = errors(ks, "etdrk4", steps);
        double[] hochost4 = errors(ks, "hochost4", steps);
        double[] s1 = Norms.slopes(etdrk4);
        double[] s2 = Norms.slopes(hochost4);
        System.out.println("ks etdrk4   errors" + format(etdrk4, " %.2e") + " slopes" + format(s1, " %.2f"));
        System.out.println("ks hochost4 errors" + format(hochost4, " %.2e") + " slopes" + format(s2, " %.2f"));
        assertWithin(6.7e-6, etdrk4[0], "etdrk4 at h = 1/4");
        assertWithin(1.8e-9, etdrk4[4], "etdrk4 at h = 1/64");
        assertWithin(2.2e-5, hochost4[0], "hochost4 at h = 1/4");
        assertWithin(7.8e-10, hochost4[4], "hochost4 at h = 1/64");
        for (int i = 0; i < s2.length; i++) {
            assertTrue(s2[i] > 3.4 && s2[i] < 4.1, "hochost4 slopes " + Arrays.toString(s2));
            assertTrue(s1[i] > 2.3 && s1[i] < 4.1, "etdrk4 slopes " + Arrays.toString(s1));
            assertTrue(i == 0 || s1[i] > s1[i - 1], "etdrk4 slopes rise towards 4: " + Arrays.toString(s1));
        }
        assertTrue(s1[0] < 3.0, "etdrk4's coarse-step slope is reduced: " + Arrays.toString(s1));
    }

    private static void assertWithin(double expected, double actual, String what) {
        assertTrue(actual < 1.5 * expected && actual > expected / 1.5, what + ": " + actual + ", table " + expected);
    }

    /**
     * The other problems are smooth in time after a short transient, and both methods should
     * show order 4 on the finest halvings (measured: Burgers 3.9–4.1, Allen–Cahn 3.8–4.0 for
     * both methods). The band \([3.6, 4.5]\) on the last two halvings leaves room for the
     * pre-asymptotic rise seen on KS. KdV approaches 4 from above (etdrk4: 4.75 4.83 4.68 4.50
     * from 800 to 12800 steps on \([0, 0.006]\)): there \(N\) itself is stiff,
     * \(h\,\kappa_{\max}\max|u| = 2.4\cdot 10^5 h \approx 0.3\) at 800 steps, so higher-order
     * error terms still matter; its band is \([3.6, 5.0]\), and the slopes must be falling.
     */
    @ParameterizedTest
    @CsvSource({"burgers, 16, 4.5", "kdv, 800, 5.0", "allen-cahn, 40, 4.5", "allen-cahn-cheb, 40, 4.5"})
    void fourthOrderMethodsShowOrderFour(String name, int coarsest, double upper) {
        PdeProblem p = PdeProblems.byName(name);
        int[] steps = {coarsest, 2 * coarsest, 4 * coarsest, 8 * coarsest, 16 * coarsest};
        for (String method : new String[] {"etdrk4", "hochost4"}) {
            double[] e = errors(p, method, steps);
            double[] s = Norms.slopes(e);
            System.out.println(name + " " + method + " steps " + Arrays.toString(steps) + " errors" + format(e, " %.2e")
                    + " slopes" + format(s, " %.2f"));
            for (int i = s.length - 2; i < s.length; i++) {
                assertTrue(s[i] > 3.6 && s[i] < upper, name + " " + method + " slopes " + Arrays.toString(s));
            }
            if (upper > 4.5) {
                assertTrue(s[3] < s[2] && s[3] < s[1], name + " " + method + ": slopes fall towards 4 "
                        + Arrays.toString(s));
            }
        }
    }
}
