package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.method.OrderConditions.Condition;
import org.expint4j.method.OrderConditions.Profile;
import org.expint4j.method.OrderConditions.Result;
import org.expint4j.method.OrderConditions.Verdict;
import org.expint4j.phi.Phi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The measured stiff-order-condition profile of every registered method against the profile
 * expected from the literature (reference notes §2.4), written here as data: one symbol per
 * condition 1–9, S = strong, W = weakened form only, F = fails even weakened.
 */
class OrderConditionsTest {

    /** Conditions 1–9 of the output weights b. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            // 1 stage: conditions 3, 5, 7, 8, 9 hold trivially (c1 = 0, no a)
            Map.entry("etd1", "SFSFSFSSS"),
            // 8 holds trivially: psi_{2,1} = 0 and a21 is the only a
            Map.entry("hochost2", "SSSFFFFSF"),
            Map.entry("etd2rk", "SSSFFFFSF"),
            // reference: 1–4 hold, 5 fails even weakly
            Map.entry("etdrk3", "SSSSFWFFF"),
            // reference: 1–3 and 5 strong, 4 weak
            Map.entry("hochost3", "SSSWSFFFS"),
            // reference: 1–4 hold; 5, 7, 8, 9 fail (5 even weakly)
            Map.entry("etdrk4", "SSSSFWFFF"),
            // reference: 1–5 and 9 strong; 6 and 8 weak; 7 fails
            Map.entry("krogstad", "SSSSSWFWS"),
            // reference: same profile as Krogstad
            Map.entry("strehmel-weiner", "SSSSSWFWS"),
            // reference: 1–5, 8, 9 strong; 6 and 7 weak
            Map.entry("hochost4", "SSSSSWWSS"),
            // psi_1(Z) = e^Z - phi_1(Z) != 0; only the classical (Z = 0) conditions survive
            Map.entry("lawson-euler", "WFSFSFSSS"),
            Map.entry("lawson4", "WWWWFWFFF"));

    /** Conditions 1–9 of the embedded weights bHat. */
    private static final Map<String, String> EXPECTED_EMBEDDED = Map.of(
            "hochost2", "SFSFSFSSS",
            "etd2rk", "SFSFSFSSS",
            "hochost3", "SSSFFFFSF");

    static Stream<String> names() {
        return MethodRegistry.all().stream().filter(m -> m instanceof ExponentialRungeKuttaMethod)
                .map(ExponentialMethod::name);
    }

    static LongStream seeds() {
        return Samples.seeds();
    }

    private static ExponentialRungeKuttaTableau tableau(String name) {
        return ((ExponentialRungeKuttaMethod) MethodRegistry.byName(name)).tableau();
    }

    @Test
    void everyRegisteredMethodHasAnExpectedProfile() {
        assertEquals(EXPECTED.keySet(), Set.copyOf(names().toList()),
                "the expected profiles must cover exactly the registered Runge–Kutta-type methods");
    }

    @ParameterizedTest
    @MethodSource("names")
    void measuredProfileMatchesTheLiterature(String name) {
        Profile p = OrderConditions.profile(tableau(name));
        assertEquals(EXPECTED.get(name), p.symbols(), name + ": " + p.results());
    }

