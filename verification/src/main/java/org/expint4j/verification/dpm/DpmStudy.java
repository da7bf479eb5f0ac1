package org.expint4j.verification.dpm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.noise.BrownianTreeNoise;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SampleResult;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.vector.DoubleVectorOps;

/**
 * The DPM sampling study, the analogue of the DPM-Solver paper's FID-vs-NFE tables on an analytic
 * model: a Gaussian mixture in \(d\) dimensions ({@link MixtureSpec}) with its exact noise
 * predictor, under each {@link StudySchedule} (two VP schedules and flow matching); \(B\) seeded
 * noise samples \( x_T \sim N(0, I) \) are carried to \( t_\varepsilon = 10^{-3} \) by every
 * {@link StudySolver} at a ladder of NFE (fixed-step solvers) or tolerances (adaptive ones). The
 * SDE samplers draw their noise from one seeded Brownian tree per schedule, the same at every NFE.
 *
 * <p><b>Measures.</b> (1) The ODE error: the per-sample Euclidean distance
 * \( \|x_b - x_b^{\mathrm{ref}}\|_2 \) to a high-accuracy solution of the same probability-flow
 * ODE from the same noise, summarised by its median and RMS over the samples. (2) A distribution
 * distance (the only measure of the SDE samplers, whose paths are not the ODE's): the
 * {@linkplain SlicedWasserstein sliced Wasserstein-2 distance} of the samples to
 * as many exact samples of the mixture. The ODE solution at \( t_\varepsilon > 0 \) is a sample
 * of \( p_{t_\varepsilon} \), slightly wider than the data distribution, and \(B\) samples carry
 * finite-sample noise, so this distance levels off at a floor that the study reports (for the
 * reference solution and for two independent exact sample sets).
 *
 * <p><b>Reference solution.</b> Single-step exponential Runge–Kutta of order 4
 * (Hochbruck–Ostermann, 5 stages; a different method from every solver compared) in the
 * data-prediction form on a uniform log-SNR grid with {@code referenceSteps} steps. Its accuracy
 * is checked by halving: with order 4, the error of the fine solution is about 1/15 of its
 * distance to the solution with half the steps; the study reports both.
 *
 * <p><b>Headline.</b> The NFE each ODE solver needs for a median error of each target
 * ({@link NfeToTarget}), and the ratios DDIM / best DPM-Solver and RK45 / best DPM-Solver
 * (the paper's "4–16× fewer evaluations"); and the goal table ({@link DpmStudyResult#goals}):
 * the best sampler's median error at 10 and 20 NFE over that of the reference code's best.
 *
 * <p>Usage: {@code DpmStudy.builder().batch(512).seed(1).run()}; every setting has a
 * default (those of the published study in {@code docs/results/dpm-study.md}).
 */
public final class DpmStudy {

    /** Study settings, as printed with the results. */
    public record Config(int dimension, int components, double stdLow, double stdHigh, int batch, long seed,
            int[] nfeLadder, double[] adaptiveTolerances, double[] rk45Tolerances, int projections,
            int referenceSteps, Set<StudySchedule> schedules, Set<StudySolver> solvers, double[] targets) {
    }

    private final Config config;
    private final Consumer<String> log;

