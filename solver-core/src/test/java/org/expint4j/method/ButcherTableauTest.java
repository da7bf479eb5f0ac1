package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.fraction.Fraction;
import org.junit.jupiter.api.Test;

class ButcherTableauTest {

    private static Fraction f(int n, int d) {
        return new Fraction(n, d);
    }

    @Test
    void ordersOfTextbookMethods() {
        assertEquals(1, ButcherTableau.euler().order(), "explicit Euler");
        assertEquals(4, ButcherTableau.rk4().order(), "classical RK4");
        ButcherTableau heun2 = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 1)},
                new Fraction[][] {{}, {f(1, 1)}}, new Fraction[] {f(1, 2), f(1, 2)});
        assertEquals(2, heun2.order(), "Heun's trapezoidal method");
        ButcherTableau kutta3 = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 2), f(1, 1)},
                new Fraction[][] {{}, {f(1, 2)}, {f(-1, 1), f(2, 1)}}, new Fraction[] {f(1, 6), f(2, 3), f(1, 6)});
        assertEquals(3, kutta3.order(), "Kutta's third-order method");
        ButcherTableau threeEighths = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 3), f(2, 3), f(1, 1)},
                new Fraction[][] {{}, {f(1, 3)}, {f(-1, 3), f(1, 1)}, {f(1, 1), f(-1, 1), f(1, 1)}},
                new Fraction[] {f(1, 8), f(3, 8), f(3, 8), f(1, 8)});
        assertEquals(4, threeEighths.order(), "Kutta's 3/8 rule");
    }

    @Test
    void orderDropsWhenOneConditionBreaks() {
        // RK4 with a41 = 1/2, a43 = 1/2: row sums still hold, but b·A·c = 1/8 instead of 1/6
        ButcherTableau broken = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 2), f(1, 2), f(1, 1)},
                new Fraction[][] {{}, {f(1, 2)}, {f(0, 1), f(1, 2)}, {f(1, 2), f(0, 1), f(1, 2)}},
                new Fraction[] {f(1, 6), f(1, 3), f(1, 3), f(1, 6)});
        assertEquals(2, broken.order());
        // row sum ≠ node: order 1 only, whatever the weights
        ButcherTableau shifted = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 1)},
                new Fraction[][] {{}, {f(1, 2)}}, new Fraction[] {f(1, 2), f(1, 2)});
        assertEquals(1, shifted.order());
        // RK4 with b = (1/6, 1/6, 1/2, 1/6): orders 1 and 2 and b·c² = 1/3 hold, b·A·c = 5/24 does not
        ButcherTableau bcSquaredOnly = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 2), f(1, 2), f(1, 1)},
                new Fraction[][] {{}, {f(1, 2)}, {f(0, 1), f(1, 2)}, {f(0, 1), f(0, 1), f(1, 1)}},
                new Fraction[] {f(1, 6), f(1, 6), f(1, 2), f(1, 6)});
        assertEquals(2, bcSquaredOnly.order());
        ButcherTableau inconsistent = new ButcherTableau(new Fraction[] {f(0, 1)}, new Fraction[][] {{}},
                new Fraction[] {f(1, 2)});
        assertEquals(0, inconsistent.order());
    }

    @Test
    void shapeValidation() {
        Fraction[] c = {f(0, 1), f(1, 2)};
        assertThrows(IllegalArgumentException.class,
                () -> new ButcherTableau(c, new Fraction[][] {{}, {}}, new Fraction[] {f(0, 1), f(1, 1)}));
        assertThrows(IllegalArgumentException.class,
                () -> new ButcherTableau(c, new Fraction[][] {{}, {f(1, 2)}}, new Fraction[] {f(1, 1)}));
        assertThrows(IllegalArgumentException.class,
                () -> new ButcherTableau(new Fraction[] {f(1, 2)}, new Fraction[][] {{}}, new Fraction[] {f(1, 1)}));
        assertThrows(IllegalArgumentException.class,
                () -> new ButcherTableau(c, new Fraction[][] {{}, {null}}, new Fraction[] {f(0, 1), f(1, 1)}));
        assertThrows(IllegalArgumentException.class,
                () -> new ButcherTableau(new Fraction[0], new Fraction[0][], new Fraction[0]));
    }

    @Test
    void toStringListsRowsAndWeights() {
        String s = ButcherTableau.rk4().toString();
        assertTrue(s.contains("1 | 0 0 1"), s);
        assertTrue(s.endsWith("b = 1/6 1/3 1/3 1/6"), s);
    }
}
