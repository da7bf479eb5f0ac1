package org.expint4j.method;

import static org.expint4j.method.ParametricTableau.Entry.phi;
import static org.expint4j.method.ParametricTableau.Expression.R1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.method.ParametricTableau.Entry;
import org.expint4j.method.ParametricTableau.Expression;
import org.junit.jupiter.api.Test;

/** The parametric tableau on the two-stage Hochbruck–Ostermann family, \(c_2 = r_1\). */
class ParametricTableauTest {

    private static final ParametricTableau FAMILY = new ParametricTableau(
            new Expression[] {Expression.ZERO, R1},
            new Entry[][] {{}, {phi(1, R1).times(R1)}},
            new Entry[] {phi(1).minus(phi(2).times(Expression.ONE.divide(R1))), phi(2).times(Expression.ONE.divide(R1))},
            new Entry[] {phi(1), Entry.ZERO});

    @Test
    void exactInstanceIsTheCatalogueMember() {
        Fraction c2 = new Fraction(2, 5);
        ExponentialRungeKuttaTableau expected = new HochbruckOstermann2(c2).tableau();
        ExponentialRungeKuttaTableau actual = FAMILY.at(c2, null);
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void fillWritesTheTermsOfTheDefinition() {
        NumericTableau t = new NumericTableau(2, true, 2, 2);
        FAMILY.fill(t, 0.4, Double.NaN);
        FAMILY.fillEmbedded(t, 0.4, Double.NaN);
        assertEquals(0.4, t.node(1));
        assertEquals(2, t.terms(t.outputRow(), 0));
        assertEquals(-1 / 0.4, t.coefficient(t.outputRow(), 0, 1));
        assertEquals(1, t.terms(t.embeddedRow(), 0));
        assertEquals(0, t.terms(t.embeddedRow(), 1));
    }

    @Test
    void readsAsItsFormulas() {
        assertTrue(FAMILY.toString().contains("a21 = (r1) φ1((r1) Z)"), FAMILY.toString());
        assertTrue(FAMILY.toString().contains("b1 = φ1(Z) - (1 / r1) φ2(Z)"), FAMILY.toString());
        assertEquals("r2 / (r1 * (r2 - r1))",
                Expression.R2.divide(R1.times(Expression.R2.minus(R1))).toString());
    }

    @Test
    void misuseIsReported() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FAMILY.fill(new NumericTableau(3, false, 2, 2), 0.5, 0.5));
        assertTrue(e.getMessage().contains("2-stage tableau cannot fill a 3-stage"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FAMILY.at(null, null));
        assertTrue(e.getMessage().contains("r1 is used"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ParametricTableau(new Expression[] {R1},
                new Entry[][] {{}}, new Entry[] {phi(1)}, null));
        assertTrue(e.getMessage().contains("first node"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new ParametricTableau(new Expression[] {Expression.ZERO},
                new Entry[][] {{}}, new Entry[] {phi(1)}, null).fillEmbedded(new NumericTableau(1, true, 1, 1), 0, 0));
    }
}
