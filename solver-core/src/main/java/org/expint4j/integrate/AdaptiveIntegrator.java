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
        TimeGrids.checkTime("t0", t0);
        TimeGrids.checkTime("t1", t1);
        if (t0 == t1) {
            throw new IllegalArgumentException("t1 must differ from t0, both are " + t0);
        }
        int length = ops.length(u0);
        if (ops.length(out) != length) {
            throw new IllegalArgumentException("output has length " + ops.length(out)
                    + " but the initial state has length " + length);
        }
        V atol = null;
        if (controller.absoluteTolerances() != null) {
            if (controller.absoluteTolerances().length != length) {
                throw new IllegalArgumentException(controller.absoluteTolerances().length
                        + " absolute tolerances given for a state of length " + length);
            }
            atol = ops.fromArray(controller.absoluteTolerances());
        }
        IntegrationStatistics statistics = new IntegrationStatistics();
        ExponentialRungeKuttaStepper<V> stepper =
                new ExponentialRungeKuttaStepper<>(method, linearPart, nonlinearity, ops, length, statistics);
        V current = ops.allocate(length);
        V trial = ops.allocate(length);
        ops.copy(u0, current);
        double direction = Math.signum(t1 - t0);
        double span = Math.abs(t1 - t0);
        double t = t0;
        double step = controller.initialStep(span);
        boolean rejected = false;
        int accepted = 0;
        int trials = 0;
        while (direction * (t1 - t) > 0) {
            if (trials >= controller.maxSteps()) {
                throw new MaxStepsExceededException("maximum of " + controller.maxSteps()
                        + " steps reached at t = " + t + " before t1 = " + t1 + " (" + statistics + ")",
                        statistics.snapshot(), t, FixedStepIntegrator.toArray(ops, current));
            }
            double remaining = Math.abs(t1 - t);
            // Stretch a step that would leave a sliver of less than 1% of a step at the end.
            boolean last = step >= remaining * 0.99;
            double h = direction * (last ? remaining : step);
            double max = stepper.stepMaxAbs(t, h, current, trial);
            trials++;
            if (!Double.isFinite(max)) {
                throw FixedStepIntegrator.nonFinite(ops, stepper, accepted + 1, t, current, statistics);
            }
            V embedded = stepper.embeddedSolution(current);
            double error = atol == null
                    ? ops.weightedRms(trial, embedded, controller.absoluteTolerance(), controller.relativeTolerance())
                    : ops.weightedRms(trial, embedded, atol, controller.relativeTolerance());
            double factor = controller.factor(error, method.embeddedOrder(), rejected);
            if (error <= 1) {
                statistics.addAccepted();
                accepted++;
                t = last ? t1 : t + h;
                V swap = current;
                current = trial;
                trial = swap;
                // Indexed loop: an iterator would allocate per step.
                for (int o = 0; o < observers.size(); o++) {
                    observers.get(o).stepAccepted(accepted, t, current, h, statistics.evaluations());
                }
                rejected = false;
            } else {
                statistics.addRejected();
                rejected = true;
            }
            step = controller.clamp(Math.abs(h) * factor);
            if (step < controller.minStep() && direction * (t1 - t) > 0) {
                throw new StepSizeUnderflowException("step size " + step + " fell below the minimum "
                        + controller.minStep() + " at t = " + t + " (" + statistics + ")",
                        statistics.snapshot(), t, FixedStepIntegrator.toArray(ops, current));
            }
            if (!(step > Math.ulp(t) * 4) && direction * (t1 - t) > 0) {
                throw new StepSizeUnderflowException("step size " + step + " underflows at t = " + t
                        + " (" + statistics + ")", statistics.snapshot(), t, FixedStepIntegrator.toArray(ops, current));
            }
        }
        ops.copy(current, out);
        return statistics;
    }
}
