package org.expint4j.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.expint4j.integrate.ExponentialAdamsStepper;
import org.expint4j.integrate.ExponentialRungeKuttaStepper;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.integrate.StepObserver;
import org.expint4j.integrate.Stepper;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.HochbruckOstermann4;
import org.expint4j.vector.VectorOps;

/**
 * DPM-Solver and DPM-Solver++ (Lu et al., NeurIPS 2022; arXiv 2211.01095) as an instantiation of
 * the framework: the probability-flow ODE in log-SNR time \(\lambda\) is semilinear with scalar
 * \(L = \pm 1\) ({@link LambdaDynamics}), single-step DPM-Solver-k steps are exponential
 * Runge–Kutta steps whose tableau a coefficient rule ({@link DpmCoefficients}) fills per step,
 * and multistep DPM-Solver(++) is a variable-step exponential Adams method. There is no second
 * solver: this class builds the grids and drives the framework's steppers.
 *
 * <p>Every option of the reference {@code sample()} is in {@link SampleOptions}; beyond the
 * reference: exact third-order multistep weights (default), multistep and single-step order 4,
 * single-step warm-up of matching order, and user-given time grids.
 *
 * <p>The state {@code x} is a batch of B samples of dimension D (length B·D) sharing one time.
 * Not thread-safe; allocates its buffers per run, nothing per step.
 *
 * @param <V> vector type
 */
public final class DpmSolver<V> {

    private final DiffusionModel<V> noiseModel;
    private final NoiseSchedule schedule;
    private final VectorOps<V> ops;
    private final Algorithm algorithm;
    private final X0Correction<V> x0Correction;
    private final XtCorrection<V> xtCorrection;
    private final List<StepObserver<V>> observers = new ArrayList<>();

    /**
     * @param noiseModel \( \hat\epsilon(x, t) \) at continuous time \(t\) (a model wrapper's noise
     *     prediction)
     * @param schedule the noise schedule
     * @param ops the vector backend
     * @param algorithm which prediction to integrate
     * @param x0Correction correction of \( \hat x_0 \) (thresholding), or {@code null}
     * @param xtCorrection correction of \(x_t\) after each step, or {@code null}
     */
    public DpmSolver(DiffusionModel<V> noiseModel, NoiseSchedule schedule, VectorOps<V> ops, Algorithm algorithm,
                     X0Correction<V> x0Correction, XtCorrection<V> xtCorrection) {
        this.noiseModel = Objects.requireNonNull(noiseModel, "noiseModel");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.x0Correction = x0Correction;
        this.xtCorrection = xtCorrection;
    }

    /**
     * @param noiseModel \( \hat\epsilon(x, t) \)
     * @param schedule the noise schedule
     * @param ops the vector backend
     * @param algorithm which prediction to integrate
     */
    public DpmSolver(DiffusionModel<V> noiseModel, NoiseSchedule schedule, VectorOps<V> ops, Algorithm algorithm) {
        this(noiseModel, schedule, ops, algorithm, null, null);
    }

    /**
     * @param observer called with \(x_t\) after every (accepted) step: intermediate states
     * @return this sampler
     */
    public DpmSolver<V> addObserver(StepObserver<V> observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return this;
    }

    /**
     * Samples: integrates the probability-flow ODE from {@code tStart} (default \(T\)) down to
     * {@code tEnd} (default the schedule's {@link NoiseSchedule#tMin()}).
     *
     * @param x the noise batch at {@code tStart}, replaced by the samples
     * @param options the options
     * @return NFE and step counts
     */
    public SampleResult sample(V x, SampleOptions options) {
        Objects.requireNonNull(options, "options");
        double tStart = Double.isNaN(options.tStart) ? schedule.tMax() : options.tStart;
        double tEnd = Double.isNaN(options.tEnd) ? schedule.tMin() : options.tEnd;
        return run(x, options, tStart, tEnd, false);
    }

    /**
     * The inverse map (data → noise, DDIM-style inversion): the same options, integrating forward
     * in time from {@code tStart} (default {@link NoiseSchedule#tMin()}) to {@code tEnd}
     * (default \(T\)).
     *
     * @param x the data batch, replaced by the noise
     * @param options the options
     * @return NFE and step counts
     */
    public SampleResult inverse(V x, SampleOptions options) {
        Objects.requireNonNull(options, "options");
        double tStart = Double.isNaN(options.tStart) ? schedule.tMin() : options.tStart;
        double tEnd = Double.isNaN(options.tEnd) ? schedule.tMax() : options.tEnd;
        return run(x, options, tStart, tEnd, true);
    }

