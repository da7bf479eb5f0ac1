package org.expint4j.integrate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.SemilinearProblem;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.VectorOps;

/**
 * Integrates \(u' = Lu + N(t,u)\) with any catalogue method on a uniform grid or on a
 * user-given strictly monotone grid (forward or backward in time). The φ-weights of a step size
 * are computed once and reused; steps allocate nothing. After every step the new state is checked
 * for NaN/∞, and a non-finite value stops the run with a {@link NonFiniteValueException} naming
 * the step, the time and the stage.
 *
 * <pre>{@code
 * FixedStepIntegrator<double[]> integrator =
 *     new FixedStepIntegrator<>(MethodRegistry.byName("hochost4"), DoubleVectorOps.serial());
 * double[] u1 = new double[n];
 * IntegrationStatistics stats = integrator.integrate(L, N, u0, 0.0, 1.0, 64, u1);
 * }</pre>
 *
 * <p><b>Thread-safety.</b> An instance may be shared by threads: everything a run changes (stepper,
 * weights, stage vectors, statistics) is created per call to {@code integrate}, so concurrent runs
 * share only the method and the {@link VectorOps}, and give the bits of the same runs one after
 * the other, provided the backend allows concurrent calls. The CPU backends
 * ({@link org.expint4j.vector.DoubleVectorOps}, {@link org.expint4j.vector.FloatVectorOps}) do; a
 * backend serving one call at a time (the CUDA one) needs an integrator per thread. Observers are
 * called on the thread of the run that made the step. The integrator allocates per run, never per
 * step; a shared CPU backend allocates a work descriptor for each call that overlaps another.
 *
 * @param <V> vector type
 */
public final class FixedStepIntegrator<V> {

    private final ExponentialMethod method;
    private final VectorOps<V> ops;
    /** Copy-on-write: adding one cannot disturb the runs in progress; indexed reads allocate nothing. */
    private final List<StepObserver<V>> observers = new CopyOnWriteArrayList<>();

    /**
     * @param method the method
     * @param ops the vector backend
     */
    public FixedStepIntegrator(ExponentialMethod method, VectorOps<V> ops) {
        this.method = method;
        this.ops = ops;
    }

    /**
     * @param observer called after every step
     * @return this integrator
     */
    public FixedStepIntegrator<V> addObserver(StepObserver<V> observer) {
        observers.add(observer);
        return this;
    }

    /** @return the method */
    public ExponentialMethod method() {
        return method;
    }

    /**
     * Integrates with {@code steps} equal steps \(h = (t_1 - t_0)/\mathrm{steps}\) from
     * {@code t0} to {@code t1}.
     *
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param u0 the initial state (not modified)
     * @param t0 initial time
     * @param t1 final time, different from {@code t0}
     * @param steps number of steps, {@code >= 1}
     * @param out receives the state at {@code t1}; may be {@code u0}
     * @return the statistics of the run
     */
    public IntegrationStatistics integrate(LinearPart linearPart, Nonlinearity<V> nonlinearity, V u0,
                                           double t0, double t1, int steps, V out) {
        return run(linearPart, nonlinearity, u0, out, FixedGrid.uniform(t0, t1, steps));
    }

    /**
     * Integrates over the steps of a given grid.
     *
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param u0 the state at {@code grid[0]} (not modified)
     * @param grid at least two finite, strictly increasing or strictly decreasing times
     * @param out receives the state at the last grid time; may be {@code u0}
     * @return the statistics of the run
     */
    public IntegrationStatistics integrate(LinearPart linearPart, Nonlinearity<V> nonlinearity, V u0,
                                           double[] grid, V out) {
        return run(linearPart, nonlinearity, u0, out, FixedGrid.of(grid));
    }

    /**
     * Convenience for {@code double[]} problems on the serial CPU backend: solves from
     * {@code t0} to {@code t1} in {@code steps} equal steps.
     *
     * @param problem the problem
     * @param method the method
     * @param t0 initial time
     * @param u0 initial state
     * @param t1 final time
     * @param steps number of steps
     * @return the state at {@code t1}
     */
    public static double[] solve(SemilinearProblem problem, ExponentialMethod method, double t0, double[] u0,
                                 double t1, int steps) {
        checkLength(problem, u0);
        double[] out = new double[u0.length];
        new FixedStepIntegrator<>(method, DoubleVectorOps.serial())
                .integrate(problem.linearPart(), problem.nonlinearity(), u0, t0, t1, steps, out);
        return out;
    }

    static void checkLength(SemilinearProblem problem, double[] u0) {
        if (u0.length != problem.getDimension()) {
            throw new IllegalArgumentException("initial state has length " + u0.length
                    + " but the problem has dimension " + problem.getDimension());
        }
    }

    private IntegrationStatistics run(LinearPart linearPart, Nonlinearity<V> nonlinearity, V u0, V out,
                                      FixedGrid grid) {
        IntegrationStatistics statistics = new IntegrationStatistics();
        Stepper<V> stepper = Steppers.create(method, linearPart, nonlinearity, ops, ops.length(u0), statistics);
        new StepLoop<>(ops, stepper, statistics).observers(observers).run(grid, grid.time(0), u0, out);
        return statistics;
    }
}
