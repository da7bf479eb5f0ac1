package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.phi.Phi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The parametrised families and the identities their tableaux rely on. */
class MethodFamiliesProperties {

    private static final Fraction H = Fraction.ONE_HALF;

    static LongStream seeds() {
        return Samples.seeds();
    }

    /** @return a random node \(p/q \in (0, 1]\), \(q \le 12\) */
    private static Fraction randomNode(SplittableRandom rnd) {
        int q = rnd.nextInt(1, 13);
        return new Fraction(rnd.nextInt(1, q + 1), q);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void twoStageFamilyHasStiffOrderTwoForEveryNode(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fraction c2 = randomNode(rnd);
        HochbruckOstermann2 m = new HochbruckOstermann2(c2);
        ExponentialRungeKuttaTableau t = m.tableau();
        double[] samples = Samples.withDefaults(rnd, 4);
        double tol = OrderConditions.DEFAULT_TOLERANCE;
        // ψ3(0) = 1/6 − c2/4 vanishes only for c2 = 2/3
        String expected = c2.equals(Fraction.TWO_THIRDS) ? "SSSWFFFSF" : "SSSFFFFSF";
        assertEquals(expected, OrderConditions.profile(t, t.b(), samples, tol).symbols(), "seed " + seed + ", c2 = " + c2);
        assertEquals("SFSFSFSSS", OrderConditions.profile(t, t.bHat(), samples, tol).symbols(),
                "seed " + seed + ", c2 = " + c2);
        assertEquals(2, t.classicalLimit().order(), "seed " + seed + ", c2 = " + c2);
        assertEquals(c2, m.c2());
        assertTrue(m.name().startsWith("hochost2") || m.name().equals("etd2rk"), "seed " + seed + ": " + m.name());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void threeStageFamilyHasStiffOrderThreeForEveryNode(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fraction c2 = randomNode(rnd);
        HochbruckOstermann3 m = new HochbruckOstermann3(c2);
        ExponentialRungeKuttaTableau t = m.tableau();
        double[] samples = Samples.withDefaults(rnd, 4);
        double tol = OrderConditions.DEFAULT_TOLERANCE;
        OrderConditions.Profile p = OrderConditions.profile(t, t.b(), samples, tol);
        assertEquals("SSSWSFFFS", p.symbols(), "seed " + seed + ", c2 = " + c2 + ": " + p.results());
        assertEquals(3, p.stiffOrder(), "seed " + seed + ", c2 = " + c2);
        OrderConditions.Profile e = OrderConditions.profile(t, t.bHat(), samples, tol);
        assertEquals(2, e.stiffOrder(), "seed " + seed + ", c2 = " + c2 + ": " + e.results());
        assertEquals(3, t.classicalLimit().order(), "seed " + seed + ", c2 = " + c2);
        assertEquals(2, t.embeddedClassicalLimit().order(), "seed " + seed + ", c2 = " + c2);
        // the embedded weights are the two-stage family's b with the same node
        ExponentialRungeKuttaTableau two = new HochbruckOstermann2(c2).tableau();
        assertEquals(two.b(0), t.bHat(0), "seed " + seed);
        assertEquals(two.b(1), t.bHat(1), "seed " + seed);
        assertEquals(two.a(1, 0), t.a(1, 0), "seed " + seed);
    }

    @Test
    void familyNames() {
        assertEquals("hochost2", new HochbruckOstermann2(H).name());
        assertEquals("etd2rk", new HochbruckOstermann2(Fraction.ONE).name());
        assertEquals("hochost2[c2=1/3]", new HochbruckOstermann2(Fraction.ONE_THIRD).name());
        assertEquals("hochost3", new HochbruckOstermann3(Fraction.ONE_THIRD).name());
        assertEquals("hochost3[c2=1/2]", new HochbruckOstermann3(H).name());
        assertTrue(HochbruckOstermann2.etd2rk().reference().contains("Cox"));
    }

    @Test
    void freeNodeIsValidated() {
        for (Fraction bad : new Fraction[] {Fraction.ZERO, new Fraction(-1, 2), new Fraction(3, 2), null}) {
            IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                    () -> new HochbruckOstermann2(bad));
            assertTrue(e2.getMessage().contains("c2"), e2.getMessage());
            IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class,
                    () -> new HochbruckOstermann3(bad));
            assertTrue(e3.getMessage().contains("c2"), e3.getMessage());
        }
    }