    private SampleResult run(V x, SampleOptions o, double tStart, double tEnd, boolean inverse) {
        validate(x, o, tStart, tEnd, inverse);
        LambdaDynamics<V> dynamics = new LambdaDynamics<>(noiseModel, schedule, ops, algorithm, x0Correction);
        int length = ops.length(x);
        dynamics.ensureLength(length);
        Run run = new Run(dynamics, length);
        SampleResult result = switch (o.method) {
            case MULTISTEP -> run.multistep(x, o, grid(o, tStart, tEnd, o.steps));
            case SINGLESTEP, SINGLESTEP_FIXED -> run.singlestep(x, o, tStart, tEnd);
            case ADAPTIVE -> run.adaptive(x, o, tStart, tEnd);
        };
        run.syncX(x, run.time);
        if (o.denoiseToZero) {
            V x0 = ops.allocate(length);
            dynamics.dataPrediction(x, result.finalTime(), x0);
            ops.copy(x0, x);
            run.statistics.addEvaluation();
            checkFinite(x, result.steps() + 1, result.finalTime(), run.statistics);
        }
        return new SampleResult(run.statistics.evaluations(), result.steps(), result.rejectedSteps(),
                result.finalTime());
    }

    private double[] grid(SampleOptions o, double tStart, double tEnd, int steps) {
        return o.timeGrid != null ? o.timeGrid.clone() : SamplingGrids.timeSteps(schedule, o.skipType, tStart, tEnd, steps);
    }

    /**
     * The state of one run: steppers, buffers, statistics. Between steps the state lives in
     * λ-time variables {@code y = x / scale(t)}; {@code x} is written only where someone reads it
     * (an x_t-correction, an observer, the end of the run), which saves two passes over the batch
     * per step.
     */
    private final class Run {

        final LambdaDynamics<V> dynamics;
        final int length;
        final IntegrationStatistics statistics = new IntegrationStatistics();
        V y;
        V yNext;
        /** Whether {@code y} holds the current state (else {@code x} does). */
        boolean yCurrent;
        /** Whether {@code x} holds the current state. */
        boolean xCurrent = true;
        /** The time of the current state. */
        double time;

        Run(LambdaDynamics<V> dynamics, int length) {
            this.dynamics = dynamics;
            this.length = length;
            this.y = ops.allocate(length);
            this.yNext = ops.allocate(length);
        }

        /** One step from grid time s to t with the given stepper. */
        void step(Stepper<V> stepper, V x, double s, double t, int index) {
            double lambdaS = schedule.lambda(s);
            double lambdaT = schedule.lambda(t);
            dynamics.knownTime(lambdaS, s);
            if (!yCurrent) {
                dynamics.scaleInto(1 / dynamics.scale(s), x, y);
            }
            // The finiteness check comes with the step's last pass instead of a second read.
            double max = stepper.stepMaxAbs(lambdaS, lambdaT - lambdaS, y, yNext);
            if (!Double.isFinite(max)) {
                int stage = stepper.firstNonFiniteStage();
                double at = stage >= 0 ? dynamics.timeOf(stepper.stageTime(stage)) : s;
                // Report the state at s as the last good state.
                syncX(x, s);
                double[] last = new double[length];
                ops.toArray(x, last);
                throw new NonFiniteValueException(index, at, stage, statistics.snapshot(), s, last);
            }
            V swap = y;
            y = yNext;
            yNext = swap;
            yCurrent = true;
            xCurrent = false;
            time = t;
            if (xtCorrection != null || !observers.isEmpty()) {
                syncX(x, t);
            }
            if (xtCorrection != null) {
                xtCorrection.correct(x, t, index);
                yCurrent = false;
            }
            for (int i = 0; i < observers.size(); i++) {
                observers.get(i).stepAccepted(index, t, x, lambdaT - lambdaS, statistics.evaluations());
            }
        }

        /** Writes the current state at time {@code t} into {@code x} if it is not there yet. */
        void syncX(V x, double t) {
            if (!xCurrent) {
                dynamics.scaleInto(dynamics.scale(t), y, x);
                xCurrent = true;
            }
        }

        SampleResult multistep(V x, SampleOptions o, double[] grid) {
            int steps = grid.length - 1;
            ExponentialAdams method = new ExponentialAdams(o.order,
                    o.warmup == SampleOptions.Warmup.SINGLESTEP && o.order > 1
                            ? ExponentialAdams.Startup.STARTER : ExponentialAdams.Startup.WARM_UP);
            ExponentialAdamsStepper<V> stepper = new ExponentialAdamsStepper<>(method,
                    DpmCoefficients.multistep(o.solverType, o.exactThirdOrderMultistep), dynamics.linearPart(),
                    dynamics, ops, length, statistics);
            // Without a starter the stepper can take x itself and scale it in its weights.
            boolean inX = method.startup() == ExponentialAdams.Startup.WARM_UP;
            dynamics.statesInX(inX);
            V current = x;
            for (int i = 1; i <= steps; i++) {
                // The reference's rule (its code says steps < 10; its docstring says < 15).
                int stepOrder = o.lowerOrderFinal && steps < 10 ? Math.min(o.order, steps + 1 - i) : o.order;
                stepper.limitOrder(stepOrder);
                if (inX) {
                    current = stepInX(stepper, current, grid[i - 1], grid[i], i);
                } else {
                    step(stepper, x, grid[i - 1], grid[i], i);
                }
            }
            if (current != x) {
                ops.copy(current, x);
            }
            return new SampleResult(0, steps, 0, grid[steps]);
        }

