package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.phi.Phi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Argument checking of {@link NumericTableau}: every index and value is checked, by name. */
class NumericTableauTest {

    /** A 3-stage tableau with embedded weights, φ up to 2, two terms per entry. */
    private static NumericTableau tableau() {
        return new NumericTableau(3, true, 2, 2);
    }

    private static void assertRefused(Executable call, String... parts) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void setNode5OfThreeStages() {
        final NumericTableau t = tableau();
        assertRefused(() -> t.setNode(5, 0.5), "c[5]", "0..2");
        assertRefused(() -> t.setNode(-1, 0.5), "c[-1]", "0..2");
        assertRefused(() -> t.node(3), "c[3]", "0..2");
        final long version = t.version();
        t.setNode(2, 0.5);
        assertEquals(0.5, t.node(2));
        assertTrue(t.version() > version, "a mutation advances the version");
    }

    @Test
    void valueOfEntryMinus1And0() {
        final NumericTableau t = tableau();
        assertRefused(() -> t.value(-1, 0, 1), "(-1, 0)", "3-stage");
        assertRefused(() -> t.terms(-1, 0), "(-1, 0)");
        assertRefused(() -> t.terms(1, 1), "(1, 1)");
        assertRefused(() -> t.value(t.embeddedRow() + 1, 0, 1), "(5, 0)");
        t.addTerm(2, 1, 0.5, 1, 1.0);
        assertEquals(0.5 * Phi.phi(1, 1.0), t.value(2, 1, 1.0));
        assertRefused(() -> t.k(2, 1, 1), "term 1", "(2, 1)", "1 term");
        assertRefused(() -> t.scale(2, 1, -1), "term -1");
        assertRefused(() -> t.coefficient(2, 1, 2), "term 2");
        assertEquals(1, t.k(2, 1, 0));
    }

    @Test
    void addTermWithNaNCoefficient() {
        final NumericTableau t = tableau();
        assertRefused(() -> t.addTerm(1, 0, Double.NaN, 1, 1.0), "q = NaN", "(1, 0)");
        assertRefused(() -> t.addTerm(1, 0, Double.POSITIVE_INFINITY, 1, 1.0), "q = Infinity");
        assertRefused(() -> t.addTerm(1, 0, 1.0, 1, Double.NaN), "s = NaN", "(1, 0)");
        assertRefused(() -> t.addTerm(1, 0, 1.0, 1, Double.NEGATIVE_INFINITY), "s = -Infinity");
        assertEquals(0, t.terms(1, 0), "a refused term leaves the entry unchanged");
    }

    @Test
    void constructorWithSizesBeyondTheLimits() {
        assertRefused(() -> new NumericTableau(0, false, 1, 1), "stages = 0");
        assertRefused(() -> new NumericTableau(Integer.MAX_VALUE, false, 1, 1),
            "stages = " + Integer.MAX_VALUE, String.valueOf(NumericTableau.MAX_STAGES));
        assertRefused(() -> new NumericTableau(3, false, Phi.MAX_ORDER + 1, 1),
            "maxK = " + (Phi.MAX_ORDER + 1), String.valueOf(Phi.MAX_ORDER));
        assertRefused(() -> new NumericTableau(3, false, 1, Integer.MAX_VALUE),
            "maxTerms = " + Integer.MAX_VALUE, String.valueOf(NumericTableau.MAX_TERMS));
        assertRefused(() -> new NumericTableau(3, false, -1, 1), "maxK = -1");
    }
}