    @ParameterizedTest
    @MethodSource("names")
    void measuredProfileImpliesTheDeclaredStiffOrder(String name) {
        ExponentialMethod m = MethodRegistry.byName(name);
        Profile p = OrderConditions.profile(tableau(name));
        assertTrue(p.holdsAtLeastWeaklyUpTo(m.stiffOrder()), name + ": " + p);
        assertTrue(p.stiffOrder() >= m.stiffOrder(), name + ": " + p);
        assertEquals(m.stiffOrder(), p.stiffOrder(), name + " declares what its conditions give: " + p);
        if (m.family() == ExponentialMethod.Family.LAWSON) {
            // psi_1 != 0: only the weakened psi_1(0) = 0 holds, which is all a stiff order 1 rests on
            assertEquals(Verdict.WEAK, p.verdict(1), name);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void profilesAreStableUnderRandomArguments(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] samples = Samples.withDefaults(rnd, 6);
        for (String name : names().toList()) {
            ExponentialRungeKuttaTableau t = tableau(name);
            Profile p = OrderConditions.profile(t, t.b(), samples, OrderConditions.DEFAULT_TOLERANCE);
            assertEquals(EXPECTED.get(name), p.symbols(), "seed " + seed + ", " + name + ": " + p.results());
            if (t.hasEmbedded()) {
                Profile e = OrderConditions.profile(t, t.bHat(), samples, OrderConditions.DEFAULT_TOLERANCE);
                assertEquals(EXPECTED_EMBEDDED.get(name), e.symbols(), "seed " + seed + ", embedded " + name);
            }
        }
    }

    /**
     * The tolerance separates identities from failures with room on both sides: a condition that
     * holds leaves rounding only, one that fails is off by a visible fraction of its terms.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void toleranceSeparatesRoundingFromFailure(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] samples = Samples.withDefaults(rnd, 6);
        for (String name : names().toList()) {
            ExponentialRungeKuttaTableau t = tableau(name);
            for (Result r : OrderConditions.profile(t, t.b(), samples, OrderConditions.DEFAULT_TOLERANCE).results()) {
                String where = "seed " + seed + ", " + name + ", " + r;
                if (r.verdict() == Verdict.STRONG) {
                    assertTrue(r.strongResidual() <= 1e-12, where);
                } else {
                    assertTrue(r.strongResidual() >= 1e-4, where);
                }
                if (r.verdict() == Verdict.FAILS) {
                    assertTrue(r.weakResidual() >= 1e-4, where);
                } else {
                    assertTrue(r.weakResidual() <= 1e-12, where);
                    assertTrue(r.classical(), where + ": a condition that holds holds at Z = 0");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void embeddedWeightsSatisfyTheConditionsUpToTheEmbeddedOrder(String name) {
        ExponentialMethod m = MethodRegistry.byName(name);
        ExponentialRungeKuttaTableau t = tableau(name);
        if (!t.hasEmbedded()) {
            assertEquals(0, m.embeddedOrder(), name);
            return;
        }
        Profile e = OrderConditions.embeddedProfile(t);
        assertEquals(EXPECTED_EMBEDDED.get(name), e.symbols(), name + ": " + e.results());
        assertTrue(e.holdsAtLeastWeaklyUpTo(m.embeddedOrder()), name + ": " + e);
        assertEquals(m.embeddedOrder(), e.stiffOrder(), name + ": " + e);
        assertTrue(m.embeddedOrder() < m.stiffOrder(), name + ": the estimator needs a lower-order solution");
    }

    /** EXPINT's etd2rk.m has b1 = φ1 − 2φ2 (reference §5.3): Σ b = φ1 − φ2 ≠ φ1. */
    @Test
    void etd2rkWithThePublishedWrongB1FailsCondition1() {
        ExponentialRungeKuttaTableau good = HochbruckOstermann2.etd2rk().tableau();
        ExponentialRungeKuttaTableau wrong = good.withWeights(
                new PhiCombination[] {phi(1).minus(phi(2).times(2, 1)), phi(2)});
        Profile p = OrderConditions.profile(wrong);
        assertEquals(Verdict.FAILS, p.verdict(1), p.results().toString());
        assertFalse(p.result(1).classical(), "Σ b(0) = 1/2: not even consistent");
        assertEquals(0, p.stiffOrder());
        assertEquals(0, wrong.classicalLimit().order());
        assertEquals(Verdict.STRONG, OrderConditions.profile(good).verdict(1));
    }

    @Test
    void lawsonMethodsAreNotExactForConstantForcing() {
        for (String name : new String[] {"lawson-euler", "lawson4"}) {
            ExponentialRungeKuttaTableau t = tableau(name);
            // ψ1 = O(z^5) for lawson4 (classical order 4): look where Z is not small
            for (double z : new double[] {-1.7, -5, -8}) {
                double sum = 0;
                for (int i = 0; i < t.stages(); i++) {
                    sum += t.b(i).value(z);
                }
                double psi1 = Phi.phi(1, z) - sum;
                assertTrue(Math.abs(psi1) > 1e-3 * Math.abs(Phi.phi(1, z)),
                        name + ": psi_1(" + z + ") = " + psi1);
            }
            assertEquals(Verdict.WEAK, OrderConditions.profile(t).verdict(1), name);
        }
    }

    /**
     * Evaluating outer and inner factors at the same scalar lets them commute. Here
     * \(\psi_{2,3} = -e^{Z/2}\psi_{2,2}\) and \(b_2 = e^{Z/2}\), \(b_3 = I\), so
     * \(b_2\psi_{2,2} + b_3\psi_{2,3}\) vanishes for scalars but not across \(J\):
     * condition 5 must not pass as strong once the arguments differ.
     */
    @Test
    void independentArgumentsDetectNonCommutingFailures() {
        Fraction h = Fraction.ONE_HALF;
        // e^{Z/2} φ2(Z/2) = 4 φ2(Z) − φ1(Z/2) − φ2(Z/2) (doubling), hence a32 below
        PhiCombination a32 = phi(2).times(2, 1).minus(phi(1, h).times(1, 2));
        PhiCombination b2 = phi(0, h);
        PhiCombination b3 = PhiCombination.constant(Fraction.ONE);
        ExponentialRungeKuttaTableau t = new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, h, h},
                new PhiCombination[][] {{}, {phi(1, h).times(1, 2)}, {phi(1, h).times(1, 2).minus(a32), a32}},
                new PhiCombination[] {phi(1).minus(b2).minus(b3), b2, b3}, null);
        for (double z : OrderConditions.defaultSamples()) {
            Profile sameArgument = OrderConditions.profile(t, t.b(), new double[] {z}, OrderConditions.DEFAULT_TOLERANCE);
            assertEquals(Verdict.STRONG, sameArgument.verdict(5), "z = " + z + ": commuting scalars cancel");
        }
        Profile p = OrderConditions.profile(t);
        assertEquals(Verdict.FAILS, p.verdict(5), p.result(5).toString());
        assertTrue(p.result(5).strongResidual() > 1e-3, p.result(5).toString());
    }

    @Test
    void stiffOrderNeedsLowerOrdersStrong() {
        // lawson4: every pure psi_j(0) = 0 (classical order 4) but psi_1(Z) != 0
        Profile p = OrderConditions.profile(tableau("lawson4"));
        assertTrue(p.holdsAtLeastWeaklyUpTo(2));
        assertFalse(p.holdsAtLeastWeaklyUpTo(3));
        assertEquals(1, p.stiffOrder(), "weak order-1 conditions do not carry order 2");
        assertFalse(p.rowSumsHold());
        assertTrue(OrderConditions.profile(tableau("hochost4")).rowSumsHold());
        assertEquals("SSSSSWWSS (stiff order 4)", OrderConditions.profile(tableau("hochost4")).toString());
    }

    @Test
    void conditionsAreNumberedWithTheirOrders() {
        int[] orders = {1, 2, 2, 3, 3, 4, 4, 4, 4};
        for (int n = 1; n <= 9; n++) {
            Condition c = Condition.number(n);
            assertEquals(n, c.number());
            assertEquals(orders[n - 1], c.order(), "condition " + n);
            assertFalse(c.description().isEmpty());
        }
        assertThrows(IllegalArgumentException.class, () -> Condition.number(0));
        assertThrows(IllegalArgumentException.class, () -> Condition.number(10));
    }

    @Test
    void argumentValidation() {
        ExponentialRungeKuttaTableau t = tableau("krogstad");
        double tol = OrderConditions.DEFAULT_TOLERANCE;
        assertThrows(IllegalArgumentException.class,
                () -> OrderConditions.profile(t, new PhiCombination[] {phi(1)}, new double[] {-1}, tol));
        assertThrows(IllegalArgumentException.class,
                () -> OrderConditions.profile(t, t.b(), new double[0], tol));
        assertThrows(IllegalArgumentException.class,
                () -> OrderConditions.profile(t, t.b(), new double[] {Double.NaN}, tol));
        assertThrows(IllegalArgumentException.class,
                () -> OrderConditions.profile(t, t.b(), new double[] {-1}, 0));
        assertThrows(IllegalStateException.class, () -> OrderConditions.embeddedProfile(t));
    }
}