        /**
         * One multistep step from s to t taken on x directly: the stepper folds
         * \(y = x/\mathrm{scale}\) into its weights, so the step costs the model, its
         * conversion and one fused sum, like a sampler written in x.
         *
         * @return the vector now holding x at t ({@code yNext} or the caller's x, alternately)
         */
        V stepInX(ExponentialAdamsStepper<V> stepper, V current, double s, double t, int index) {
            double lambdaS = schedule.lambda(s);
            double lambdaT = schedule.lambda(t);
            dynamics.knownTime(lambdaS, s);
            V next = current == yNext ? y : yNext;
            stepper.scaleNextStep(dynamics.scale(s), dynamics.scale(t), dynamics.valueFactor());
            double max = stepper.stepMaxAbs(lambdaS, lambdaT - lambdaS, current, next);
            if (!Double.isFinite(max)) {
                int stage = stepper.firstNonFiniteStage();
                double at = stage >= 0 ? dynamics.timeOf(stepper.stageTime(stage)) : s;
                double[] last = new double[length];
                ops.toArray(current, last);
                throw new NonFiniteValueException(index, at, stage, statistics.snapshot(), s, last);
            }
            time = t;
            if (xtCorrection != null) {
                xtCorrection.correct(next, t, index);
            }
            for (int i = 0; i < observers.size(); i++) {
                observers.get(i).stepAccepted(index, t, next, lambdaT - lambdaS, statistics.evaluations());
            }
            return next;
        }

        SampleResult singlestep(V x, SampleOptions o, double tStart, double tEnd) {
            int[] orders;
            double[] outer;
            if (o.timeGrid != null) {
                outer = o.timeGrid.clone();
                orders = new int[outer.length - 1];
                java.util.Arrays.fill(orders, o.order);
            } else if (o.method == SamplingMethod.SINGLESTEP) {
                orders = SamplingGrids.singlestepOrders(o.steps, o.order);
                outer = SamplingGrids.singlestepOuterGrid(schedule, o.skipType, tStart, tEnd, o.steps, orders);
            } else {
                int k = o.steps / stagesOf(o.order);
                orders = new int[k];
                java.util.Arrays.fill(orders, o.order);
                outer = SamplingGrids.timeSteps(schedule, o.skipType, tStart, tEnd, k);
            }
            @SuppressWarnings("unchecked")
            ExponentialRungeKuttaStepper<V>[] steppers = new ExponentialRungeKuttaStepper[5];
            for (int i = 0; i < orders.length; i++) {
                int order = orders[i];
                double s = outer[i];
                double t = outer[i + 1];
                ExponentialRungeKuttaStepper<V> stepper = steppers[order];
                if (stepper == null) {
                    stepper = order == 4
                            ? new ExponentialRungeKuttaStepper<>(new HochbruckOstermann4(), dynamics.linearPart(),
                                    dynamics, ops, length, statistics)
                            : new ExponentialRungeKuttaStepper<>(DpmMethods.singlestep(order, o.solverType),
                                    DpmCoefficients.newSinglestepTableau(order), dynamics.linearPart(), dynamics, ops,
                                    length, statistics);
                    steppers[order] = stepper;
                }
                if (order <= 3) {
                    double[] r = innerRatios(o.skipType, s, t, order);
                    DpmCoefficients.singlestep(stepper.tableau(), order, o.solverType, r[0], r[1]);
                }
                step(stepper, x, s, t, i + 1);
            }
            return new SampleResult(0, orders.length, 0, outer[orders.length]);
        }

        /** r1, r2 from the inner grid of the step, as the reference computes them. */
        double[] innerRatios(SkipType skip, double s, double t, int order) {
            if (order == 1) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double[] inner = SamplingGrids.timeSteps(schedule, skip, s, t, order);
            double l0 = schedule.lambda(inner[0]);
            double h = schedule.lambda(inner[order]) - l0;
            double r1 = (schedule.lambda(inner[1]) - l0) / h;
            double r2 = order == 3 ? (schedule.lambda(inner[2]) - l0) / h : Double.NaN;
            return new double[] {r1, r2};
        }

        SampleResult adaptive(V x, SampleOptions o, double tStart, double tEnd) {
            return new DpmAdaptive<>(schedule, ops, dynamics, statistics).run(x, o, tStart, tEnd, observers);
        }
    }

    /** NFE per step of single-step order k: k, except the 5-stage order-4 method. */
    static int stagesOf(int order) {
        return order == 4 ? 5 : order;
    }

    private void checkFinite(V x, int step, double t, IntegrationStatistics statistics) {
        if (!Double.isFinite(ops.maxAbs(x))) {
            double[] last = new double[ops.length(x)];
            ops.toArray(x, last);
            throw new NonFiniteValueException(step, t, 0, statistics.snapshot(), t, last);
        }
    }

    private void validate(V x, SampleOptions o, double tStart, double tEnd, boolean inverse) {
        SampleValidation.check(schedule, ops.length(x), o, tStart, tEnd, inverse);
    }
}
