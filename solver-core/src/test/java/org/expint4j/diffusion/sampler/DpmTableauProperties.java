package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import java.util.stream.LongStream;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.ExponentialRungeKuttaTableau;
import org.expint4j.method.HochbruckOstermann2;
import org.expint4j.method.HochbruckOstermann3;
import org.expint4j.method.OrderConditions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stiff order conditions of DPM-Solver's single-step tableaux at random rational nodes
 * \(0 < r_1 < r_2 < 1\) ({@link DpmCoefficients#tableau}{@code .at(r1, r2)}), against what the
 * theory says (\(\varphi_{k,i} = \varphi_k(r_i Z)\); \(\psi\) as in {@link OrderConditions}):
 * <ul>
 * <li>DPM-Solver-1, \(b_1 = \varphi_1\): exponential Euler, stiff order 1
 *     ({@code SFSFS}: \(\psi_2(0) = 1/2\)).</li>
 * <li>DPM-Solver-2 taylor, \(b_2 = \varphi_2/r_1\): the Hochbruck–Ostermann two-stage family
 *     with \(c_2 = r_1\), \(\psi_1 = \psi_2 = \psi_{1,i} = 0\) strongly: stiff order 2 for every
 *     \(r_1\); condition 4 (\(\psi_3(0) = 1/6 - r_1/4\)) holds weakly exactly when
 *     \(r_1 = 2/3\); condition 5 fails (\(b_2 \ne 0\), \(\psi_{2,2} = r_1^2\varphi_{2,1}\)).</li>
 * <li>DPM-Solver-2 dpmsolver, \(b_2 = \varphi_1/(2r_1)\): only classically second order
 *     (reference §2.4): \(\psi_2 = \varphi_2 - \varphi_1/2\) is not 0 for \(Z \ne 0\) but
 *     \(\psi_2(0) = 0\). <b>Measured:</b> condition 2 holds in weakened form, which
 *     {@link OrderConditions.Profile#stiffOrder()} accepts at the top order, so it reports stiff
 *     order 2 (the Hochbruck–Ostermann theorem then costs a logarithm, not an order).
 *     Condition 4, \(\psi_3(0) = 1/6 - r_1/4\): weak iff \(r_1 = 2/3\).</li>
 * <li>DPM-Solver-3 dpmsolver, \(b_2 = 0\), \(b_3 = \varphi_2/r_2\): conditions 1–3 and 5 hold
 *     strongly for every \(r\) (\(a_{32}\) makes \(\psi_{2,3} = 0\)); condition 4,
 *     \(\psi_3(0) = 1/6 - r_2/4\), holds (weakly) only for \(r_2 = 2/3\) — the paper's proof
 *     of Theorem 3.2 needs exactly that. Stiff and classical order 3 at \(r_2 = 2/3\), else 2.</li>
 * <li>DPM-Solver-3 taylor: \(b_2, b_3\) solve \(\psi_2 = \psi_3 = 0\) exactly, but condition
 *     5 has \(b_2 J \psi_{2,2}\) with \(\psi_{2,2} \ne 0\): weak iff
 *     \(b_2(0) = (r_2/2 - 1/3)/(r_1(r_2 - r_1)) = 0\), i.e. \(r_2 = 2/3\). <b>Measured:</b> at
 *     \(r_2 \ne 2/3\) it is stiff order 2 and, since the weakened condition 5 is the classical
 *     condition \(\sum b_i a_{ij} c_j = 1/6\), also only classical order 2, although its
 *     quadrature is exact for quadratics.</li>
 * <li>Embedded weights (adaptive pairs): DPM-Solver-12 \(\hat b = \varphi_1\), stiff order 1;
 *     DPM-Solver-23 the order-2 weights of the same type and \(r_1\), stiff order 2.</li>
 * </ul>
 * Conditions 6–9 (order 4) are not asserted; the failure messages print all nine.
 */
class DpmTableauProperties {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 48).map(i -> 0x9E3779B97F4A7C15L * i + 0x2545F4914F6CDD1DL);
    }

    /** @return {r1, r2} rational, {@code 0 < r1 < r2 < 1}; one draw in three has r2 = 2/3 */
    static Fraction[] randomNodes(SplittableRandom rnd) {
        boolean twoThirds = rnd.nextInt(3) == 0;
        while (true) {
            Fraction r1 = random(rnd);
            Fraction r2 = twoThirds ? Fraction.TWO_THIRDS : random(rnd);
            if (r1.compareTo(r2) < 0) {
                return new Fraction[] {r1, r2};
            }
        }
    }

    private static Fraction random(SplittableRandom rnd) {
        int q = rnd.nextInt(2, 13);
        return new Fraction(rnd.nextInt(1, q), q);
    }

    private static double[] samples(SplittableRandom rnd) {
        double[] extra = new double[4];
        for (int i = 0; i < extra.length; i++) {
            extra[i] = rnd.nextInt(6) == 0 ? rnd.nextDouble(0.05, 1) : -Math.pow(10, rnd.nextDouble(-1.3, 3));
        }
        return DoubleStream.concat(Arrays.stream(OrderConditions.defaultSamples()), Arrays.stream(extra)).toArray();
    }

    /** Expected symbols of conditions 1–5 of {@code b}, then of {@code bHat} ("" if none). */
    private static String[] expected(int order, SolverType type, Fraction r1, Fraction r2) {
        char c4r1 = r1.equals(Fraction.TWO_THIRDS) ? 'W' : 'F';
        boolean at23 = r2.equals(Fraction.TWO_THIRDS);
        boolean dpm = type == SolverType.DPMSOLVER;
        return switch (order) {
            case 1 -> new String[] {"SFSFS", ""};
            case 2 -> new String[] {(dpm ? "SWS" : "SSS") + c4r1 + "F", "SFSFS"};
            default -> new String[] {dpm ? (at23 ? "SSSWS" : "SSSFS") : (at23 ? "SSSSW" : "SSSSF"),
                (dpm ? "SWS" : "SSS") + c4r1 + "F"};
        };
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void orderConditionsGiveTheTheory(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fraction[] r = randomNodes(rnd);
        double[] samples = samples(rnd);
        double tol = OrderConditions.DEFAULT_TOLERANCE;
        for (int order = 1; order <= 3; order++) {
            for (SolverType type : SolverType.values()) {
                ExponentialRungeKuttaMethod m = DpmMethods.singlestep(order, type, r[0], r[1]);
                ExponentialRungeKuttaTableau t = m.tableau();
                String what = "seed " + seed + ", " + m.name();
                String[] expected = expected(order, type, r[0], r[1]);
                OrderConditions.Profile p = OrderConditions.profile(t, t.b(), samples, tol);
                assertEquals(expected[0], p.symbols().substring(0, 5), what + ": " + p.results());
                assertEquals(m.stiffOrder(), p.stiffOrder(), what + ": " + p);
                assertEquals(m.classicalOrder(), t.classicalLimit().order(), what + " reduces to\n" + t.classicalLimit());
                assertEquals(m.stiffOrder(), OrderConditions.profile(t).stiffOrder(), what + " at the default samples");
                if (order == 1) {
                    assertEquals(false, t.hasEmbedded(), what);
                    continue;
                }
                OrderConditions.Profile e = OrderConditions.profile(t, t.bHat(), samples, tol);
                assertEquals(expected[1], e.symbols().substring(0, 5), what + " embedded: " + e.results());
                assertEquals(m.embeddedOrder(), e.stiffOrder(), what + " embedded: " + e);
                assertEquals(m.embeddedOrder(), OrderConditions.embeddedProfile(t).stiffOrder(), what + " embedded");
                assertEquals(m.embeddedOrder(), t.embeddedClassicalLimit().order(), what + " embedded limit");
            }
        }
    }

    /** The stiff order claimed for each rule, spelled out (the theory above, not read from code). */
    @ParameterizedTest
    @MethodSource("seeds")
    void declaredOrders(long seed) {
        Fraction[] r = randomNodes(new SplittableRandom(seed));
        int third = r[1].equals(Fraction.TWO_THIRDS) ? 3 : 2;
        for (SolverType type : SolverType.values()) {
            String what = "seed " + seed + ", " + type + ", r = " + r[0] + ", " + r[1];
            assertEquals(1, DpmMethods.singlestep(1, type, r[0], r[1]).stiffOrder(), what);
            assertEquals(2, DpmMethods.singlestep(2, type, r[0], r[1]).stiffOrder(), what);
            assertEquals(third, DpmMethods.singlestep(3, type, r[0], r[1]).stiffOrder(), what);
            assertEquals(third, DpmMethods.singlestep(3, type, r[0], r[1]).classicalOrder(), what);
        }
    }

    /** DPM-Solver-2 taylor at \(r_1\) is the two-stage Hochbruck–Ostermann member \(c_2 = r_1\), entry for entry. */
    @ParameterizedTest
    @MethodSource("seeds")
    void taylorTwoIsTheTwoStageFamily(long seed) {
        Fraction r1 = randomNodes(new SplittableRandom(seed))[0];
        assertSameTableau(new HochbruckOstermann2(r1).tableau(),
                DpmCoefficients.tableau(2, SolverType.TAYLOR).at(r1, null), true, "seed " + seed + ", r1 = " + r1);
    }

    /**
     * The order-3 dpmsolver rule at \((1/3, 2/3)\) is {@code hochost3} exactly (nodes, stages,
     * weights); hochost3's embedded weights are the taylor type's order-2 weights, not the
     * dpmsolver type's.
     */
    @Test
    void dpmSolverThreeIsHochost3() {
        ExponentialRungeKuttaTableau ho = HochbruckOstermann3.hochost3().tableau();
        Fraction third = Fraction.ONE_THIRD;
        ExponentialRungeKuttaTableau dpm = DpmCoefficients.tableau(3, SolverType.DPMSOLVER).at(third, Fraction.TWO_THIRDS);
        ExponentialRungeKuttaTableau taylor = DpmCoefficients.tableau(3, SolverType.TAYLOR).at(third, Fraction.TWO_THIRDS);
        assertSameTableau(ho, dpm, false, "dpmsolver-3 vs hochost3");
        assertEquals(Arrays.asList(ho.bHat()), Arrays.asList(taylor.bHat()), "hochost3 bHat vs taylor-2 weights");
        assertEquals(HochbruckOstermann3.hochost3().orders(), DpmMethods.singlestep(3, SolverType.DPMSOLVER, third,
                Fraction.TWO_THIRDS).orders());
    }

    private static void assertSameTableau(ExponentialRungeKuttaTableau expected, ExponentialRungeKuttaTableau actual,
                                          boolean embedded, String what) {
        assertEquals(Arrays.asList(expected.c()), Arrays.asList(actual.c()), what + ": c");
        for (int i = 0; i < expected.stages(); i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(expected.a(i, j), actual.a(i, j), what + ": a" + (i + 1) + (j + 1));
            }
        }
        assertEquals(Arrays.asList(expected.b()), Arrays.asList(actual.b()), what + ": b");
        if (embedded) {
            assertEquals(Arrays.asList(expected.bHat()), Arrays.asList(actual.bHat()), what + ": bHat");
        }
    }
}
