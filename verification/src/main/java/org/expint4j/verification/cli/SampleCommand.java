package org.expint4j.verification.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.expint4j.cuda.CudaAvailability;
import org.expint4j.cuda.CudaGaussianMixtureModel;
import org.expint4j.cuda.CudaVectorOps;
import org.expint4j.cuda.DeviceMemoryException;
import org.expint4j.cuda.DeviceVector;
import org.expint4j.cuda.DoubleDeviceVector;
import org.expint4j.cuda.FloatDeviceVector;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.schedule.CosineSchedule;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.FlowSchedule;
import org.expint4j.diffusion.schedule.VeSchedule;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.sampler.DynamicThresholding;
import org.expint4j.diffusion.model.FloatModelAdapter;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SampleResult;
import org.expint4j.diffusion.sampler.Sampler;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.sampler.SolverType;
import org.expint4j.diffusion.model.X0Correction;
import org.expint4j.diffusion.noise.BrownianTreeNoise;
import org.expint4j.diffusion.noise.GaussianNoise;
import org.expint4j.diffusion.model.onnx.ArrayType;
import org.expint4j.integrate.MaxStepsExceededException;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.method.UniPcCoefficients;
import org.expint4j.verification.dpm.MixtureSpec;
import org.expint4j.verification.io.AtomicFiles;
import org.expint4j.verification.io.Outputs;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.expint4j.vector.VectorOps;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code expint sample}: DPM-Solver with every option of the reference {@code sample()} (option
 * names are its keywords in kebab-case, values its strings), on an analytic model given as a
 * Gaussian mixture file or a Gaussian, from noise read from a CSV or drawn from a seed. Writes
 * the samples as CSV (one per line, values that parse back to the same number), atomically.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sample a diffusion model (a trained network as ONNX, or a Gaussian mixture or Gaussian with "
                + "its exact noise predictor) with DPM-Solver / DPM-Solver++, with every option of the reference sampler.",
            "Writes one sample per line as CSV to --out (atomically) or to standard output."},
        footer = {"", "Examples:",
            "  expint sample --gmm mix.json --samples 1000 --steps 20 --order 3 --out x.csv",
            "  expint sample --gaussian --mean 0.5,-1 --std 0.1,1 --method adaptive --order 3",
            "  expint sample --onnx model.onnx --class all --guidance-scale 2 --plot samples.png --out x.csv",
            "", "Exit codes: 0 success; 1 the run failed (non-finite values, adaptive over its trial budget,",
            "standard output not writable; nothing is written); 2 bad input (options, files, sizes)."})