    private DpmStudy(Config config, Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    /** @return a builder with the defaults of the published study */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the settings */
    public Config config() {
        return config;
    }

    /**
     * Runs the study (single-threaded).
     *
     * @return the measurements, reference checks and headline numbers
     */
    public DpmStudyResult run() {
        long started = System.nanoTime();
        MixtureSpec spec = MixtureSpec.random(config.dimension, config.components, config.stdLow, config.stdHigh,
                config.seed);
        int d = config.dimension;
        int b = config.batch;
        double[] noise = gaussian(new SplittableRandom(config.seed + 1), b * d);
        SlicedWasserstein sw = new SlicedWasserstein(d, config.projections, config.seed + 3);
        List<DpmStudyResult.Measurement> measurements = new ArrayList<>();
        List<DpmStudyResult.ReferenceCheck> checks = new ArrayList<>();
        for (StudySchedule s : config.schedules) {
            NoiseSchedule schedule = s.schedule();
            GaussianMixtureModel mixture = spec.model(schedule, s.timeMap());
            ModelWrapper<double[]> wrapper = new ModelWrapper<>(mixture, ModelType.NOISE, schedule, s.timeMap(),
                    DoubleVectorOps.serial());
            DiffusionModel<double[]> model = wrapper::noise;
            double[] exact = new double[b * d];
            mixture.sampleData(new SplittableRandom(config.seed + 2), b, exact);
            double[] exactAgain = new double[b * d];
            mixture.sampleData(new SplittableRandom(config.seed + 4), b, exactAgain);

            log.accept("reference solution, " + s.key());
            double[] reference = noise.clone();
            long referenceNfe = referenceSolve(model, schedule, reference, config.referenceSteps);
            double[] coarse = noise.clone();
            referenceSolve(model, schedule, coarse, config.referenceSteps / 2);
            double[] halving = SampleErrors.perSample(coarse, reference, d);
            double rkGauss = rk45GaussianCheck(spec, s, noise);
            checks.add(new DpmStudyResult.ReferenceCheck(s, referenceNfe, SampleErrors.median(halving),
                    SampleErrors.max(halving), sw.distance(reference, exact), sw.distance(exactAgain, exact),
                    rkGauss));

            for (StudySolver solver : config.solvers) {
                log.accept(solver.label() + ", " + s.key());
                double[] ladder = solver.adaptive()
                        ? (solver == StudySolver.RK45 ? config.rk45Tolerances : config.adaptiveTolerances)
                        : Arrays.stream(config.nfeLadder).filter(n -> n >= solver.minimumNfe()).asDoubleStream()
                                .toArray();
                for (double control : ladder) {
                    double[] x = noise.clone();
                    long t0 = System.nanoTime();
                    long nfe;
                    int steps = 0;
                    int rejected = 0;
                    if (solver == StudySolver.RK45) {
                        nfe = ProbabilityFlowRk45.of(model, s).solve(x, schedule.tMax(), schedule.tMin(), control);
                    } else {
                        SampleOptions o = solver.options(control, b);
                        if (solver.stochastic()) {
                            // One fixed Brownian path per sample, the same at every NFE (a virtual tree).
                            o.noise(new BrownianTreeNoise(config.seed + 5, 0, schedule.tMax()));
                        }
                        SampleResult r = new DpmSolver<>(model, schedule, DoubleVectorOps.serial(), solver.algorithm())
                                .sample(x, o);
                        nfe = r.evaluations();
                        steps = r.steps();
                        rejected = r.rejectedSteps();
                    }
                    double seconds = (System.nanoTime() - t0) * 1e-9;
                    // An SDE sample path is not the ODE's: no pathwise error (NaN), only the distance.
                    double[] e = solver.stochastic() ? new double[] {Double.NaN}
                            : SampleErrors.perSample(x, reference, d);
                    measurements.add(new DpmStudyResult.Measurement(s, solver, control, nfe, steps, rejected,
                            SampleErrors.median(e), SampleErrors.rms(e), SampleErrors.max(e), sw.distance(x, exact),
                            seconds));
                }
            }
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        return new DpmStudyResult(config, spec, measurements, checks, seconds);
    }

    /** The reference solver: single-step order 4 (5 NFE per step), data prediction, log-SNR grid. */
    static long referenceSolve(DiffusionModel<double[]> model, NoiseSchedule schedule, double[] x, int steps) {
        SampleOptions o = new SampleOptions().method(SamplingMethod.SINGLESTEP_FIXED).order(4).steps(5 * steps)
                .skipType(SkipType.LOGSNR).batchSize(1);
        return new DpmSolver<>(model, schedule, DoubleVectorOps.serial(),
                org.expint4j.diffusion.sampler.Algorithm.DPMSOLVER_PLUS_PLUS).sample(x, o).evaluations();
    }

    /**
     * The RK45 baseline's ODE checked against a closed form: Gaussian data (the mixture's first
     * component) under the same schedule, tolerance 1e-9, from the study's noise.
     *
     * @return the largest per-sample Euclidean error
     */
    static double rk45GaussianCheck(MixtureSpec spec, StudySchedule s, double[] noise) {
        NoiseSchedule schedule = s.schedule();
        GaussianDataModel gauss = new GaussianDataModel(spec.means()[0], spec.stds()[0], schedule, s.timeMap());
        ModelWrapper<double[]> wrapper = new ModelWrapper<>(gauss, ModelType.NOISE, schedule, s.timeMap(),
                DoubleVectorOps.serial());
        double[] x = noise.clone();
        ProbabilityFlowRk45.of(wrapper::noise, s).solve(x, schedule.tMax(), schedule.tMin(), 1e-9);
        double[] exact = new double[x.length];
        gauss.exactSolution(noise, schedule.tMax(), schedule.tMin(), exact);
        return SampleErrors.max(SampleErrors.perSample(x, exact, spec.dimension()));
    }

    static double[] gaussian(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /** Settings, with the defaults of the published study. */
    public static final class Builder {
        private int dimension = 16;
        private int components = 4;
        private double stdLow = 0.2;
        private double stdHigh = 0.5;
        private int batch = 512;
        private long seed = 20220600;
        private int[] nfeLadder = {5, 10, 15, 20, 50, 100, 200, 500, 1000};
        private double[] adaptiveTolerances = {0.1, 0.05, 0.02, 1e-2, 5e-3, 2e-3, 1e-3, 1e-4, 1e-5, 1e-6};
        private double[] rk45Tolerances = {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8};
        private int projections = 256;
        private int referenceSteps = 4000;
        private Set<StudySchedule> schedules = EnumSet.allOf(StudySchedule.class);
        private Set<StudySolver> solvers = EnumSet.allOf(StudySolver.class);
        private double[] targets = {1e-2, 1e-3};
        private Consumer<String> log = message -> { };

        private Builder() {
        }

        /** @param value dimension d (default 16) @return this */
        public Builder dimension(int value) {
            dimension = value;
            return this;
        }

        /** @param value mixture components K (default 4) @return this */
        public Builder components(int value) {
            components = value;
            return this;
        }

        /**
         * @param low smallest component standard deviation (default 0.2)
         * @param high largest (default 0.5)
         * @return this
         */
        public Builder stdRange(double low, double high) {
            stdLow = low;
            stdHigh = high;
            return this;
        }

        /** @param value number of samples B (default 512) @return this */
        public Builder batch(int value) {
            batch = value;
            return this;
        }

        /** @param value seed of the mixture, noise, exact samples and projections @return this */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param values NFE targets of the fixed-step solvers @return this */
        public Builder nfeLadder(int... values) {
            nfeLadder = values.clone();
            return this;
        }

        /** @param values atol = rtol of the adaptive DPM-Solvers @return this */
        public Builder adaptiveTolerances(double... values) {
            adaptiveTolerances = values.clone();
            return this;
        }

        /** @param values atol = rtol of RK45 @return this */
        public Builder rk45Tolerances(double... values) {
            rk45Tolerances = values.clone();
            return this;
        }

        /** @param value random projections of the sliced Wasserstein distance (default 256) @return this */
        public Builder projections(int value) {
            projections = value;
            return this;
        }

        /** @param value steps of the order-4 reference solver (5 NFE each; default 4000) @return this */
        public Builder referenceSteps(int value) {
            referenceSteps = value;
            return this;
        }

        /** @param values the schedules (default both) @return this */
        public Builder schedules(Set<StudySchedule> values) {
            schedules = EnumSet.copyOf(values);
            return this;
        }

        /** @param values the solvers (default all) @return this */
        public Builder solvers(Set<StudySolver> values) {
            solvers = EnumSet.copyOf(values);
            return this;
        }

        /** @param values median-error targets of the headline (default 1e-2, 1e-3) @return this */
        public Builder targets(double... values) {
            targets = values.clone();
            return this;
        }

        /** @param value receives one progress line per solver and schedule @return this */
        public Builder log(Consumer<String> value) {
            log = Objects.requireNonNull(value, "log");
            return this;
        }

        /**
         * @return the study
         * @throws IllegalArgumentException if a setting is out of range
         */
        public DpmStudy build() {
            if (dimension < 1 || components < 1 || batch < 2 || projections < 1 || referenceSteps < 2) {
                throw new IllegalArgumentException("need dimension, components, projections >= 1, batch >= 2 and"
                        + " referenceSteps >= 2");
            }
            if (nfeLadder.length == 0 || Arrays.stream(nfeLadder).anyMatch(n -> n < 1)) {
                throw new IllegalArgumentException("the NFE ladder needs positive entries");
            }
            if (Arrays.stream(adaptiveTolerances).anyMatch(t -> !(t > 0))
                    || Arrays.stream(rk45Tolerances).anyMatch(t -> !(t > 0))
                    || Arrays.stream(targets).anyMatch(t -> !(t > 0))) {
                throw new IllegalArgumentException("tolerances and targets must be positive");
            }
            if (schedules.isEmpty() || solvers.isEmpty()) {
                throw new IllegalArgumentException("need at least one schedule and one solver");
            }
            int[] ladder = Arrays.stream(nfeLadder).sorted().distinct().toArray();
            return new DpmStudy(new Config(dimension, components, stdLow, stdHigh, batch, seed, ladder,
                    adaptiveTolerances.clone(), rk45Tolerances.clone(), projections, referenceSteps,
                    EnumSet.copyOf(schedules), EnumSet.copyOf(solvers), targets.clone()), log);
        }

        /**
         * Builds and runs the study: {@code DpmStudy.builder().batch(64).run()}.
         *
         * @return the result
         * @throws IllegalArgumentException if a setting is out of range
         */
        public DpmStudyResult run() {
            return build().run();
        }
    }
}
