package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.SemilinearProblem;
import org.junit.jupiter.api.Test;

/** The Commons Math adapter: drop-in for a Commons Math integrator, with step and event handlers. */
class ExponentialFirstOrderIntegratorTest {

    private final SemilinearProblem problem = ManufacturedStiffProblem.create(1e3);

    @Test
    void integratesLikeTheNativeDriverAndAgreesWithDormandPrince853() {
        double[] y0 = ManufacturedStiffProblem.exact(1e3, 0);
        double[] y1 = new double[2];
        FirstOrderIntegrator integrator = new ExponentialFirstOrderIntegrator(MethodRegistry.byName("hochost4"), 1.0 / 64);
        double tEnd = integrator.integrate(problem, 0.0, y0, 1.0, y1);
        assertEquals(1.0, tEnd);
        double[] reference = new double[2];
        new DormandPrince853Integrator(1e-10, 1.0, 1e-12, 1e-12).integrate(problem, 0.0, y0, 1.0, reference);
        double[] exact = ManufacturedStiffProblem.exact(1e3, 1.0);
        for (int i = 0; i < 2; i++) {
            assertEquals(exact[i], reference[i], 1e-9, "DormandPrince853 reference");
            assertEquals(exact[i], y1[i], 1e-7, "hochost4 with h = 1/64");
        }
        // Same steps as the native fixed-step driver: identical to rounding.
        double[] nativeResult = FixedStepIntegrator.solve(problem, MethodRegistry.byName("hochost4"), 0, y0, 1, 64);
        assertEquals(nativeResult[0], y1[0], 1e-15);
        assertEquals(nativeResult[1], y1[1], 1e-15);
        // hochost4 has 5 stages; the Hermite dense output adds one evaluation per step, plus one at the start.
        assertEquals(64 * 6 + 1, integrator.getEvaluations());
    }

    @Test
    void stepHandlerSeesEveryStepAndDenseOutputIsThirdOrder() {
        List<Double> times = new ArrayList<>();
        double[] maxDenseError = {0};
        FirstOrderIntegrator integrator = new ExponentialFirstOrderIntegrator(MethodRegistry.byName("krogstad"), 0.01);
        integrator.addStepHandler(new StepHandler() {
            @Override
            public void init(double t0, double[] y0, double t) {
                times.add(t0);
            }

            @Override
            public void handleStep(StepInterpolator interpolator, boolean isLast) {
                times.add(interpolator.getCurrentTime());
                double mid = 0.5 * (interpolator.getPreviousTime() + interpolator.getCurrentTime());
                interpolator.setInterpolatedTime(mid);
                double[] exact = ManufacturedStiffProblem.exact(1e3, mid);
                double[] y = interpolator.getInterpolatedState();
                maxDenseError[0] = Math.max(maxDenseError[0], Math.abs(y[0] - exact[0]));
            }
        });
        integrator.integrate(problem, 0.0, ManufacturedStiffProblem.exact(1e3, 0), 1.05, new double[2]);
        assertEquals(106, times.size());
        assertEquals(1.05, times.get(times.size() - 1), 1e-15);
        // Hermite error ~ h^4/384 |y''''| = 3e-11 for sin t with h = 0.01, plus krogstad's own error (~1e-8).
        assertTrue(maxDenseError[0] < 1e-7, "dense output error " + maxDenseError[0]);
    }

    @Test
    void eventHandlerStopsAtTheEventTime() {
        // Component 0 is 2 + sin t: it crosses 2.5 at t = π/6.
        EventHandler crossing = new EventHandler() {
            @Override
            public void init(double t0, double[] y0, double t) {
            }

            @Override
            public double g(double t, double[] y) {
                return y[0] - 2.5;
            }

            @Override
            public Action eventOccurred(double t, double[] y, boolean increasing) {
                return Action.STOP;
            }

            @Override
            public void resetState(double t, double[] y) {
            }
        };
        FirstOrderIntegrator integrator = new ExponentialFirstOrderIntegrator(MethodRegistry.byName("hochost4"), 0.01);
        integrator.addEventHandler(crossing, 0.01, 1e-12, 100);
        double[] y = new double[2];
        double stop = integrator.integrate(problem, 0.0, ManufacturedStiffProblem.exact(1e3, 0), 2.0, y);
        assertEquals(Math.PI / 6, stop, 1e-7);
        assertEquals(2.5, y[0], 1e-7);
    }

    @Test
    void rejectsProblemsThatAreNotSemilinear() {
        FirstOrderDifferentialEquations plain = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return 1;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                yDot[0] = -y[0];
            }
        };
        FirstOrderIntegrator integrator = new ExponentialFirstOrderIntegrator(MethodRegistry.byName("etd1"), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> integrator.integrate(plain, 0, new double[] {1}, 1, new double[1]));
        assertTrue(e.getMessage().contains("SemilinearProblem"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new ExponentialFirstOrderIntegrator(MethodRegistry.byName("etd1"), -0.1));
    }
}
