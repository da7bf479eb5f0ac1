package org.expint4j.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.noise.BrownianTreeNoise;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SampleResult;
import org.expint4j.diffusion.sampler.Sampler;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.method.UniPcCoefficients;
import org.expint4j.verification.dpm.MixtureSpec;
import org.expint4j.verification.dpm.SampleErrors;
import org.expint4j.verification.dpm.SlicedWasserstein;
import org.expint4j.verification.io.Outputs;
import org.expint4j.verification.study.OrderFit;
import org.expint4j.vector.DoubleVectorOps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code expint demo}: diffusion sampling with DPM-Solver on analytic models, no input files.
 * Two Gaussian mixtures (2-D with six modes, 16-D with eight) have an exact noise predictor, so
 * every difference between samplers is integration error. DDIM, DPM-Solver-3, DPM-Solver++
 * (2M, 3M with the published and the exact weights, 4M), UniPC (bh2, orders 2 and 3), the
 * noise-prediction DPM-Solver(4M) and DPM-Solver++(2M) SDE start from the same noise; their
 * samples are compared with a 1000-step solution of the same probability-flow ODE (per-sample
 * error; not for the SDE sampler, whose paths are not the ODE's) and with exact samples of the
 * mixture (sliced Wasserstein-2). A line per NFE of the table names the ODE sampler with the
 * smallest error measured on both mixtures. Then the same for a trained network, the shipped
 * pinwheel model in ONNX ({@link DemoTrainedModel}). Prints the tables and writes scatter plots,
 * the error-vs-NFE plot and CSVs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample two Gaussian mixtures (2-D and 16-D, exact noise predictor) with DDIM, DPM-Solver-3, "
                + "DPM-Solver++(2M/3M/4M), UniPC, DPM-Solver(4M) and DPM-Solver++(2M) SDE at 10 and 20 NFE against "
                + "a 1000-step reference from the same noise, and name the most accurate per NFE; then a trained "
                + "network (the shipped pinwheel model, ONNX) with DDIM and DPM-Solver++(2M/3M/4M).",
            "Prints the error table; writes scatter plots, the error-vs-NFE plot and CSVs into the output folder."})
final class DemoCommand implements Callable<Integer> {

