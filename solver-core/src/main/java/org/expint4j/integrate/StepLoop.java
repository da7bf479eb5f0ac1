package org.expint4j.integrate;

import java.util.List;
import java.util.Objects;
import org.expint4j.vector.VectorOps;

/**
 * The one step loop every driver runs: fixed grids, embedded error control, the Commons Math
 * adapter and the diffusion samplers are configurations of it. A run combines
 * <ul>
 * <li>a {@link Stepper} (the method: tableau → fused sums),</li>
 * <li>a {@link StepControl}: where trials go and whether they are kept (with an
 *     {@link ErrorNorm} when it measures errors),</li>
 * <li>a {@link TimeMap}: identity, or an integration time and variable such as DPM-Solver's
 *     \(\lambda\) and \(x/\alpha_t\),</li>
 * <li>an optional {@link StepHook} around each step, and the {@link StepObserver}s.</li>
 * </ul>
 * The loop owns what every driver needs once: the finiteness check of each result (a
 * non-finite value stops the run with a {@link NonFiniteValueException} naming step, time and
 * stage), the trial limit ({@link MaxStepsExceededException}), step-size underflow
 * ({@link StepSizeUnderflowException}), the statistics and the observers. It allocates two
 * vectors per run (three with a scaled time map and someone to show the state to), nothing per
 * step.
 *
 * @param <V> vector type
 */
public final class StepLoop<V> {

    private final VectorOps<V> ops;
    private final Stepper<V> stepper;
    private final IntegrationStatistics statistics;
    private final double[] one = new double[1];
    private final V[] single;
    private TimeMap map = TimeMap.IDENTITY;
    private ErrorNorm<V> norm;
    private StepHook<V> hook = new StepHook<>() { };
    private List<StepObserver<V>> observers = List.of();

