package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.fraction.Fraction;
import org.junit.jupiter.api.Test;

class ExponentialRungeKuttaTableauTest {

    private static final Fraction Z = Fraction.ZERO;
    private static final Fraction H = Fraction.ONE_HALF;
    private static final PhiCombination[][] TWO_ROWS = {{}, {phi(1, H).times(1, 2)}};
    private static final PhiCombination[] TWO_B = {phi(1).minus(phi(2).times(2, 1)), phi(2).times(2, 1)};

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void rejectsInconsistentShapes() {
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[0], new PhiCombination[0][],
                new PhiCombination[0], null)).contains("at least one stage"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, H}, TWO_ROWS,
                new PhiCombination[] {phi(1)}, null)).contains("1 weights b"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, H}, TWO_ROWS, TWO_B,
                new PhiCombination[] {phi(1)})).contains("1 weights bHat"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, H},
                new PhiCombination[][] {{}, {phi(1), phi(1)}}, TWO_B, null)).contains("row a[1] has 2 entries"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, H},
                new PhiCombination[][] {{}}, TWO_B, null)).contains("1 rows of a"));
    }

    @Test
    void rejectsBadNodesAndNullEntries() {
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {H, H}, TWO_ROWS, TWO_B, null))
                .contains("first node"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, new Fraction(3, 2)},
                TWO_ROWS, TWO_B, null)).contains("c[1] = 3/2"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, new Fraction(-1, 2)},
                TWO_ROWS, TWO_B, null)).contains("outside"));
        assertTrue(message(() -> new ExponentialRungeKuttaTableau(new Fraction[] {Z, H},
                new PhiCombination[][] {{}, {null}}, TWO_B, null)).contains("null"));
    }

    @Test
    void accessorsCopiesAndEmbeddedWeights() {
        ExponentialRungeKuttaTableau t = HochbruckOstermann2.hochost2().tableau();
        assertEquals(2, t.stages());
        assertTrue(t.hasEmbedded());
        assertEquals(phi(1), t.bHat(0));
        assertEquals(2, t.maxK());
        Fraction[] c = t.c();
        c[1] = Fraction.ONE;
        assertEquals(H, t.c(1), "c() must return a copy");
        PhiCombination[] b = t.b();
        b[0] = PhiCombination.ZERO;
        assertEquals(phi(1).minus(phi(2).times(2, 1)), t.b(0), "b() must return a copy");
        assertEquals(List.of(Fraction.ZERO, H, Fraction.ONE), t.scales());
        assertEquals(5, t.entries().size(), "a21, b1, b2, bHat1, bHat2");

        ExponentialRungeKuttaTableau plain = new CoxMatthewsEtdrk4().tableau();
        assertFalse(plain.hasEmbedded());
        assertThrows(IllegalStateException.class, () -> plain.bHat(0));
        assertThrows(IllegalStateException.class, plain::bHat);
        assertThrows(IllegalStateException.class, plain::embeddedClassicalLimit);
    }

    @Test
    void withWeightsKeepsStagesAndDropsEmbedded() {
        ExponentialRungeKuttaTableau t = HochbruckOstermann2.etd2rk().tableau();
        PhiCombination[] other = {phi(1), PhiCombination.ZERO};
        ExponentialRungeKuttaTableau u = t.withWeights(other);
        assertEquals(t.a(1, 0), u.a(1, 0));
        assertArrayEquals(t.c(), u.c());
        assertEquals(phi(1), u.b(0));
        assertFalse(u.hasEmbedded());
    }

    @Test
    void toStringDrawsTheTableau() {
        String s = new CoxMatthewsEtdrk4().tableau().toString();
        assertTrue(s.contains("c4 = 1;  a41 = -φ1(1/2 Z) + φ1(Z);  a43 = φ1(1/2 Z)"), s);
        assertTrue(s.contains("b4 = -φ2(Z) + 4 φ3(Z)"), s);
    }
}
