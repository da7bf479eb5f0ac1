package org.expint4j.diffusion.sampler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.X0Correction;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.integrate.ExponentialAdamsStepper;
import org.expint4j.integrate.ExponentialRungeKuttaStepper;
import org.expint4j.integrate.FixedGrid;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.integrate.StepControl;
import org.expint4j.integrate.StepHook;
import org.expint4j.integrate.StepLoop;
import org.expint4j.integrate.StepObserver;
import org.expint4j.integrate.StepSizeController;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.MultistepWeights;
import org.expint4j.method.NumericTableau;
import org.expint4j.method.UniPcCoefficients;
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
 * reference: exact third-order multistep weights (optional), multistep and single-step order 4,
 * single-step warm-up of matching order, and user-given time grids.
 *
 * <p><b>Stochastic sampling</b> ({@link SampleOptions#eta} \(\eta > 0\); SDE-DPM-Solver-1 and
 * SDE-DPM-Solver++(2M) of Lu et al., arXiv 2211.01095; k-diffusion's {@code sample_dpmpp_2m_sde},
 * {@code sample_dpmpp_3m_sde}): in \(\lambda\)-time with
 * \(y = x/\alpha\) the reverse SDE family is
 * \( dy = -(1+\eta)(y - \hat x_0)\,d\lambda + \sqrt{2\eta}\,e^{-\lambda}dW_\lambda \), semilinear with
 * \(L = -(1+\eta)\), so the multistep stepper takes its steps with one more term of the fused sum,
 * \( (\sigma_t/\alpha_t)\sqrt{-\mathrm{expm1}(-2\eta h)}\,s_{\mathrm{noise}}\,z \), the exact standard
 * deviation of the step's stochastic convolution, \(z\) from the {@link SampleOptions#noise} source.
 * Order 1 is SDE-DPM-Solver-1, order 2 DPM-Solver++(2M) SDE ({@link SolverType#DPMSOLVER}: k-diffusion's
 * midpoint, {@link SolverType#TAYLOR}: heun), order 3 DPM-Solver++(3M) SDE (k-diffusion's exactly with
 * {@code TAYLOR} and the reference 3M weights). Weak orders, measured exactly on Gaussian data: 1, 2,
 * and 2 for 3M (a step's noise enters the history only from the next step, which holds the variance
 * at order 2). No strong order is claimed: \(z\) matches the stochastic convolution in law per step,
 * not pathwise.
 *
 * <p>UniPC (Zhao et al., NeurIPS 2023) is the same multistep loop with UniP's predictor rule and
 * the UniC corrector ({@link Sampler#UNIPC}, {@link org.expint4j.method.UniPcCoefficients}); the
 * corrector can also follow DPM-Solver's multistep predictors ({@link SampleOptions#corrector}).
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

    /** Trial steps after which an adaptive run is stopped (the reference has no limit). */
    static final int MAX_TRIALS = 100_000;

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

    private SampleResult run(V x, SampleOptions options, double tStart, double tEnd, boolean inverse) {
        // A user σ grid is a time grid once mapped through the schedule.
        SampleOptions o = options.sigmaGrid == null ? options : options.withTimeGrid(
                SampleValidation.sigmaGrid(schedule, options, inverse));
        SampleValidation.check(schedule, ops.length(x), o, tStart, tEnd, inverse);
        SampleValidation.checkSde(o, algorithm, inverse);
        int length = ops.length(x);
        LambdaDynamics<V> dynamics = new LambdaDynamics<>(noiseModel, schedule, ops, algorithm, x0Correction);
        dynamics.ensureLength(length);
        dynamics.eta(o.eta);
        IntegrationStatistics statistics = new IntegrationStatistics();
        Hook hook = new Hook(dynamics);
        StepLoop<V> loop;
        StepControl control;
        // The multistep stepper without a starter steps on x itself, scaling y = x/scale in its weights.
        boolean inX = false;
        switch (o.method) {
            case MULTISTEP -> {
                FixedGrid grid = FixedGrid.of(o.timeGrid != null ? o.timeGrid
                        : SamplingGrids.timeSteps(schedule, o.spacing(), tStart, tEnd, o.steps));
                ExponentialAdams method = new ExponentialAdams(o.order,
                        o.warmup == SampleOptions.Warmup.SINGLESTEP && o.order > 1
                                ? ExponentialAdams.Startup.STARTER : ExponentialAdams.Startup.WARM_UP);
                MultistepWeights weights = switch (o.sampler) {
                    case DEIS_TAB -> DeisCoefficients.tAb(schedule);
                    case DEIS_RHOAB -> DeisCoefficients.rhoAb();
                    default -> null;
                };
                ExponentialAdamsStepper<V> stepper = weights != null
                        ? new ExponentialAdamsStepper<>(method, weights, dynamics.linearPart(), dynamics, ops, length,
                                statistics)
                        : new ExponentialAdamsStepper<>(method, predictor(o),
                                o.usesCorrector() ? UniPcCoefficients.corrector(o.variant) : null, dynamics.linearPart(),
                                dynamics, ops, length, statistics);
                inX = method.startup() == ExponentialAdams.Startup.WARM_UP;
                dynamics.statesInX(inX);
                hook.multistep(stepper, o, grid.steps(), inX);
                if (o.eta > 0) {
                    hook.noise = new SdeNoise<>(o.noise, schedule, ops, o, length);
                    stepper.noise(hook.noise);
                }
                loop = new StepLoop<>(ops, stepper, statistics);
                control = grid;
            }
            case SINGLESTEP, SINGLESTEP_FIXED -> {
                int[] orders;
                double[] outer;
                if (o.timeGrid != null) {
                    outer = o.timeGrid.clone();
                    orders = new int[outer.length - 1];
                    Arrays.fill(orders, o.order);
                } else if (o.method == SamplingMethod.SINGLESTEP) {
                    orders = SamplingGrids.singlestepOrders(o.steps, o.order);
                    outer = SamplingGrids.singlestepOuterGrid(schedule, o.spacing(), tStart, tEnd, o.steps, orders);
                } else {
                    orders = new int[o.steps / stagesOf(o.order)];
                    Arrays.fill(orders, o.order);
                    outer = SamplingGrids.timeSteps(schedule, o.spacing(), tStart, tEnd, orders.length);
                }
                DpmSinglestep<V> stepper = new DpmSinglestep<>(orders, outer, o, schedule, dynamics, ops, length,
                        statistics);
                hook.singlestep = stepper;
                loop = new StepLoop<>(ops, stepper, statistics);
                control = FixedGrid.of(outer);
            }
            case ADAPTIVE -> {
                // DPM-Solver-12 / -23 (paper App. C, Alg. 6/7): the embedded lower-order update shares the stages.
                NumericTableau tableau = DpmCoefficients.newSinglestepTableau(o.order);
                double r1 = o.order == 2 ? 0.5 : 1.0 / 3.0;
                DpmCoefficients.singlestep(tableau, o.order, o.solverType, r1, 2.0 / 3.0);
                DpmCoefficients.embedded(tableau, o.solverType, r1);
                loop = new StepLoop<>(ops, new ExponentialRungeKuttaStepper<>(DpmMethods.singlestep(o.order,
                        o.solverType), tableau, dynamics.linearPart(), dynamics, ops, length, statistics), statistics)
                        .errorNorm(new DpmErrorNorm<>(ops, x, o.atol, o.rtol, o.batchSize));
                control = adaptiveControl(o).control(tEnd, o.order - 1);
            }
            default -> throw new IllegalArgumentException("unknown method " + o.method);
        }
        double t = loop.timeMap(dynamics.timeMap(!inX)).hook(hook).observers(observers).run(control, tStart, x, x);
        if (o.denoiseToZero) {
            V x0 = ops.allocate(length);
            dynamics.dataPrediction(x, t, x0);
            ops.copy(x0, x);
            statistics.addEvaluation();
            checkFinite(x, (int) statistics.acceptedSteps() + 1, t, statistics);
        }
        return new SampleResult(statistics.evaluations(), (int) statistics.acceptedSteps(),
                (int) statistics.rejectedSteps(), t);
    }

    /**
     * The reference's step-size rule in the framework's controller: \(h \leftarrow \theta h
     * E^{-1/k}\) with no growth or reduction limits (also after a rejection), the first step
     * {@code hInit}, and a trial that reaches \(\lambda(t_{\mathrm{end}})\) or ends within
     * \(t_{\mathrm{err}}\) of \(t_{\mathrm{end}}\) ending on it exactly. The reference rounds
     * \(h\) to single precision; this keeps double, so step sequences may differ in the last digits.
     */
    private static StepSizeController adaptiveControl(SampleOptions o) {
        return StepSizeController.of(o.atol, o.rtol).withSafety(o.theta)
                .withFactorLimits(0, Double.POSITIVE_INFINITY).withGrowthAfterRejection(true)
                .withInitialStep(o.hInit).withEndRules(1, o.tErr).withMaxSteps(MAX_TRIALS);
    }

    /** The multistep predictor's φ rule: UniP of the variant, iPNDM's, or DPM-Solver's. */
    private MultistepCoefficients predictor(SampleOptions o) {
        return switch (o.sampler) {
            case UNIPC -> UniPcCoefficients.predictor(o.variant);
            case IPNDM -> DeisCoefficients.ipndm();
            default -> DpmCoefficients.multistep(o.solverType, o.exactThirdOrder(algorithm));
        };
    }

    /** What DPM-Solver does around the loop's steps. */
    private final class Hook implements StepHook<V> {

        private final LambdaDynamics<V> dynamics;
        private ExponentialAdamsStepper<V> multistep;
        private DpmSinglestep<V> singlestep;
        private SdeNoise<V> noise;
        private int order;
        private int steps;
        private boolean lowerOrderFinal;
        private boolean inX;
        private Sampler sampler;
        private boolean corrected;
        private boolean correctFinalStep;

        Hook(LambdaDynamics<V> dynamics) {
            this.dynamics = dynamics;
        }

        void multistep(ExponentialAdamsStepper<V> stepper, SampleOptions o, int gridSteps, boolean statesInX) {
            multistep = stepper;
            order = o.order;
            steps = gridSteps;
            lowerOrderFinal = o.lowerOrderFinal;
            inX = statesInX;
            sampler = o.sampler;
            corrected = o.usesCorrector();
            correctFinalStep = o.correctFinalStep;
        }

        @Override
        public void beforeStep(int step, double s, double t, double lambdaS, double h) {
            // The model is called at the grid time itself, not at t(λ) recomputed (as the reference does).
            dynamics.knownTime(lambdaS, s);
            if (singlestep != null) {
                singlestep.select(step);
            }
            if (noise != null) {
                noise.nextStep(step, s, t);
            }
            if (multistep != null) {
                // The reference's code says steps < 10 (its docstring < 15); UniPC's any steps; DEIS none.
                boolean lower = lowerOrderFinal && sampler.lowersFinalOrder(steps);
                multistep.limitOrder(lower ? Math.min(order, steps + 1 - step) : order);
                if (corrected) {
                    // The reference UniPC does not correct the final step (NFE = steps).
                    multistep.correctNextStep(step < steps || correctFinalStep);
                    dynamics.knownEndTime(lambdaS + h, t);
                }
                if (inX) {
                    multistep.scaleNextStep(dynamics.scale(s), dynamics.scale(t), dynamics.valueFactor());
                }
            }
        }

        @Override
        public boolean hasAfterStep() {
            return xtCorrection != null;
        }

        @Override
        public double afterStep(int step, double t, V x) {
            xtCorrection.correct(x, t, step);
            return t;
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
}
