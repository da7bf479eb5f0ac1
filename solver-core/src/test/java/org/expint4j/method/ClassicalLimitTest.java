package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.apache.commons.math3.fraction.Fraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** As \(Z \to 0\) every method must reduce, exactly, to a classical method of its classical order. */
class ClassicalLimitTest {

    static Stream<String> names() {
        return MethodRegistry.all().stream().filter(m -> m instanceof ExponentialRungeKuttaMethod)
                .map(ExponentialMethod::name);
    }

    private static ExponentialRungeKuttaTableau tableau(String name) {
        return ((ExponentialRungeKuttaMethod) MethodRegistry.byName(name)).tableau();
    }

    private static Fraction f(int n, int d) {
        return new Fraction(n, d);
    }

    static void assertSameTableau(ButcherTableau expected, ButcherTableau actual, String what) {
        assertEquals(expected.stages(), actual.stages(), what);
        assertArrayEquals(expected.c(), actual.c(), what + ": c");
        assertArrayEquals(expected.b(), actual.b(), what + ": b");
        for (int i = 0; i < expected.stages(); i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(expected.a(i, j), actual.a(i, j), what + ": a" + (i + 1) + (j + 1));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void limitHasTheDeclaredClassicalOrder(String name) {
        ExponentialMethod m = MethodRegistry.byName(name);
        ButcherTableau limit = tableau(name).classicalLimit();
        assertEquals(Math.min(m.classicalOrder(), 4), limit.order(), name + " reduces to\n" + limit);
    }

    @ParameterizedTest
    @MethodSource("names")
    void embeddedLimitHasTheEmbeddedOrder(String name) {
        ExponentialMethod m = MethodRegistry.byName(name);
        ExponentialRungeKuttaTableau t = tableau(name);
        if (t.hasEmbedded()) {
            assertEquals(m.embeddedOrder(), t.embeddedClassicalLimit().order(), name);
        }
    }

    @Test
    void coxMatthewsEtdrk4ReducesExactlyToRk4() {
        ExponentialRungeKuttaTableau t = new CoxMatthewsEtdrk4().tableau();
        assertEquals(Fraction.ZERO, t.a(3, 0).valueAtZero(), "a41 = φ1 − φ1(Z/2) → 0");
        assertEquals(Fraction.ONE, t.a(3, 2).valueAtZero(), "a43 → 1");
        assertArrayEquals(new Fraction[] {f(1, 6), f(1, 3), f(1, 3), f(1, 6)}, t.classicalLimit().b());
        assertSameTableau(ButcherTableau.rk4(), t.classicalLimit(), "etdrk4");
    }

    @Test
    void krogstadReducesExactlyToRk4() {
        assertSameTableau(ButcherTableau.rk4(), new Krogstad().tableau().classicalLimit(), "krogstad");
    }

    @Test
    void lowOrderMembersReduceToTextbookMethods() {
        assertSameTableau(ButcherTableau.euler(), new ExponentialEuler().tableau().classicalLimit(), "etd1");
        ButcherTableau heun = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 1)},
                new Fraction[][] {{}, {f(1, 1)}}, new Fraction[] {f(1, 2), f(1, 2)});
        assertSameTableau(heun, HochbruckOstermann2.etd2rk().tableau().classicalLimit(), "etd2rk");
        ButcherTableau midpoint = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 2)},
                new Fraction[][] {{}, {f(1, 2)}}, new Fraction[] {f(0, 1), f(1, 1)});
        assertSameTableau(midpoint, HochbruckOstermann2.hochost2().tableau().classicalLimit(), "hochost2");
        ButcherTableau heun3 = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 3), f(2, 3)},
                new Fraction[][] {{}, {f(1, 3)}, {f(0, 1), f(2, 3)}}, new Fraction[] {f(1, 4), f(0, 1), f(3, 4)});
        assertSameTableau(heun3, HochbruckOstermann3.hochost3().tableau().classicalLimit(), "hochost3");
        ButcherTableau kutta3 = new ButcherTableau(new Fraction[] {f(0, 1), f(1, 2), f(1, 1)},
                new Fraction[][] {{}, {f(1, 2)}, {f(-1, 1), f(2, 1)}}, new Fraction[] {f(1, 6), f(2, 3), f(1, 6)});
        assertSameTableau(kutta3, new CoxMatthewsEtdrk3().tableau().classicalLimit(), "etdrk3");
    }

    @Test
    void lawsonMethodsReduceToTheirRungeKuttaMethod() {
        assertSameTableau(ButcherTableau.euler(), LawsonMethod.euler().tableau().classicalLimit(), "lawson-euler");
        assertSameTableau(ButcherTableau.rk4(), LawsonMethod.rk4().tableau().classicalLimit(), "lawson4");
        assertSameTableau(ButcherTableau.rk4(), LawsonMethod.rk4().classical(), "lawson4 keeps its tableau");
    }
}
