package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/** Bad input and mid-run failures: each gives a specific exception naming the offending value. */
class DriverFailureTest {

    private final FixedStepIntegrator<double[]> integrator =
            new FixedStepIntegrator<>(MethodRegistry.byName("etdrk4"), DoubleVectorOps.serial());
    private final ScalarLinearPart l = new ScalarLinearPart(-1);
    private final Nonlinearity<double[]> zero = (t, u, o) -> java.util.Arrays.fill(o, 0.0);

    @Test
    void rejectsBadGrids() {
        double[] u = {1};
        double[] out = new double[1];
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, new double[] {0, 1, 1, 2}, out)), "index 2", "grid[2] = 1.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, new double[] {0, 1, 0.5}, out)), "increasing", "0.5");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, new double[] {0, Double.NaN}, out)), "grid[1]", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, new double[] {0}, out)), "at least 2", "1");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, 0, Double.POSITIVE_INFINITY, 4, out)), "t1", "Infinity");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, 0, 1, 0, out)), "steps", "0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, u, 1, 1, 3, out)), "differ", "1.0");
    }

    @Test
    void backwardGridsWork() {
        double[] out = new double[1];
        integrator.integrate(l, zero, new double[] {1}, new double[] {1, 0.5, 0}, out);
        assertEquals(Math.exp(1), out[0], 1e-15 * Math.exp(1));
    }

    @Test
    void rejectsDimensionMismatch() {
        DiagonalLinearPart d = new DiagonalLinearPart(new double[] {-1, -2});
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(d, zero, new double[3], 0, 1, 2, new double[3])), "3", "2");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(l, zero, new double[3], 0, 1, 2, new double[2])), "3", "2");
    }

    @Test
    void nonFiniteNonlinearityNamesStepTimeAndStage() {
        // N becomes NaN beyond t = 0.37: first met by stage 3 (c = 1, t = 0.4) of step 4 (from t = 0.3).
        Nonlinearity<double[]> bad = (t, u, o) -> o[0] = t > 0.37 ? Double.NaN : -u[0];
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> integrator.integrate(l, bad, new double[] {1}, 0, 1, 10, new double[1]));
        assertEquals(4, e.step());
        assertEquals(3, e.stage());
        assertTrue(e.getMessage().contains("step 4") && e.getMessage().contains("stage 3")
                && e.getMessage().contains("t = 0.4"), e.getMessage());
        assertEquals(0.3, e.lastTime(), 1e-15);
        assertTrue(e.statistics().evaluations() > 0);
        assertEquals(1, e.lastState().length);
    }

    @Test
    void adaptiveRejectsBadTolerancesAndMethodsWithoutEstimator() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> StepSizeController.of(0, 1e-3)),
                "absolute tolerance", "0.0");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> StepSizeController.of(1e-6, -1)),
                "relative tolerance", "-1.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> StepSizeController.of(new double[] {1e-6, -2}, 1e-3)), "[1]", "-2.0");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> new AdaptiveIntegrator<>((ExponentialRungeKuttaMethod) MethodRegistry.byName("etdrk4"),
                        DoubleVectorOps.serial(), StepSizeController.of(1e-6, 1e-6))), "etdrk4", "embedded");
    }

    @Test
    void adaptiveStopsWithLastGoodStateOnUnderflowAndMaxSteps() {
        ExponentialRungeKuttaMethod m = (ExponentialRungeKuttaMethod) MethodRegistry.byName("hochost3");
        // A forcing with a jump at t = 0.5123 cannot be resolved to 1e-12 with steps above 1e-3.
        Nonlinearity<double[]> jump = (t, u, o) -> o[0] = t < 0.5123 ? 0 : 1e6;
        StepSizeController tight = StepSizeController.of(1e-12, 1e-12).withStepBounds(1e-3, 1);
        StepSizeUnderflowException under = assertThrows(StepSizeUnderflowException.class,
                () -> new AdaptiveIntegrator<>(m, DoubleVectorOps.serial(), tight)
                        .integrate(l, jump, new double[] {1}, 0, 1, new double[1]));
        assertTrue(under.lastTime() < 0.5123 && under.lastTime() > 0.5, under.getMessage());
        assertArrayEquals(new double[] {Math.exp(-under.lastTime())}, under.lastState(), 1e-9);

        StepSizeController few = StepSizeController.of(1e-10, 1e-10).withMaxSteps(5);
        MaxStepsExceededException max = assertThrows(MaxStepsExceededException.class,
                () -> new AdaptiveIntegrator<>(m, DoubleVectorOps.serial(), few)
                        .integrate(l, (t, u, o) -> o[0] = Math.sin(10 * t), new double[] {1}, 0, 10, new double[1]));
        assertTrue(max.getMessage().contains("5"), max.getMessage());
        assertTrue(max.lastTime() > 0 && max.lastTime() < 10);
    }

    private static void assertMessage(Exception e, String... fragments) {
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }
}
