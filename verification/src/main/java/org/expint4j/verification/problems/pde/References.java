package org.expint4j.verification.problems.pde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;

/**
 * How the PDE problems obtain reference solutions, and a process-wide cache of them: a reference
 * costs seconds, and tests and studies ask for the same one many times.
 */
final class References {

    private static final Map<String, double[]> CACHE = new ConcurrentHashMap<>();

    private References() {
    }

    /**
     * @param key everything the reference depends on (problem parameters, end time, recipe)
     * @param compute computes it on a miss
     * @return a fresh copy of the cached reference
     */
    static double[] cached(String key, Supplier<double[]> compute) {
        return CACHE.computeIfAbsent(key, k -> compute.get()).clone();
    }

    /**
     * Commons Math's Dormand–Prince 8(5,3) on \(u' = Lu + N(t,u)\).
     *
     * @param equations the right-hand side
     * @param y0 the initial state (not modified)
     * @param t0 initial time
     * @param t1 final time
     * @param relTol relative tolerance
     * @param absTol absolute tolerance
     * @return the state at {@code t1}
     */
    static double[] dormandPrince853(FirstOrderDifferentialEquations equations, double[] y0, double t0, double t1,
                                     double relTol, double absTol) {
        double span = Math.abs(t1 - t0);
        DormandPrince853Integrator integrator =
                new DormandPrince853Integrator(1e-14 * span, span, absTol, relTol);
        double[] y = y0.clone();
        integrator.integrate(equations, t0, y, t1, y);
        return y;
    }
}