final class SampleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // ---------------------------------------------------------------- model and input

    @Option(names = "--gmm", paramLabel = "FILE", order = 1,
            description = "Gaussian mixture as JSON: {\"weights\": [K], \"means\": [[D] x K], \"stds\": [[D] x K]} "
                    + "(diagonal standard deviations).")
    Path gmm;

    @Option(names = "--gaussian", order = 2, description = "Gaussian data N(mean, diag(std^2)) instead of --gmm.")
    boolean gaussian;

    @Option(names = "--mean", paramLabel = "LIST", order = 3, description = "Mean of --gaussian (comma list).")
    String mean;

    @Option(names = "--std", paramLabel = "LIST", order = 4,
            description = "Standard deviations of --gaussian (comma list, positive).")
    String std;

    @CommandLine.Mixin
    OnnxOptions network;

    @Option(names = "--plot", paramLabel = "FILE", order = 9, converter = Choices.OutputFile.class,
            description = "Scatter plot of 2-D samples as PNG, coloured by --class.")
    Path plot;

    @Option(names = "--noise", paramLabel = "FILE", order = 5,
            description = "Initial noise x_T as CSV, one sample per line (instead of --samples/--seed).")
    Path noise;

    @Option(names = "--samples", paramLabel = "N", order = 6, defaultValue = "1000",
            description = "Number of samples drawn from N(0, I); about 16 x samples x dimension doubles must fit "
                    + "in the heap (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", paramLabel = "S", order = 7, defaultValue = "0",
            description = "Seed of the noise (x_T, and with --sde the steps' noise) (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", order = 8, converter = Choices.OutputFile.class,
            description = "Output CSV (written atomically; not an input file); default: standard output.")
    Path out;

    // ---------------------------------------------------------------- reference sample() keywords

    @Option(names = "--steps", paramLabel = "N", order = 10, defaultValue = "20",
            description = "Number of steps, at most 1000000 (NFE of the fixed-step methods; ignored by adaptive) "
                    + "(default: 20).")
    int steps;

    @Option(names = "--order", paramLabel = "K", order = 11, defaultValue = "2",
            description = "Order: 1, 2, 3 (4: multistep and singlestep_fixed only) (default: 2).")
    int order;

    @Option(names = "--method", paramLabel = "M", order = 12, defaultValue = "multistep",
            converter = Choices.Methods.class,
            description = "multistep, singlestep, singlestep_fixed or adaptive (default: multistep).")
    SamplingMethod method;

    @Option(names = "--skip-type", paramLabel = "TYPE", order = 13, defaultValue = "time_uniform",
            converter = Choices.SkipTypes.class,
            description = "Time grid: logSNR, time_uniform or time_quadratic (default: time_uniform).")
    SkipType skipType;

    @Option(names = "--algorithm-type", paramLabel = "A", order = 14, defaultValue = "dpmsolver++",
            converter = Choices.Algorithms.class,
            description = "dpmsolver (noise prediction) or dpmsolver++ (data prediction) (default: dpmsolver++).")
    Algorithm algorithm;

    @Option(names = "--solver-type", paramLabel = "T", order = 15, defaultValue = "dpmsolver",
            converter = Choices.SolverTypes.class,
            description = "Coefficients of orders 2-3: dpmsolver or taylor (default: dpmsolver).")
    SolverType solverType;

    @Option(names = "--lower-order-final", paramLabel = "true|false", order = 16, arity = "0..1",
            defaultValue = "true", fallbackValue = "true",
            description = "Lower the order of the last multistep steps when steps < 10 (default: true).")
    boolean lowerOrderFinal;

    @Option(names = "--denoise-to-zero", order = 17,
            description = "One more data prediction at t_end (+1 NFE).")
    boolean denoiseToZero;

    @Option(names = "--t-start", paramLabel = "T", order = 18,
            description = "Start time (default: the schedule's T = 1, 0.9946 for cosine, 80 for ve, 0.999 for flow).")
    Double tStart;

    @Option(names = "--t-end", paramLabel = "T", order = 19,
            description = "End time (default: 1/N for discrete schedules, 1e-3 for continuous ones and flow, 0.002 for ve).")
    Double tEnd;

    @Option(names = "--atol", paramLabel = "X", order = 20, defaultValue = "0.0078",
            description = "Absolute tolerance of adaptive (default: ${DEFAULT-VALUE}).")
    double atol;

    @Option(names = "--rtol", paramLabel = "X", order = 21, defaultValue = "0.05",
            description = "Relative tolerance of adaptive (default: ${DEFAULT-VALUE}).")
    double rtol;

    @Option(names = "--h-init", paramLabel = "H", order = 22, defaultValue = "0.05",
            description = "First step in log-SNR of adaptive (default: ${DEFAULT-VALUE}).")
    double hInit;

    @Option(names = "--theta", paramLabel = "X", order = 23, defaultValue = "0.9",
            description = "Safety factor of adaptive, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double theta;

    @Option(names = "--t-err", paramLabel = "X", order = 24, defaultValue = "1e-5",
            description = "Time tolerance ending adaptive (default: ${DEFAULT-VALUE}).")
    double tErr;

    @Option(names = "--thresholding", order = 25,
            description = "Dynamic thresholding of the data prediction (Imagen; for data in [-1, 1]).")
    boolean thresholding;

    @Option(names = "--thresholding-ratio", paramLabel = "P", order = 26, defaultValue = "0.995",
            description = "Quantile of dynamic thresholding, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double thresholdingRatio;

    @Option(names = "--thresholding-max", paramLabel = "M", order = 27, defaultValue = "1.0",
            description = "Lower bound of the threshold, > 0 (default: ${DEFAULT-VALUE}).")
    double thresholdingMax;

    // ---------------------------------------------------------------- beyond the reference

    @Option(names = "--schedule", paramLabel = "S", order = 30, defaultValue = "discrete-linear",
            converter = Choices.Schedules.class,
            description = "discrete-linear (betas 1e-4..0.02, N = 1000), discrete-cosine (N = 1000), "
                    + "linear (beta0 = 0.1, beta1 = 20), cosine, ve (sigma(t) = t on [0.002, 80], EDM) or flow "
                    + "(alpha = 1 - t, sigma = t on [1e-3, 1 - 1e-3]); ve and flow default to --sigmas karras and "
                    + "--sigmas flow (default: discrete-linear).")
    Choices.Schedule schedule;

    // ---------------------------------------------------------------- sigma spacings

    @Option(names = "--sigmas", paramLabel = "S", order = 36,
            description = "Time grid by noise level sigma/alpha, instead of --skip-type: karras (EDM, --rho, default "
                    + "7), exponential (= logSNR), polyexponential (--rho, default 1), flow (uniform flow time, "
                    + "--flow-shift), or a comma list of decreasing sigma/alpha values (overrides --steps).")
    String sigmas;

    @Option(names = "--rho", paramLabel = "R", order = 37,
            description = "rho of --sigmas karras or polyexponential, > 0.")
    Double rho;

    @Option(names = "--flow-shift", paramLabel = "K", order = 38,
            description = "Time shift of --sigmas flow (SD3: 3), > 0 (default: 1).")
    Double flowShift;

    @Option(names = "--multistep3", paramLabel = "W", order = 31, converter = Choices.Multistep3.class,
            description = "Multistep order-3 weights: reference (the published formula, second order) or exact (third "
                    + "order). Default as measured at 10-20 NFE (docs/results/dpm-study.md): reference with "
                    + "dpmsolver++, exact with --algorithm-type dpmsolver.")
    Choices.ThirdOrderWeights multistep3;

    @Option(names = "--warmup", paramLabel = "W", order = 32, defaultValue = "lower-order",
            converter = Choices.Warmups.class,
            description = "First multistep steps: lower-order (reference) or singlestep (default: lower-order).")
    SampleOptions.Warmup warmup;

    @Option(names = "--precision", paramLabel = "P", order = 33, defaultValue = "float64",
            converter = Choices.Precisions.class,
            description = "float64 or float32 state (default: float64).")
    Choices.Precision precision;

    @Option(names = "--backend", paramLabel = "B", order = 34, defaultValue = "auto",
            converter = Choices.Backends.class,
            description = "auto (CUDA when a device works, else the CPU), cpu or cuda (default: auto).")
    Choices.Backend backend;

    // UniPC (Zhao et al. 2023) and its corrector
    @Option(names = "--sampler", paramLabel = "S", order = 40, defaultValue = "dpm-solver",
            converter = Choices.Samplers.class,
            description = "Multistep rules: dpm-solver, unipc (UniP-k predictor with the UniC corrector, "
                    + "lower-order final steps at any step count), deis-tab, deis-rhoab (DEIS: the prediction "
                    + "interpolated in t or in sigma/alpha) or ipndm; all but dpm-solver multistep only, orders 1-4 "
                    + "(default: dpm-solver).")
    Sampler sampler;

    @Option(names = "--variant", paramLabel = "V", order = 41, defaultValue = "bh1", converter = Choices.Variants.class,
            description = "UniPC/UniC B(h): bh1 (B = h) or bh2 (B = e^h - 1) (default: bh1).")
    UniPcCoefficients.Variant variant;

    @Option(names = "--corrector", paramLabel = "true|false", order = 42, arity = "0..1", fallbackValue = "true",
            description = "UniC after each multistep step, also after DPM-Solver's (default: on for unipc, off "
                    + "for dpm-solver; the final step is not corrected).")
    Boolean corrector;

    @Option(names = "--correct-final-step", order = 43,
            description = "Correct the final step too (+1 NFE).")
    boolean correctFinalStep;

    @Option(names = "--quiet", order = 35, description = "No progress bar or summary on standard error.")
    boolean quiet;

    // ---------------------------------------------------------------- stochastic sampling (DPM-Solver++ SDE)

    @Option(names = "--sde", order = 40,
            description = "Sample the reverse SDE (eta = 1 unless --eta is given): SDE-DPM-Solver-1 (order 1), "
                    + "DPM-Solver++(2M) SDE (order 2; --solver-type dpmsolver = midpoint, taylor = heun) or "
                    + "DPM-Solver++(3M) SDE (order 3); multistep dpmsolver++ only.")
    boolean sde;

    @Option(names = "--eta", paramLabel = "X", order = 41,
            description = "Stochasticity eta >= 0 of SDE sampling (0: the ODE; 1: the reverse SDE) (default: 0, "
                    + "or 1 with --sde).")
    Double eta;

    @Option(names = "--sde-noise", paramLabel = "N", order = 42, defaultValue = "brownian-tree",
            converter = Choices.SdeNoises.class,
            description = "Noise of SDE steps, from --seed: brownian-tree (one Brownian path per sample, the same at "
                    + "any number of steps) or gaussian (independent per step) (default: brownian-tree).")
    Choices.SdeNoise sdeNoise;

    @Option(names = "--s-noise", paramLabel = "X", order = 43, defaultValue = "1.0",
            description = "Scale of the injected SDE noise, >= 0 (default: ${DEFAULT-VALUE}).")
    double sNoise;

    // Test hooks: a model that turns non-finite below a time, a writer that fails after some rows.
    @Option(names = "--x-test-nan-below-t", hidden = true)
    Double testNanBelowT;

    @Option(names = "--x-test-fail-after-rows", hidden = true)
    Integer testFailAfterRows;

    /**
     * The model as a batch predictor (one per thread), its dimension, and as a mixture (a single
     * Gaussian is a mixture of one component) for the device.
     */
    private record Model(Supplier<DiffusionModel<double[]>> factory, int dimension, String description,
            MixtureSpec mixture) {
    }

    /** Where the run goes (the device or the CPU) and why, for the summary. */
    private record Backend(boolean device, String description) {
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        checkOptions();
        Backend where = backend();
        try (Outputs outputs = new Outputs().input("--gmm", gmm).input("--onnx", network.file).input("--noise", noise)
                .file("--out", out).file("--plot", plot).prepare()) {
            if (network.file != null) {
                try (OnnxSource source = network.open()) {
                    return sample(outputs, where, stdout, stderr, source);
                }
            }
            return sample(outputs, where, stdout, stderr, null);
        }
    }

    private int sample(Outputs outputs, Backend where, PrintWriter stdout, PrintWriter stderr, OnnxSource network) {
        if (network != null && !spec.commandLine().getParseResult().hasMatchedOption("--schedule")) {
            network.declaredSchedule().ifPresent(s -> schedule = s);
        }
        NoiseSchedule noiseSchedule = schedule();
        Model model = network == null ? model(noiseSchedule) : null;
        int dim = network == null ? model.dimension() : network.dimension();
        if (plot != null && dim != 2) {
            throw new IllegalArgumentException("--plot draws 2-D samples; these have dimension " + dim);
        }
        double[] x;
        int batch;
        if (noise != null) {
            CliFiles.Samples read = CliFiles.readSamples(noise, "--noise", dim);
            x = read.values();
            batch = read.rows();
        } else {
            batch = samples;
            // The sampler keeps up to about 16 vectors of the batch: state, stages or history, model
            // output and its per-thread chunks, corrections.
            Limits.requireHeap("--samples " + samples, (long) samples * dim, 16);
            x = new double[samples * dim];
            SplittableRandom random = new SplittableRandom(seed);
            double noiseScale = priorScale(noiseSchedule);
            for (int i = 0; i < x.length; i++) {
                x[i] = noiseScale * random.nextGaussian();
            }
        }
        SampleOptions options = new SampleOptions().steps(steps).order(order).method(method).skipType(skipType)
                .lowerOrderFinal(lowerOrderFinal).denoiseToZero(denoiseToZero).solverType(solverType)
                .atol(atol).rtol(rtol).hInit(hInit).theta(theta).tErr(tErr)
                .warmup(warmup).batchSize(batch);
        if (multistep3 != null) {
            options.exactThirdOrderMultistep(multistep3 == Choices.ThirdOrderWeights.EXACT);
        }
        options.sampler(sampler).variant(variant).correctFinalStep(correctFinalStep);
        if (corrector != null) {
            options.corrector(corrector);
        }
        spacing(options);
        if (tStart != null) {
            options.tStart(tStart);
        }
        if (tEnd != null) {
            options.tEnd(tEnd);
        }
        stochastic(options, noiseSchedule);
        // Analytic models are evaluated sample by sample on every core; a network on the whole batch.
        DiffusionModel<double[]> parallel = null;
        if (network == null) {
            Supplier<DiffusionModel<double[]>> factory = model.factory();
            if (testNanBelowT != null) {
                Supplier<DiffusionModel<double[]>> inner = factory;
                double below = testNanBelowT;
                factory = () -> {
                    DiffusionModel<double[]> m = inner.get();
                    return (xt, t, o) -> {
                        m.evaluate(xt, t, o);
                        if (t < below) {
                            o[0] = Double.NaN;
                        }
                    };
                };
            }
            parallel = new ParallelModel(factory, dim, Runtime.getRuntime().availableProcessors());
        }
        int[] labels = network == null ? null : network.labels(batch);

        double from = tStart != null ? tStart : noiseSchedule.tMax();
        double to = tEnd != null ? tEnd : noiseSchedule.tMin();
        Progress progress = new Progress(stderr, !quiet, "expint sample");
        double l0 = noiseSchedule.lambda(from);
        double l1 = noiseSchedule.lambda(to);
        long started = System.nanoTime();
        SampleResult result;
        AtomicFiles.Text content;
        // The samples as doubles, for --plot (float runs widen them only then).
        double[] points = x;
        try {
            if (where.device() && precision == Choices.Precision.FLOAT32) {
                float[] xf = new float[x.length];
                try (CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.forFloat()) {
                    FloatDeviceVector state = ops.fromArray(x);
                    result = onDevice(ops, model.mixture(), noiseSchedule, state, options, progress, l0, l1);
                    state.download(xf);
                }
                content = w -> CliFiles.writeSamples(w, xf, dim);
                points = plot != null ? widen(xf) : null;
            } else if (where.device()) {
                try (CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.forDouble()) {
                    DoubleDeviceVector state = ops.fromArray(x);
                    result = onDevice(ops, model.mixture(), noiseSchedule, state, options, progress, l0, l1);
                    state.download(x);
                }
                content = w -> CliFiles.writeSamples(w, x, dim);
            } else if (precision == Choices.Precision.FLOAT32) {
                FloatVectorOps ops = new FloatVectorOps();
                float[] xf = ops.fromArray(x);
                X0Correction<float[]> correction = thresholding
                        ? DynamicThresholding.ofFloats(batch, thresholdingRatio, thresholdingMax) : null;
                DiffusionModel<float[]> eps = network != null
                        ? network.wrapper(ArrayType.FLOAT, ops, noiseSchedule, labels)::noise
                        : new FloatModelAdapter(parallel);
                result = run(eps, noiseSchedule, ops, correction, xf, options, progress, l0, l1);
                content = w -> CliFiles.writeSamples(w, xf, dim);
                points = plot != null ? widen(xf) : null;
            } else {
                DoubleVectorOps ops = new DoubleVectorOps();
                X0Correction<double[]> correction = thresholding
                        ? DynamicThresholding.ofDoubles(batch, thresholdingRatio, thresholdingMax) : null;
                DiffusionModel<double[]> eps = network != null
                        ? network.wrapper(ArrayType.DOUBLE, ops, noiseSchedule, labels)::noise : parallel;
                result = run(eps, noiseSchedule, ops, correction, x, options, progress, l0, l1);
                content = w -> CliFiles.writeSamples(w, x, dim);
                points = x;
            }
        } catch (NonFiniteValueException e) {
            throw new CliFailure("sampling failed, nothing was written: " + e.getMessage(), e);
        } catch (MaxStepsExceededException e) {
            throw new CliFailure("sampling failed, nothing was written: " + e.getMessage()
                    + " (loosen --atol/--rtol, or use a fixed-step --method)", e);
        } catch (DeviceMemoryException e) {
            throw new IllegalArgumentException("--samples " + batch + " does not fit on the device: " + e.getMessage()
                    + " (use fewer samples or --backend cpu)", e);
        } finally {
            progress.done();
        }
        double seconds = (System.nanoTime() - started) * 1e-9;
        if (plot != null) {
            double[] drawn = points;
            outputs.write(plot, staged -> SamplePlot.writePng(staged, SamplePlot.scatter(drawn, labels, plotTitle(network))));
        }
        if (out != null) {
            AtomicFiles.Text text = testFailAfterRows == null ? content
                    : w -> content.write(failingAfter(w, testFailAfterRows));
            outputs.write(out, staged -> AtomicFiles.writeText(staged, text));
        }
        if (out != null || plot != null) {
            outputs.commit();
        }
        if (out == null) {
            try {
                content.write(stdout);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            // PrintWriter keeps its failures to itself (a full disk, a closed pipe): ask it.
            if (stdout.checkError()) {
                throw new CliFailure(Expint.STDOUT_FAILED + ": the samples are lost", null);
            }
        }
        String summary = String.format(Locale.ROOT, "%d samples of dimension %d (%s): %s%s, NFE %d, %.3f s%s",
                batch, dim, network != null ? network.description() : model.description(), describeMethod(where),
                stepsDescription(result), result.evaluations(),
                seconds, (out != null ? ", wrote " + out : "") + (plot != null ? ", plot " + plot : ""));
        // With --out, standard output is free for the summary; otherwise it carries the samples.
        if (out != null) {
            stdout.println(summary);
            stdout.flush();
        } else if (!quiet) {
            stderr.println("expint sample: " + summary);
            stderr.flush();
        }
        return 0;
    }

    /** The SDE options: η, and the noise source seeded by {@code --seed} (per sample, batch-independent). */
    private void stochastic(SampleOptions options, NoiseSchedule noiseSchedule) {
        double value = eta != null ? eta : sde ? 1 : 0;
        if (value != 0) {
            options.eta(value).sNoise(sNoise).noise(sdeNoise == Choices.SdeNoise.GAUSSIAN ? new GaussianNoise(seed)
                    : new BrownianTreeNoise(seed, 0, noiseSchedule.tMax()));
        }
    }

    /** {@code " SDE eta X (noise)"} for a stochastic run, else empty. */
    private String sdeDescription() {
        double value = eta != null ? eta : sde ? 1 : 0;
        return value == 0 ? "" : String.format(Locale.ROOT, " SDE eta %s (%s noise, seed %d)", value,
                new Choices.SdeNoises().nameOf(sdeNoise), seed);
    }

    /** One-line errors for the SDE options before anything is read or run. */
    private void checkStochastic(CommandLine.ParseResult parsed) {
        finite("--eta", eta);
        finite("--s-noise", sNoise);
        if (eta != null && !(eta >= 0)) {
            throw new IllegalArgumentException("--eta must be >= 0, got " + eta);
        }
        if (!(sNoise >= 0)) {
            throw new IllegalArgumentException("--s-noise must be >= 0, got " + sNoise);
        }
        boolean stochastic = sde || (eta != null && eta > 0);
        if (!stochastic && (parsed.hasMatchedOption("--sde-noise") || parsed.hasMatchedOption("--s-noise"))) {
            throw new IllegalArgumentException((parsed.hasMatchedOption("--sde-noise") ? "--sde-noise" : "--s-noise")
                    + " needs --sde or --eta > 0");
        }
        if (stochastic && method != SamplingMethod.MULTISTEP) {
            throw new IllegalArgumentException("--sde needs --method multistep, not " + new Choices.Methods().nameOf(method));
        }
        if (stochastic && algorithm != Algorithm.DPMSOLVER_PLUS_PLUS) {
            throw new IllegalArgumentException("--sde needs --algorithm-type dpmsolver++ (data prediction), not "
                    + new Choices.Algorithms().nameOf(algorithm));
        }
        if (stochastic && warmup != SampleOptions.Warmup.LOWER_ORDER) {
            throw new IllegalArgumentException("--sde needs --warmup lower-order, not singlestep");
        }
    }

    private <V> SampleResult run(DiffusionModel<V> model, NoiseSchedule noiseSchedule, VectorOps<V> ops,
            X0Correction<V> correction, V x, SampleOptions options, Progress progress, double l0, double l1) {
        DpmSolver<V> solver = new DpmSolver<>(model, noiseSchedule, ops, algorithm, correction, null);
        solver.addObserver((step, t, state, h, nfe) -> progress.update(
                (noiseSchedule.lambda(t) - l0) / (l1 - l0), "step " + step + ", NFE " + nfe));
        return solver.sample(x, options);
    }

    /** The whole run on the device: the mixture as a kernel, every step as kernels. */
    private <V extends DeviceVector> SampleResult onDevice(CudaVectorOps<V> ops, MixtureSpec mixture,
            NoiseSchedule noiseSchedule, V state, SampleOptions options, Progress progress, double l0, double l1) {
        try (CudaGaussianMixtureModel<V> m = new CudaGaussianMixtureModel<>(ops, mixture.weights(), mixture.means(),
                mixture.stds(), noiseSchedule, ModelTimeMap.CONTINUOUS)) {
            return run(m::noise, noiseSchedule, ops, null, state, options, progress, l0, l1);
        }
    }

    /**
     * Resolves {@code --backend}: {@code cpu}; {@code cuda}, which fails with the probe's reason
     * when no device works; {@code auto}, the device when one works and the run can use it.
     * Dynamic thresholding (and the test hook) exist on the CPU backend only.
     */
    private Backend backend() {
        String cpuOnly = network.file != null ? "--onnx" : thresholding ? "--thresholding"
                : testNanBelowT != null ? "--x-test-nan-below-t" : null;
        if (backend == Choices.Backend.CPU) {
            return new Backend(false, "cpu");
        }
        if (backend == Choices.Backend.CUDA && cpuOnly != null) {
            throw new IllegalArgumentException("--backend cuda cannot be combined with " + cpuOnly
                    + ", which runs on the CPU backend only");
        }
        if (backend == Choices.Backend.AUTO && cpuOnly != null) {
            return new Backend(false, "cpu: " + cpuOnly + " runs on the CPU backend only");
        }
        CudaAvailability probe = CudaAvailability.probe();
        if (probe.isAvailable()) {
            return new Backend(true, "cuda: " + probe.device());
        }
        if (backend == Choices.Backend.CUDA) {
            throw new IllegalArgumentException("--backend cuda: CUDA is unavailable: " + probe.reason());
        }
        return new Backend(false, "cpu: CUDA unavailable: " + probe.reason());
    }

    private String describeMethod(Backend where) {
        String name = (sampler == Sampler.UNIPC ? "unipc-" + new Choices.Variants().nameOf(variant) + " "
                : sampler != Sampler.DPM_SOLVER ? new Choices.Samplers().nameOf(sampler) + " " : "")
                + new Choices.Algorithms().nameOf(algorithm) + " " + new Choices.Methods().nameOf(method)
                + " order " + order + (Boolean.TRUE.equals(corrector) && sampler != Sampler.UNIPC
                        ? " + UniC" : "") + sdeDescription();
        SkipType named = sigmaSpacing();
        String grid = named != null ? new Choices.Sigmas().nameOf(named) + " sigmas"
                : sigmas != null ? "user sigmas" : new Choices.SkipTypes().nameOf(skipType);
        return name + " (" + grid + ", " + new Choices.Schedules().nameOf(schedule)
                + ", " + new Choices.Precisions().nameOf(precision) + ", " + where.description() + ")";
    }

    private static String stepsDescription(SampleResult r) {
        return ", " + r.steps() + " steps" + (r.rejectedSteps() > 0 ? " + " + r.rejectedSteps() + " rejected" : "");
    }

    /** Checks that need no files, so that mistakes are reported before anything is read or run. */
    private void checkOptions() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        int sources = (gmm != null ? 1 : 0) + (gaussian ? 1 : 0) + (network.file != null ? 1 : 0);
        if (sources > 1) {
            throw new IllegalArgumentException("--gmm, --gaussian and --onnx cannot be combined; choose one model");
        }
        if (sources == 0) {
            throw new IllegalArgumentException("no model: give --gmm FILE, --gaussian --mean M --std S or --onnx FILE");
        }
        network.check(parsed);
        if (!gaussian && (mean != null || std != null)) {
            throw new IllegalArgumentException((mean != null ? "--mean" : "--std") + " needs --gaussian");
        }
        if (gaussian && (mean == null || std == null)) {
            throw new IllegalArgumentException("--gaussian needs --mean and --std (comma lists of equal length)");
        }
        checkStochastic(parsed);
        // With --sde, --seed also seeds the noise of the steps, so it may come with --noise.
        boolean seedsSde = sde || (eta != null && eta > 0);
        if (noise != null && (parsed.hasMatchedOption("--samples")
                || (parsed.hasMatchedOption("--seed") && !seedsSde))) {
            throw new IllegalArgumentException("--noise cannot be combined with --samples or --seed");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be positive, got " + samples);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be positive, got " + steps);
        }
        if (order < 1 || order > 4) {
            throw new IllegalArgumentException("--order must be 1, 2, 3 or 4, got " + order);
        }
        checkSigmaOptions(parsed);
        finite("--t-start", tStart);
        finite("--t-end", tEnd);
        finite("--atol", atol);
        finite("--rtol", rtol);
        finite("--h-init", hInit);
        finite("--theta", theta);
        finite("--t-err", tErr);
        finite("--thresholding-ratio", thresholdingRatio);
        finite("--thresholding-max", thresholdingMax);
        if ((parsed.hasMatchedOption("--thresholding-ratio") || parsed.hasMatchedOption("--thresholding-max"))
                && !thresholding) {
            throw new IllegalArgumentException((parsed.hasMatchedOption("--thresholding-ratio")
                    ? "--thresholding-ratio" : "--thresholding-max") + " needs --thresholding");
        }
        if (!(thresholdingRatio >= 0 && thresholdingRatio <= 1)) {
            throw new IllegalArgumentException("--thresholding-ratio must be in [0, 1], got " + thresholdingRatio);
        }
        if (!(thresholdingMax > 0)) {
            throw new IllegalArgumentException("--thresholding-max must be positive, got " + thresholdingMax);
        }
        if (method == SamplingMethod.ADAPTIVE) {
            positive("--atol", atol);
            positive("--rtol", rtol);
            positive("--h-init", hInit);
            positive("--t-err", tErr);
            if (!(theta > 0 && theta <= 1)) {
                throw new IllegalArgumentException("--theta must be in (0, 1], got " + theta);
            }
        }
        NoiseSchedule s = schedule();
        double from = tStart != null ? tStart : s.tMax();
        double to = tEnd != null ? tEnd : s.tMin();
        if (tStart != null && !(tStart > 0 && tStart <= s.tMax())) {
            throw new IllegalArgumentException("--t-start must be in (0, " + s.tMax() + "] for this schedule, got "
                    + tStart);
        }
        if (tEnd != null && !(tEnd > 0 && tEnd <= s.tMax())) {
            throw new IllegalArgumentException("--t-end must be in (0, " + s.tMax() + "] for this schedule, got "
                    + tEnd);
        }
        if (!(to < from)) {
            throw new IllegalArgumentException("--t-end (" + to + ") must be smaller than --t-start (" + from
                    + "): sampling runs from noise at t-start down to t-end");
        }
    }

    private static void finite(String option, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(option + " must be a finite number, got " + value);
        }
    }

    private static void positive(String option, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
    }

    private NoiseSchedule schedule() {
        return switch (schedule) {
            case DISCRETE_LINEAR -> DiscreteSchedule.linear(1e-4, 0.02, 1000);
            case DISCRETE_COSINE -> DiscreteSchedule.cosine(1000);
            case LINEAR -> new LinearSchedule(0.1, 20);
            case COSINE -> new CosineSchedule();
            case VE -> new VeSchedule();
            case FLOW -> new FlowSchedule();
        };
    }

    /**
     * The standard deviation of the drawn noise: 1 on VP schedules (the reference's
     * \( x_T \sim N(0, I) \)); otherwise \( \sqrt{\alpha_T^2 + \sigma_T^2} \), that of the marginal
     * of unit-variance data at the start time (\(\sigma_{\max}\) to 4 digits on VE, as k-diffusion
     * scales its noise; about 1 on flow).
     */
    private double priorScale(NoiseSchedule s) {
        if (s.isVariancePreserving()) {
            return 1;
        }
        double from = tStart != null ? tStart : s.tMax();
        if (sigmas != null && sigmaSpacing() == null) {
            // A sigma list starts at its first value: sigma/alpha = e^(-lambda).
            from = s.inverseLambda(-Math.log(parseList(sigmas, "--sigmas")[0]));
        }
        return Math.hypot(s.alpha(from), s.sigma(from));
    }

    /** {@code --sigmas}, {@code --rho} and {@code --flow-shift}, checked before anything runs. */
    private void checkSigmaOptions(CommandLine.ParseResult parsed) {
        SkipType named = sigmaSpacing();
        if (sigmas != null && parsed.hasMatchedOption("--skip-type")) {
            throw new IllegalArgumentException("--sigmas and --skip-type both set the time grid; choose one");
        }
        if (rho != null && named != SkipType.KARRAS && named != SkipType.POLYEXPONENTIAL) {
            throw new IllegalArgumentException("--rho needs --sigmas karras or polyexponential");
        }
        if (flowShift != null && named != SkipType.FLOW) {
            throw new IllegalArgumentException("--flow-shift needs --sigmas flow");
        }
        if (rho != null && !(rho > 0 && rho < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--rho must be positive and finite, got " + rho);
        }
        if (flowShift != null && !(flowShift > 0 && flowShift < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("--flow-shift must be positive and finite, got " + flowShift);
        }
        if (sigmas != null && named == null) {
            if (tStart != null || tEnd != null) {
                throw new IllegalArgumentException("a --sigmas list fixes the grid from its first to its last value; "
                        + "drop " + (tStart != null ? "--t-start" : "--t-end"));
            }
            double[] list = parseList(sigmas, "--sigmas");
            if (list.length < 2) {
                throw new IllegalArgumentException("--sigmas needs a spacing name or at least 2 values, got '" + sigmas
                        + "'");
            }
            for (int i = 0; i < list.length; i++) {
                if (!(list[i] > 0)) {
                    throw new IllegalArgumentException("--sigmas value " + (i + 1) + " is " + list[i]
                            + ", must be positive");
                }
                if (i > 0 && !(list[i] < list[i - 1])) {
                    throw new IllegalArgumentException("--sigmas must decrease: value " + (i + 1) + " is " + list[i]
                            + " after " + list[i - 1]);
                }
            }
        }
    }

    /**
     * @return the spacing {@code --sigmas} names; without {@code --sigmas} or {@code --skip-type},
     *     the practitioners' default of the VE and flow schedules (karras as in EDM, flow as in
     *     diffusers and Sana: uniform time spends nearly every step at high noise on VE); else
     *     {@code null} (a list of values, or {@code --skip-type})
     */
    private SkipType sigmaSpacing() {
        if (sigmas == null && !spec.commandLine().getParseResult().hasMatchedOption("--skip-type")) {
            return schedule == Choices.Schedule.VE ? SkipType.KARRAS
                    : schedule == Choices.Schedule.FLOW ? SkipType.FLOW : null;
        }
        if (sigmas == null || !Character.isLetter(sigmas.strip().isEmpty() ? '0' : sigmas.strip().charAt(0))) {
            return null;
        }
        try {
            return new Choices.Sigmas().convert(sigmas.strip());
        } catch (CommandLine.TypeConversionException e) {
            throw new IllegalArgumentException("--sigmas: " + e.getMessage() + ", or a comma list of values", e);
        }
    }

    /** Applies {@code --sigmas}, {@code --rho} and {@code --flow-shift} to the options. */
    private void spacing(SampleOptions options) {
        SkipType named = sigmaSpacing();
        if (named != null) {
            options.skipType(named);
        } else if (sigmas != null) {
            options.sigmas(parseList(sigmas, "--sigmas"));
        }
        if (rho != null) {
            options.rho(rho);
        }
        if (flowShift != null) {
            options.flowShift(flowShift);
        }
    }

    private Model model(NoiseSchedule s) {
        if (gmm != null) {
            String text = CliFiles.readText(gmm, "--gmm");
            MixtureSpec m;
            try {
                m = MixtureSpec.fromJson(Json.parse(text));
                // Build the model once here so that its range errors name the file; the factory then cannot fail.
                m.model(s, ModelTimeMap.CONTINUOUS);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--gmm file '" + gmm + "': " + e.getMessage(), e);
            }
            return new Model(() -> {
                GaussianMixtureModel g = m.model(s, ModelTimeMap.CONTINUOUS);
                return g::noise;
            }, m.dimension(), "Gaussian mixture, K = " + m.components(), m);
        }
        double[] mu = parseList(mean, "--mean");
        double[] sd = parseList(std, "--std");
        if (mu.length != sd.length) {
            throw new IllegalArgumentException("--mean has " + mu.length + " values and --std " + sd.length
                    + "; they must have the same length");
        }
        double limit = GaussianDataModel.MAX_MAGNITUDE;
        for (int i = 0; i < sd.length; i++) {
            if (!(sd[i] > 0 && sd[i] <= limit)) {
                throw new IllegalArgumentException("--std value " + (i + 1) + " is " + sd[i] + ", must be in (0, "
                        + limit + "]");
            }
            if (!(Math.abs(mu[i]) <= limit)) {
                throw new IllegalArgumentException("--mean value " + (i + 1) + " is " + mu[i] + ", its magnitude must be"
                        + " at most " + limit);
            }
        }
        return new Model(() -> {
            GaussianDataModel g = new GaussianDataModel(mu, sd, s, ModelTimeMap.CONTINUOUS);
            return g::noise;
        }, mu.length, "Gaussian", new MixtureSpec(new double[] {1}, new double[][] {mu}, new double[][] {sd}));
    }

    private static double[] widen(float[] values) {
        double[] wide = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            wide[i] = values[i];
        }
        return wide;
    }

    private String plotTitle(OnnxSource network) {
        return (network != null ? this.network.file.getFileName() : gmm != null ? gmm.getFileName() : "Gaussian")
                + ": " + new Choices.Algorithms().nameOf(algorithm) + " " + new Choices.Methods().nameOf(method)
                + " order " + order + ", " + steps + " steps"
                + (this.network.guidanceScale != null ? ", guidance " + this.network.guidanceScale : "");
    }

    static double[] parseList(String text, String option) {
        String[] parts = text.split(",", -1);
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = CliFiles.parseFinite(parts[i].strip(), option + " value " + (i + 1));
        }
        return values;
    }

    /** A writer that fails after a number of lines, to test that failed writes leave nothing behind. */
    private static Writer failingAfter(Writer w, int rows) {
        return new FilterWriter(w) {
            private int lines;

            @Override
            public void write(String str, int off, int len) throws IOException {
                super.write(str, off, len);
                for (int i = off; i < off + len; i++) {
                    if (str.charAt(i) == '\n' && ++lines >= rows) {
                        throw new IOException("simulated failure after " + rows + " rows");
                    }
                }
            }

            @Override
            public void write(String str) throws IOException {
                write(str, 0, str.length());
            }
        };
    }
}