    /** NFEs of the table. */
    static final int[] TABLE_NFE = {10, 20};
    /** NFEs of the error-vs-NFE study. */
    static final int[] SWEEP_NFE = {5, 8, 10, 15, 20, 30, 50, 100};
    /** Steps of the reference solution. */
    static final int REFERENCE_STEPS = 1000;
    /** At most this many samples of the trained model (a network costs more than a mixture). */
    static final int TRAINED_SAMPLES = 1000;
    /** Projections of the sliced Wasserstein distance. */
    static final int PROJECTIONS = 128;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "expint-out",
            description = "Output folder (created if needed; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000",
            description = "Samples per mixture, 10 to 1000000; about 20 x samples x 16 doubles must fit in the heap "
                    + "(default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2022",
            description = "Seed of the noise, the exact samples and the projections (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--skip-type", paramLabel = "TYPE", defaultValue = "logSNR", converter = Choices.SkipTypes.class,
            description = "Time grid: logSNR, time_uniform or time_quadratic (default: logSNR).")
    SkipType skipType;

    @Option(names = "--quiet", description = "No progress bar on standard error.")
    boolean quiet;

    /**
     * A sampler of the study.
     *
     * @param stochastic whether it samples the reverse SDE: scored by SW2 only
     */
    record Solver(String name, Algorithm algorithm, IntFunction<SampleOptions> options, boolean stochastic) {
        Solver(String name, Algorithm algorithm, IntFunction<SampleOptions> options) {
            this(name, algorithm, options, false);
        }
    }

    /** One mixture of the study. */
    record Dataset(String name, String label, MixtureSpec spec) {
        int dimension() {
            return spec.dimension();
        }

        GaussianMixtureModel model(NoiseSchedule schedule) {
            return spec.model(schedule, ModelTimeMap.CONTINUOUS);
        }
    }

    /** One sampling run and its scores. */
    record Run(Dataset dataset, String solver, int nfe, double median, double rms, double sw2, double millis,
               double[] samples) {
    }

    @Override
    public Integer call() {
        if (samples < 10 || samples > 1_000_000) {
            throw new IllegalArgumentException("--samples must be between 10 and 1000000, got " + samples);
        }
        // Per 16-D sample: noise, exact samples, reference, the current solution, errors and the
        // sampler's state, about 20 vectors.
        Limits.requireHeap("--samples " + samples, (long) samples * 16, 20);
        try (Outputs outputs = new Outputs().folder("--out", out).prepare()) {
            return demo(outputs);
        }
    }

    private int demo(Outputs outputs) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        DiscreteSchedule schedule = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        double tEnd = schedule.tMin();
        List<Solver> solvers = solvers(skipType, seed, schedule.tMax());
        List<Dataset> datasets = List.of(
                new Dataset("2-D", "2-D, K=6", mixture2d()),
                new Dataset("16-D", "16-D, K=8", mixture16d(seed)));
        double totalCost = 0;
        for (Dataset d : datasets) {
            totalCost += cost(d, REFERENCE_STEPS + solvers.size() * Arrays.stream(SWEEP_NFE).sum());
        }
        int trainedSamples = Math.min(samples, TRAINED_SAMPLES);
        DemoTrainedModel trained = new DemoTrainedModel(trainedSamples, seed, skipType);
        // A network evaluation of a (doubled, guided) sample costs about what 1000 mixture terms do.
        double trainedCost = DemoTrainedModel.evaluations() * (double) trainedSamples * 1000;
        totalCost += trainedCost;
        final double total = totalCost;
        Progress progress = new Progress(stderr, !quiet, "expint demo");
        long started = System.nanoTime();

        stdout.println("DPM-Solver on Gaussian mixtures with the exact noise predictor (expint demo)");
        stdout.printf(Locale.ROOT, "schedule: discrete DDPM, linear betas 1e-4..0.02, N = 1000; t from 1 to %.0e on a %s "
                + "grid; %d samples per mixture, the same noise for every solver%n", tEnd, skipName(skipType), samples);
        stdout.printf(Locale.ROOT, "error: per-sample Euclidean distance to the %d-step DPM-Solver++(3M) solution (exact "
                + "weights) from the same noise: median, and RMS (dominated by the few samples that land in another "
                + "mode); none for the SDE sampler, whose paths are not the ODE's%n",
                REFERENCE_STEPS);
        stdout.printf(Locale.ROOT, "SW2: sliced Wasserstein-2 distance to %d exact samples of the mixture at t = %.0e "
                + "(%d projections); the reference row shows the floor of finite samples%n", samples, tEnd, PROJECTIONS);
        stdout.println();
        stdout.printf(Locale.ROOT, "%-10s %-22s %5s %12s %12s %9s %9s%n", "data", "solver", "NFE", "median err",
                "RMS err", "SW2", "time ms");

        List<Run> runs = new ArrayList<>();
        List<Run> referenceRuns = new ArrayList<>();
        List<double[]> exactSamples = new ArrayList<>();
        double done = 0;
        for (Dataset dataset : datasets) {
            int dim = dataset.dimension();
            GaussianMixtureModel model = dataset.model(schedule);
            DiffusionModel<double[]> noiseModel = new ParallelModel(() -> dataset.model(schedule), dim,
                    Runtime.getRuntime().availableProcessors());
            double[] noise = gaussian(new SplittableRandom(seed), samples * dim);
            double[] exact = exactSamples(model, schedule, tEnd, samples, new SplittableRandom(seed + 1));
            exactSamples.add(exact);
            SlicedWasserstein target = new SlicedWasserstein(dim, PROJECTIONS, seed + 2);

            double unit = cost(dataset, 1);
            double base = done;
            String what = dataset.name() + " reference, " + REFERENCE_STEPS + " steps";
            double[] reference = noise.clone();
            long t0 = System.nanoTime();
            sampler(noiseModel, schedule, Algorithm.DPMSOLVER_PLUS_PLUS)
                    .addObserver((step, t, state, h, nfe) -> progress.update((base + nfe * unit) / total, what))
                    .sample(reference, referenceOptions().batchSize(samples));
            double refMillis = (System.nanoTime() - t0) * 1e-6;
            done += REFERENCE_STEPS * unit;
            Run refRun = new Run(dataset, "reference", REFERENCE_STEPS, 0, 0,
                    target.distance(reference, exact), refMillis, reference);
            referenceRuns.add(refRun);

            for (Solver solver : solvers) {
                for (int nfe : SWEEP_NFE) {
                    double[] x = noise.clone();
                    double runBase = done;
                    String label = dataset.name() + " " + solver.name() + ", NFE " + nfe;
                    long s0 = System.nanoTime();
                    SampleResult result = sampler(noiseModel, schedule, solver.algorithm())
                            .addObserver((step, t, state, h, e) -> progress.update((runBase + e * unit) / total, label))
                            .sample(x, solver.options().apply(nfe).batchSize(samples));
                    double millis = (System.nanoTime() - s0) * 1e-6;
                    if (result.evaluations() != nfe) {
                        throw new IllegalStateException(solver.name() + " used " + result.evaluations()
                                + " evaluations, expected " + nfe);
                    }
                    done += nfe * unit;
                    double[] errors = SampleErrors.perSample(x, reference, dim);
                    double sw2 = target.distance(x, exact);
                    boolean keep = dim == 2 && contains(TABLE_NFE, nfe);
                    // An SDE path is not the ODE's: no per-sample error, only SW2.
                    double median = solver.stochastic() ? Double.NaN : SampleErrors.median(errors);
                    double rms = solver.stochastic() ? Double.NaN : SampleErrors.rms(errors);
                    runs.add(new Run(dataset, solver.name(), nfe, median, rms, sw2, millis, keep ? x : null));
                }
            }
            for (int nfe : TABLE_NFE) {
                for (Run r : runs) {
                    if (r.dataset() == dataset && r.nfe() == nfe) {
                        printRow(stdout, r);
                    }
                }
            }
            stdout.printf(Locale.ROOT, "%-10s %-22s %5d %12s %12s %9.4f %9.1f%n", dataset.label(), "reference (3M)",
                    REFERENCE_STEPS, "-", "-", refRun.sw2(), refRun.millis());
            printOrders(stdout, dataset, runs, solvers);
            stdout.flush();
        }
        printRecommendations(stdout, datasets, runs, solvers);
        double trainedBase = done;
        trained.run(stdout, share -> progress.update((trainedBase + share * trainedCost) / total,
                "pinwheel network (ONNX)"));
        progress.update(1, "writing plots");
        List<Path> written = new ArrayList<>();
        outputs.write(out, staged -> {
            DemoOutput.writeAll(staged, datasets.get(0), datasets.get(0).model(schedule), tEnd,
                    exactSamples.get(0), referenceRuns.get(0), runs, solvers.stream().map(Solver::name).toList(),
                    written);
            DemoOutput.writeCsv(staged, runs, referenceRuns, written);
            trained.write(staged, written);
        });
        outputs.commit();
        progress.done();
        stdout.println();
        stdout.printf(Locale.ROOT, "reproduce the 2-D DPM-Solver++(2M) row at NFE 10 with:%n  expint sample --gmm %s "
                + "--samples %d --seed %d --skip-type %s --steps 10 --order 2 --out samples.csv%n",
                out.resolve(DemoOutput.mixtureFile(datasets.get(0))), samples, seed, skipName(skipType));
        stdout.println();
        stdout.println("wrote:");
        for (Path p : written) {
            stdout.println("  " + out.resolve(p.getFileName()));
        }
        stdout.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - started) * 1e-9);
        stdout.flush();
        return 0;
    }


    /**
     * Per NFE of the table, the ODE sampler with the smallest geometric mean of the median error
     * over the mixtures: the recommendation follows the measurement, not the order.
     */
    private static void printRecommendations(PrintWriter out, List<Dataset> datasets, List<Run> runs,
            List<Solver> solvers) {
        out.println();
        for (int nfe : TABLE_NFE) {
            String best = null;
            double bestScore = Double.POSITIVE_INFINITY;
            for (Solver solver : solvers) {
                if (solver.stochastic()) {
                    continue;
                }
                double logSum = 0;
                for (Run r : runs) {
                    if (r.nfe() == nfe && r.solver().equals(solver.name())) {
                        logSum += Math.log(r.median());
                    }
                }
                double score = Math.exp(logSum / datasets.size());
                if (score < bestScore) {
                    bestScore = score;
                    best = solver.name();
                }
            }
            out.printf(Locale.ROOT, "most accurate at %d NFE (geometric mean of the median errors over the mixtures, "
                    + "%.2e): %s%n", nfe, bestScore, best);
        }
    }

    /** The observed order of each solver between the two largest NFEs of the sweep. */
    private static void printOrders(PrintWriter out, Dataset dataset, List<Run> runs, List<Solver> solvers) {
        int n1 = SWEEP_NFE[SWEEP_NFE.length - 2];
        int n2 = SWEEP_NFE[SWEEP_NFE.length - 1];
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-10s observed order (median error, NFE %d to %d):",
                "", n1, n2));
        for (Solver solver : solvers) {
            if (solver.stochastic()) {
                continue;
            }
            double e1 = Double.NaN;
            double e2 = Double.NaN;
            for (Run r : runs) {
                if (r.dataset() == dataset && r.solver().equals(solver.name())) {
                    e1 = r.nfe() == n1 ? r.median() : e1;
                    e2 = r.nfe() == n2 ? r.median() : e2;
                }
            }
            sb.append(String.format(Locale.ROOT, " %s %.1f;", solver.name(),
                    OrderFit.orderBetweenNfe(n1, e1, n2, e2)));
        }
        sb.setLength(sb.length() - 1);
        out.println(sb);
    }

    private static void printRow(PrintWriter out, Run r) {
        out.printf(Locale.ROOT, "%-10s %-22s %5d %12s %12s %9.4f %9.1f%n", r.dataset().label(), r.solver(), r.nfe(),
                error(r.median()), error(r.rms()), r.sw2(), r.millis());
    }

    private static String error(double e) {
        return Double.isNaN(e) ? "-" : String.format(Locale.ROOT, "%.3e", e);
    }

    /**
     * The solvers of the study, each as a function of the NFE: the study's rows at 10–20 NFE
     * (docs/results/dpm-study.md): the published 3M formula (the default) and the exact one, 4M,
     * UniPC's better variant bh2, DPM-Solver(4M) in the noise prediction (the study's most
     * accurate at 10 NFE on the VP schedules) and one SDE sampler.
     *
     * @param skip the time grid
     * @param seed the seed of the SDE row's Brownian tree (the same path at every NFE)
     * @param tMax the start of sampling, the end of the tree's interval
     * @return the solvers
     */
    static List<Solver> solvers(SkipType skip, long seed, double tMax) {
        return List.of(
                new Solver("DDIM", Algorithm.DPMSOLVER,
                        nfe -> new SampleOptions().steps(nfe).order(1).skipType(skip)),
                new Solver("DPM-Solver-3 (fast)", Algorithm.DPMSOLVER,
                        nfe -> new SampleOptions().steps(nfe).order(3).method(SamplingMethod.SINGLESTEP).skipType(skip)),
                new Solver("DPM-Solver++(2M)", Algorithm.DPMSOLVER_PLUS_PLUS,
                        nfe -> new SampleOptions().steps(nfe).order(2).skipType(skip)),
                new Solver("DPM-Solver++(3M) ref.", Algorithm.DPMSOLVER_PLUS_PLUS,
                        nfe -> new SampleOptions().steps(nfe).order(3).skipType(skip).exactThirdOrderMultistep(false)),
                new Solver("DPM-Solver++(3M) exact", Algorithm.DPMSOLVER_PLUS_PLUS,
                        nfe -> new SampleOptions().steps(nfe).order(3).skipType(skip).exactThirdOrderMultistep(true)),
                new Solver("DPM-Solver++(4M)", Algorithm.DPMSOLVER_PLUS_PLUS,
                        nfe -> new SampleOptions().steps(nfe).order(4).skipType(skip)),
                new Solver("UniPC-2 bh2", Algorithm.DPMSOLVER_PLUS_PLUS, nfe -> uniPc(nfe, 2, skip)),
                new Solver("UniPC-3 bh2", Algorithm.DPMSOLVER_PLUS_PLUS, nfe -> uniPc(nfe, 3, skip)),
                new Solver("DPM-Solver(4M) noise", Algorithm.DPMSOLVER,
                        nfe -> new SampleOptions().steps(nfe).order(4).skipType(skip)),
                new Solver("DPM-Solver++(2M) SDE", Algorithm.DPMSOLVER_PLUS_PLUS,
                        nfe -> new SampleOptions().steps(nfe).order(2).skipType(skip).eta(1)
                                .noise(new BrownianTreeNoise(seed + 3, 0, tMax)), true));
    }

    private static SampleOptions uniPc(int nfe, int order, SkipType skip) {
        return new SampleOptions().steps(nfe).order(order).skipType(skip).sampler(Sampler.UNIPC)
                .variant(UniPcCoefficients.Variant.BH2);
    }

    private SampleOptions referenceOptions() {
        // Exact 3M weights (third order): the 1000-step reference must be far below every error measured.
        return new SampleOptions().steps(REFERENCE_STEPS).order(3).skipType(skipType).exactThirdOrderMultistep(true)
                .warmup(SampleOptions.Warmup.SINGLESTEP);
    }

    private static DpmSolver<double[]> sampler(DiffusionModel<double[]> noise, NoiseSchedule schedule,
            Algorithm algorithm) {
        return new DpmSolver<>(noise, schedule, DoubleVectorOps.serial(), algorithm);
    }

    /** Six well separated modes of different shapes and weights. */
    static MixtureSpec mixture2d() {
        double[] weights = {0.22, 0.14, 0.18, 0.12, 0.16, 0.18};
        double[][] means = {{-2.4, -1.9}, {0.2, -2.6}, {2.5, -1.2}, {-2.3, 1.6}, {0.1, 0.6}, {2.2, 2.3}};
        double[][] stds = {{0.35, 0.15}, {0.2, 0.2}, {0.15, 0.4}, {0.3, 0.3}, {0.12, 0.28}, {0.4, 0.18}};
        return new MixtureSpec(weights, means, stds);
    }

    /** Eight modes in 16 dimensions, drawn from the seed: means ~ N(0, 1.5²), stds in [0.2, 0.6]. */
    static MixtureSpec mixture16d(long seed) {
        int k = 8;
        int d = 16;
        SplittableRandom random = new SplittableRandom(seed ^ 0x16D);
        double[] weights = new double[k];
        double[][] means = new double[k][d];
        double[][] stds = new double[k][d];
        for (int i = 0; i < k; i++) {
            weights[i] = 0.5 + random.nextDouble();
            for (int j = 0; j < d; j++) {
                means[i][j] = 1.5 * random.nextGaussian();
                stds[i][j] = 0.2 + 0.4 * random.nextDouble();
            }
        }
        return new MixtureSpec(weights, means, stds);
    }

    /** Exact samples of the marginal at t: data samples diffused by \(x = \alpha_t x_0 + \sigma_t z\). */
    private static double[] exactSamples(GaussianMixtureModel model, NoiseSchedule schedule, double t, int n,
            SplittableRandom random) {
        double[] x = new double[n * model.dimension()];
        model.sampleData(random, n, x);
        double alpha = schedule.alpha(t);
        double sigma = schedule.sigma(t);
        for (int i = 0; i < x.length; i++) {
            x[i] = alpha * x[i] + sigma * random.nextGaussian();
        }
        return x;
    }

    private static double[] gaussian(SplittableRandom random, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    /**
     * Relative cost of a run, for the progress bar: per sample and NFE the mixture's K·D terms
     * plus the sampler's vector arithmetic, about 8 passes over D, plus a fixed overhead.
     */
    private double cost(Dataset d, double nfe) {
        return nfe * samples * ((d.spec().weights().length + 8.0) * d.dimension() + 16);
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    static String skipName(SkipType skip) {
        return new Choices.SkipTypes().nameOf(skip);
    }
}