    /**
     * @param ops the backend
     * @param stepper the stepper, counting into {@code statistics}
     * @param statistics the run's counters
     */
    public StepLoop(VectorOps<V> ops, Stepper<V> stepper, IntegrationStatistics statistics) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.stepper = Objects.requireNonNull(stepper, "stepper");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.single = ops.newArray(1);
    }

    /** @param value the time map (default identity) @return this */
    public StepLoop<V> timeMap(TimeMap value) {
        map = Objects.requireNonNull(value, "timeMap");
        return this;
    }

    /** @param value the error norm, needed by a control that measures errors @return this */
    public StepLoop<V> errorNorm(ErrorNorm<V> value) {
        norm = Objects.requireNonNull(value, "errorNorm");
        return this;
    }

    /** @param value the hook (default none) @return this */
    public StepLoop<V> hook(StepHook<V> value) {
        hook = Objects.requireNonNull(value, "hook");
        return this;
    }

    /** @param value observers, read by index at every accepted step (default none) @return this */
    public StepLoop<V> observers(List<StepObserver<V>> value) {
        observers = Objects.requireNonNull(value, "observers");
        return this;
    }

    /**
     * Runs from {@code t0} until the control is finished. The states given and returned are the
     * user's; the loop converts to and from the integration variable (where a hook changed the
     * user state, it converts back only before the next step, so a correction of the last step
     * reaches {@code out} unrounded).
     *
     * @param control the step control (fresh for this run)
     * @param t0 the user time of {@code initial}
     * @param initial the initial user state (not modified)
     * @param out receives the final user state; may be {@code initial}
     * @return the user time reached
     */
    public double run(StepControl control, double t0, V initial, V out) {
        int length = ops.length(initial);
        if (ops.length(out) != length) {
            throw new IllegalArgumentException("output has length " + ops.length(out)
                    + " but the initial state has length " + length);
        }
        if (control.measuresError() && (norm == null || !stepper.hasEmbedded())) {
            throw new IllegalArgumentException("error control needs an error norm and a method with an embedded"
                    + " solution; " + stepper.method().name() + (stepper.hasEmbedded() ? " has one" : " has none"));
        }
        V current = ops.allocate(length);
        V trial = ops.allocate(length);
        boolean shows = hook.hasAfterStep() || !observers.isEmpty();
        // A norm that is NaN for non-finite states is the finiteness check itself.
        boolean checksNorm = control.measuresError() && norm.detectsNonFinite();
        V user = map.scalesState() && shows ? ops.allocate(length) : null;
        if (map.scalesState()) {
            scale(1 / map.scale(t0), initial, current);
        } else {
            ops.copy(initial, current);
        }
        // Whether the user state holds the current state and the integration variable is stale.
        boolean userAhead = false;
        double t = t0;
        double tau = map.integrationTime(t0);
        control.start(t, tau, map);
        int accepted = 0;
        int trials = 0;
        while (!control.finished(t)) {
            if (userAhead) {
                scale(1 / map.scale(t), user, current);
                userAhead = false;
            }
            if (trials >= control.maxTrials()) {
                throw new MaxStepsExceededException("maximum of " + control.maxTrials() + " trial steps reached at t = "
                        + t + " before t_end = " + control.end + " (" + statistics + ")", statistics.snapshot(), t,
                        userArray(t, current));
            }
            control.plan(t, tau);
            double tNext = control.nextTime;
            double h = control.step;
            hook.beforeStep(accepted + 1, t, tNext, tau, h);
            trials++;
            if (checksNorm) {
                stepper.step(tau, h, current, trial);
            } else if (!Double.isFinite(stepper.stepMaxAbs(tau, h, current, trial))) {
                // The finiteness check comes with the step's last pass instead of a second read.
                throw nonFinite(accepted + 1, t, tau, current);
            }
            double error = Double.NaN;
            V embedded = null;
            double scale = 1;
            if (control.measuresError()) {
                embedded = stepper.embeddedSolution(current);
                scale = map.scale(tNext);
                error = norm.error(trial, embedded, scale);
                if (Double.isNaN(error)) {
                    throw nonFinite(accepted + 1, t, tau, current);
                }
            }
            if (control.accept(error)) {
                statistics.addAccepted();
                accepted++;
                if (embedded != null) {
                    norm.accepted(trial, embedded, scale);
                }
                V swap = current;
                current = trial;
                trial = swap;
                t = tNext;
                tau = control.nextTau;
                if (shows) {
                    V seen = user == null ? current : scale(map.scale(t), current, user);
                    if (hook.hasAfterStep()) {
                        double back = hook.afterStep(accepted, t, seen);
                        userAhead = user != null;
                        if (back != t) {
                            t = back;
                            tau = map.integrationTime(t);
                        }
                    }
                    // Indexed loop: an iterator would allocate per step.
                    for (int o = 0; o < observers.size(); o++) {
                        observers.get(o).stepAccepted(accepted, t, seen, h, statistics.evaluations());
                    }
                }
            } else {
                statistics.addRejected();
            }
            String problem = control.finished(t) ? null : control.stepSizeProblem(tau);
            if (problem != null) {
                if (userAhead) {
                    scale(1 / map.scale(t), user, current);
                }
                throw new StepSizeUnderflowException(problem + " at t = " + t + " (" + statistics + ")",
                        statistics.snapshot(), t, userArray(t, current));
            }
        }
        if (userAhead) {
            ops.copy(user, out);
        } else if (map.scalesState()) {
            scale(map.scale(t), current, out);
        } else {
            ops.copy(current, out);
        }
        return t;
    }

    /** {@code out = factor * v}, returned. */
    private V scale(double factor, V v, V out) {
        one[0] = factor;
        single[0] = v;
        ops.linearCombination(one, single, 1, out);
        return out;
    }

    /** The exception for a non-finite trial from (t, τ), naming the first non-finite stage. */
    private NonFiniteValueException nonFinite(int step, double t, double tau, V state) {
        int stage = stepper.firstNonFiniteStage();
        double stageTau = stage >= 0 ? stepper.stageTime(stage) : tau;
        double stageTime = stage >= 0 ? map.userTime(stageTau) : t;
        return new NonFiniteValueException(step, stageTime, stage, statistics.snapshot(), t, userArray(t, state),
                map.symbol(), stageTau);
    }

    /** The user state at {@code t} as doubles (on failure only). */
    private double[] userArray(double t, V state) {
        double[] values = new double[ops.length(state)];
        ops.toArray(state, values);
        if (map.scalesState()) {
            double s = map.scale(t);
            for (int i = 0; i < values.length; i++) {
                values[i] *= s;
            }
        }
        return values;
    }
}
