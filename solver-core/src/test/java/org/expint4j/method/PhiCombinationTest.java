package org.expint4j.method;

import static org.expint4j.method.PhiCombination.constant;
import static org.expint4j.method.PhiCombination.phi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.apache.commons.math3.fraction.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhiCombinationTest {

    private static final Fraction HALF = Fraction.ONE_HALF;

    @Test
    void equalTermsMergeAndZerosDrop() {
        PhiCombination e = PhiCombination.of(List.of(
                new PhiTerm(new Fraction(1, 3), 2, HALF),
                new PhiTerm(Fraction.ONE, 1, Fraction.ONE),
                new PhiTerm(new Fraction(2, 3), 2, HALF),
                new PhiTerm(Fraction.ZERO, 3, Fraction.ONE)));
        assertEquals(List.of(new PhiTerm(Fraction.ONE, 1, Fraction.ONE), new PhiTerm(Fraction.ONE, 2, HALF)),
                e.terms(), "merged, zero dropped, sorted by (k, node)");
        assertEquals(2, e.maxK());
    }

    @Test
    void cancellationGivesTheZeroEntry() {
        PhiCombination x = phi(1).minus(phi(2).times(3, 1));
        PhiCombination d = x.minus(x);
        assertTrue(d.isZero());
        assertSame(PhiCombination.ZERO, d);
        assertEquals(-1, d.maxK());
        assertEquals(Fraction.ZERO, d.valueAtZero());
        assertEquals(0.0, d.value(-3.0));
    }

    @Test
    void sameNodeDifferentIndexAndSameIndexDifferentNodeStayApart() {
        PhiCombination e = phi(1, HALF).plus(phi(2, HALF)).plus(phi(1));
        assertEquals(3, e.terms().size());
    }

    @Test
    void valueAtZeroIsExact() {
        PhiCombination b1 = phi(1).minus(phi(2).times(3, 1)).plus(phi(3).times(4, 1));
        assertEquals(new Fraction(1, 6), b1.valueAtZero(), "RK4's b1");
        assertEquals(new Fraction(1, 4), phi(1, HALF).times(1, 2).minus(phi(2, HALF)).plus(phi(3).times(3, 2))
                .valueAtZero());
        assertEquals(new Fraction(7, 3), constant(new Fraction(7, 3)).valueAtZero());
    }

    @Test
    void nodeZeroTermsAreConstants() {
        // φ_k(0·Z) = I/k!, so it must equal (and merge with) the constant 1/k!
        assertEquals(constant(HALF), phi(2, Fraction.ZERO));
        assertEquals(constant(new Fraction(2, 3)), phi(2, Fraction.ZERO).plus(phi(3, Fraction.ZERO)));
        assertTrue(phi(1, Fraction.ZERO).minus(constant(Fraction.ONE)).isZero());
        assertEquals(phi(0, Fraction.ZERO), constant(Fraction.ONE));
    }

    @Test
    void toStringShowsTheCombination() {
        assertEquals("φ1(Z) - 3 φ2(Z) + 4 φ3(Z)",
                phi(1).minus(phi(2).times(3, 1)).plus(phi(3).times(4, 1)).toString());
        assertEquals("-φ2(Z) + 4 φ3(Z)", phi(3).times(4, 1).minus(phi(2)).toString());
        assertEquals("1/2 φ1(1/2 Z)", phi(1, HALF).times(1, 2).toString());
        assertEquals("1/2 I", constant(HALF).toString());
        assertEquals("I", phi(0, Fraction.ZERO).toString());
        assertEquals("-I + φ0(Z)", phi(0).minus(constant(Fraction.ONE)).toString());
        assertEquals("0", PhiCombination.ZERO.toString());
    }

    @Test
    void equalsAndHashCodeFollowTheNormalisedTerms() {
        PhiCombination x = phi(2).plus(phi(1, HALF));
        PhiCombination y = phi(1, HALF).plus(phi(2));
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
        assertFalse(x.equals(phi(2)));
        assertFalse(x.equals("φ2(Z)"));
    }

    @Test
    void termValidation() {
        IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
                () -> new PhiTerm(Fraction.ONE, -1, Fraction.ONE));
        assertTrue(k.getMessage().contains("-1"), k.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PhiTerm(Fraction.ONE, 1, new Fraction(-1, 2)));
        assertThrows(IllegalArgumentException.class, () -> new PhiTerm(null, 1, Fraction.ONE));
        assertThrows(IllegalArgumentException.class, () -> new PhiTerm(Fraction.ONE, 1, null));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20).map(i -> 0x9E3779B97F4A7C15L * i);
    }

    /** A random combination of φ_0..φ_4 at nodes 0, 1/4, 1/3, 1/2, 2/3, 1. */
    static PhiCombination randomCombination(SplittableRandom rnd) {
        Fraction[] nodes = {Fraction.ZERO, Fraction.ONE_QUARTER, Fraction.ONE_THIRD, HALF,
            Fraction.TWO_THIRDS, Fraction.ONE};
        int n = rnd.nextInt(1, 6);
        PhiCombination e = PhiCombination.ZERO;
        for (int m = 0; m < n; m++) {
            Fraction q = new Fraction(rnd.nextInt(-9, 10), rnd.nextInt(1, 7));
            e = e.plus(phi(rnd.nextInt(0, 5), nodes[rnd.nextInt(nodes.length)]).times(q));
        }
        return e;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void algebraIsLinearInValue(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PhiCombination x = randomCombination(rnd);
        PhiCombination y = randomCombination(rnd);
        Fraction q = new Fraction(rnd.nextInt(-5, 6), rnd.nextInt(1, 5));
        double z = -8 * rnd.nextDouble() + 0.5; // the range where every φ implementation is accurate
        double scale = 1 + Math.abs(x.value(z)) + Math.abs(y.value(z));
        assertEquals(x.value(z) + y.value(z), x.plus(y).value(z), 1e-13 * scale, "seed " + seed + ", z = " + z);
        assertEquals(x.value(z) - y.value(z), x.minus(y).value(z), 1e-13 * scale, "seed " + seed + ", z = " + z);
        assertEquals(q.doubleValue() * x.value(z), x.times(q).value(z), 1e-13 * scale, "seed " + seed);
        assertEquals(x.valueAtZero().add(y.valueAtZero()), x.plus(y).valueAtZero(), "seed " + seed);
        assertEquals(x.plus(y), y.plus(x), "seed " + seed);
        assertTrue(x.minus(x).isZero(), "seed " + seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void valueAtZeroIsTheLimitOfValue(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PhiCombination x = randomCombination(rnd);
        double z = 1e-9 * (rnd.nextDouble() - 0.5);
        assertEquals(x.valueAtZero().doubleValue(), x.value(z), 1e-8, "seed " + seed + ": " + x);
        assertEquals(x.valueAtZero().doubleValue(), x.value(0.0), 1e-14, "seed " + seed + ": " + x);
    }
}
