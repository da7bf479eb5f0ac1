package org.expint4j.integrate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.VectorOps;

/**
 * Adaptive integration with an embedded exponential Runge–Kutta pair: each trial step gives
 * \(u_{n+1}\) and the embedded \(\hat u_{n+1}\) from the same stages; the
 * {@link StepSizeController} measures their difference, accepts or rejects, and proposes the
 * next step. The φ-weights are recomputed whenever the step size changes (one evaluation of the
 * linear part's φ-functions per distinct node scale).
 *
 * <p>Failures: a step size below the controller's minimum gives a
 * {@link StepSizeUnderflowException}; more trial steps than its maximum give a
 * {@link MaxStepsExceededException}; a non-finite result gives a {@link NonFiniteValueException}.
 * Each carries the last accepted state and time.
 *
 * <p><b>Thread-safety.</b> An instance may be shared by threads: everything a run changes (stepper,
 * weights, stage vectors, statistics) is created per call to {@code integrate}, so concurrent runs
 * share only the method, the controller and the {@link VectorOps}, and give the bits of the same
 * runs one after the other, provided the backend allows concurrent calls. The CPU backends
 * ({@link org.expint4j.vector.DoubleVectorOps}, {@link org.expint4j.vector.FloatVectorOps}) do; a
 * backend serving one call at a time (the CUDA one) needs an integrator per thread. Observers are
 * called on the thread of the run that made the step. The integrator allocates per run, never per
 * step; a shared CPU backend allocates a work descriptor for each call that overlaps another.
 *
 * @param <V> vector type
 */
public final class AdaptiveIntegrator<V> {

    private final ExponentialRungeKuttaMethod method;
    private final VectorOps<V> ops;
    private final StepSizeController controller;
    /** Copy-on-write: adding one cannot disturb the runs in progress; indexed reads allocate nothing. */
    private final List<StepObserver<V>> observers = new CopyOnWriteArrayList<>();

    /**
     * @param method a method with embedded weights
     * @param ops the vector backend
     * @param controller the step-size controller
     * @throws IllegalArgumentException if the method has no embedded solution
     */
    public AdaptiveIntegrator(ExponentialRungeKuttaMethod method, VectorOps<V> ops, StepSizeController controller) {
        if (method.embeddedOrder() == 0) {
            throw new IllegalArgumentException("method " + method.name()
                    + " has no embedded solution; adaptive integration needs one");
        }
        this.method = method;
        this.ops = ops;
        this.controller = controller;
    }

    /**
     * @param observer called after every accepted step
     * @return this integrator
     */
    public AdaptiveIntegrator<V> addObserver(StepObserver<V> observer) {
        observers.add(observer);
        return this;
    }

    /**
     * Integrates from {@code t0} to {@code t1} (either direction).
     *
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param u0 initial state (not modified)
     * @param t0 initial time
     * @param t1 final time, different from {@code t0}
     * @param out receives the state at {@code t1}; may be {@code u0}
     * @return the statistics of the run
     */
    public IntegrationStatistics integrate(LinearPart linearPart, Nonlinearity<V> nonlinearity, V u0,
                                           double t0, double t1, V out) {
        FixedGrid.checkTime("t0", t0);
        FixedGrid.checkTime("t1", t1);
        if (t0 == t1) {
            throw new IllegalArgumentException("t1 must differ from t0, both are " + t0);
        }
        int length = ops.length(u0);
        IntegrationStatistics statistics = new IntegrationStatistics();
        ExponentialRungeKuttaStepper<V> stepper =
                new ExponentialRungeKuttaStepper<>(method, linearPart, nonlinearity, ops, length, statistics);
        new StepLoop<>(ops, stepper, statistics).errorNorm(ErrorNorm.weightedRms(ops, controller, length))
                .observers(observers).run(controller.control(t1, method.embeddedOrder()), t0, u0, out);
        return statistics;
    }
}