    @Test
    void lawsonTableauFromRk4() {
        ExponentialRungeKuttaTableau t = LawsonMethod.rk4().tableau();
        PhiCombination one = PhiCombination.constant(Fraction.ONE);
        assertEquals(phi(0, H).times(1, 2), t.a(1, 0));
        assertEquals(one.times(1, 2), t.a(2, 1), "a32 = ½ e^{0·Z} = ½ I");
        assertEquals(phi(0, H), t.a(3, 2));
        assertTrue(t.a(2, 0).isZero() && t.a(3, 0).isZero() && t.a(3, 1).isZero());
        assertEquals(phi(0).times(1, 6), t.b(0));
        assertEquals(phi(0, H).times(1, 3), t.b(1));
        assertEquals(phi(0, H).times(1, 3), t.b(2));
        assertEquals(one.times(1, 6), t.b(3));
        assertEquals(4, LawsonMethod.rk4().classicalOrder());
        assertEquals(1, LawsonMethod.rk4().stiffOrder());
        assertEquals(ExponentialMethod.Family.LAWSON, LawsonMethod.rk4().family());
    }

    @Test
    void lawsonValidatesNodesAndName() {
        Fraction z = Fraction.ZERO;
        // a32 ≠ 0 with c3 < c2 would need e^{(c3 − c2)Z}, unbounded for stiff L
        ButcherTableau backwards = new ButcherTableau(new Fraction[] {z, H, new Fraction(1, 4)},
                new Fraction[][] {{}, {H}, {z, new Fraction(1, 4)}}, new Fraction[] {z, z, Fraction.ONE});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LawsonMethod("backwards", backwards));
        assertTrue(e.getMessage().contains("c3 = 1/4 < c2 = 1/2"), e.getMessage());
        // the same nodes are fine where the coefficient is zero
        ButcherTableau harmless = new ButcherTableau(new Fraction[] {z, H, new Fraction(1, 4)},
                new Fraction[][] {{}, {H}, {new Fraction(1, 4), z}}, new Fraction[] {z, z, Fraction.ONE});
        assertEquals(3, new LawsonMethod("harmless", harmless).stages());
        ButcherTableau beyond = new ButcherTableau(new Fraction[] {z, new Fraction(3, 2)},
                new Fraction[][] {{}, {new Fraction(3, 2)}}, new Fraction[] {z, Fraction.ONE});
        assertThrows(IllegalArgumentException.class, () -> new LawsonMethod("beyond", beyond));
        assertThrows(IllegalArgumentException.class, () -> new LawsonMethod("Lawson4", ButcherTableau.rk4()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void etdrk4FirstColumnIsTheDoublingIdentity(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PhiCombination a41 = new CoxMatthewsEtdrk4().tableau().a(3, 0);
        for (double z : Samples.random(rnd, 8)) {
            double expected = 0.5 * Phi.phi(1, z / 2) * Math.expm1(z / 2);
            assertEquals(expected, a41.value(z), 1e-13 * (Phi.phi(1, z) + Phi.phi(1, z / 2)),
                    "seed " + seed + ", z = " + z);
        }
    }

    /** hochost4 needs only ψ22 + ψ23 = 0, not each (reference §2.4). */
    @ParameterizedTest
    @MethodSource("seeds")
    void hochost4StageDefectsCancelInPairs(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ExponentialRungeKuttaTableau t = new HochbruckOstermann4().tableau();
        for (double z : Samples.random(rnd, 8)) {
            double psi22 = 0.25 * Phi.phi(2, z / 2);
            double psi23 = 0.25 * Phi.phi(2, z / 2) - 0.5 * t.a(2, 1).value(z);
            assertEquals(0.0, psi22 + psi23, 1e-14 * psi22, "seed " + seed + ", z = " + z);
            assertTrue(psi22 > 0.2 * Phi.phi(2, z / 2), "seed " + seed + ", z = " + z + ": psi22 alone is not 0");
        }
    }
}
