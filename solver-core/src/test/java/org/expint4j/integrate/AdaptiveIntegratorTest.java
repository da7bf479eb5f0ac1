package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.SemilinearProblem;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adaptive driver: error follows the tolerance, the end time is hit exactly, both directions work. */
class AdaptiveIntegratorTest {

    @ParameterizedTest
    @ValueSource(strings = {"hochost2", "etd2rk", "hochost3"})
    void errorFollowsTheToleranceOnTheStiffManufacturedProblem(String name) {
        // An order-1 estimator needs about tol^(-1/2) steps: stop the ladder at 1e-7 for the 2(1) pairs.
        double tightest = name.equals("hochost3") ? 1e-9 : 1e-7;
        ExponentialRungeKuttaMethod method = (ExponentialRungeKuttaMethod) MethodRegistry.byName(name);
        SemilinearProblem problem = ManufacturedStiffProblem.create(1e4);
        double[] exact = ManufacturedStiffProblem.exact(1e4, 1.0);
        double previousError = Double.POSITIVE_INFINITY;
        long previousSteps = 0;
        for (double tol = 1e-3; tol >= tightest * 0.99; tol /= 100) {
            double[] u = new double[2];
            double[] lastTime = {Double.NaN};
            IntegrationStatistics stats = new AdaptiveIntegrator<>(method, DoubleVectorOps.serial(),
                    StepSizeController.of(tol, tol))
                    .addObserver((step, t, state, h, nfe) -> lastTime[0] = t)
                    .integrate(problem.linearPart(), problem.nonlinearity(), ManufacturedStiffProblem.exact(1e4, 0),
                            0.0, 1.0, u);
            double error = Math.max(Math.abs(u[0] - exact[0]), Math.abs(u[1] - exact[1]));
            assertEquals(1.0, lastTime[0], "last observed time must be t1 exactly");
            // The local estimate controls the error per step; globally it stays within a modest factor.
            assertTrue(error < 50 * tol * 3, name + " tol " + tol + ": error " + error + " (" + stats + ")");
            assertTrue(error < previousError, name + ": error must decrease with the tolerance");
            assertTrue(stats.acceptedSteps() > previousSteps, name + ": more steps for a tighter tolerance");
            previousError = error;
            previousSteps = stats.acceptedSteps();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hochost3"})
    void integratesBackwardInTime(String name) {
        ExponentialRungeKuttaMethod method = (ExponentialRungeKuttaMethod) MethodRegistry.byName(name);
        // Non-stiff backward run (a stiff L is ill-posed backward): L = -1 scalar, N = sin t.
        double[] u = new double[1];
        new AdaptiveIntegrator<>(method, DoubleVectorOps.serial(), StepSizeController.of(1e-10, 1e-10))
                .integrate(new org.expint4j.problem.ScalarLinearPart(-1), (t, x, o) -> o[0] = Math.sin(t),
                        new double[] {1.0}, 2.0, 0.0, u);
        // Exact: u(t) = C e^{-t} + (sin t - cos t)/2, with u(2) = 1.
        double c = (1.0 - (Math.sin(2) - Math.cos(2)) / 2) * Math.exp(2);
        double exact = c - 0.5;
        assertEquals(exact, u[0], 1e-7 * Math.abs(exact));
    }
}
