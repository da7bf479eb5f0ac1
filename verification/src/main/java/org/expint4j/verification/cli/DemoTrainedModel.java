package org.expint4j.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.model.onnx.ArrayType;
import org.expint4j.diffusion.model.onnx.OnnxDiffusionModel;
import org.expint4j.verification.dpm.SampleErrors;
import org.expint4j.verification.dpm.SlicedWasserstein;
import org.expint4j.verification.io.AtomicFiles;
import org.expint4j.verification.onnx.PinwheelData;
import org.expint4j.verification.onnx.PinwheelModel;
import org.expint4j.vector.DoubleVectorOps;

/**
 * The demo's trained-model section: the shipped pinwheel network (ONNX, float32), every class in
 * turn with classifier-free guidance, sampled by DDIM and DPM-Solver++(2M/3M/4M) at 10 and 20
 * NFE from the same noise, against a 1000-step solution of the same guided ODE (per-sample
 * error) and held-out data of the same classes (sliced Wasserstein-2). Unlike the mixtures,
 * nobody knows this model's exact solution: the reference is the only yardstick of the error.
 */
final class DemoTrainedModel {

    /** The guidance scale of the section: 1, the conditional model, whose samples should match the data. */
    static final double GUIDANCE = 1.0;

    private static final int[] NFE = DemoCommand.TABLE_NFE;

    private record Solver(String name, Algorithm algorithm, int order) {
    }

    private static final List<Solver> SOLVERS = List.of(new Solver("DDIM", Algorithm.DPMSOLVER, 1),
            new Solver("DPM-Solver++(2M)", Algorithm.DPMSOLVER_PLUS_PLUS, 2),
            new Solver("DPM-Solver++(3M) exact", Algorithm.DPMSOLVER_PLUS_PLUS, 3),
            new Solver("DPM-Solver++(4M)", Algorithm.DPMSOLVER_PLUS_PLUS, 4));

    private final int samples;
    private final long seed;
    private final SkipType skip;
    private final List<double[]> panels = new ArrayList<>();
    private final List<String> titles = new ArrayList<>();
    private final StringBuilder csv = new StringBuilder("solver,nfe,median_error,rms_error,sw2,millis\n");
    private int[] labels;

    DemoTrainedModel(int samples, long seed, SkipType skip) {
        this.samples = samples;
        this.seed = seed;
        this.skip = skip;
    }

    /** @return the relative cost of the section, in model evaluations of the whole batch */
    static int evaluations() {
        int n = DemoCommand.REFERENCE_STEPS;
        for (int nfe : NFE) {
            n += SOLVERS.size() * nfe;
        }
        return n;
    }

    /**
     * Samples, scores and prints the table.
     *
     * @param out where the table goes
     * @param progress called with the share done
     */
    void run(PrintWriter out, java.util.function.DoubleConsumer progress) {
        try (OnnxDiffusionModel model = PinwheelModel.load(false)) {
            labels = new int[samples];
            for (int b = 0; b < samples; b++) {
                labels[b] = b % PinwheelData.CLASSES;
            }
            DoubleVectorOps ops = DoubleVectorOps.serial();
            ModelWrapper<double[]> wrapper = PinwheelModel.wrapper(model.conditional(ArrayType.DOUBLE, labels),
                    model.classifierFreeGuidance(ArrayType.DOUBLE, GUIDANCE, labels), ops);
            DpmSolver<double[]> ddim = new DpmSolver<>(wrapper::noise, PinwheelModel.SCHEDULE, ops, Algorithm.DPMSOLVER);
            DpmSolver<double[]> plus = new DpmSolver<>(wrapper::noise, PinwheelModel.SCHEDULE, ops,
                    Algorithm.DPMSOLVER_PLUS_PLUS);
            SplittableRandom random = new SplittableRandom(seed + 7);
            double[] noise = new double[2 * samples];
            for (int i = 0; i < noise.length; i++) {
                noise[i] = random.nextGaussian();
            }
            // Held-out data with the same classes as the samples, from a seed the training never saw.
            double[] data = heldOut(seed + 8);
            SlicedWasserstein target = new SlicedWasserstein(2, DemoCommand.PROJECTIONS, seed + 9);
            int total = evaluations();
            int[] done = {0};

            out.println();
            out.printf(Locale.ROOT, "A trained network (ONNX): the shipped pinwheel model, 5 classes in turn, "
                    + "classifier-free guidance %.1f%n", GUIDANCE);
            out.printf(Locale.ROOT, "schedule: VP linear (beta 0.1..20), t from 1 to 1e-3 on a %s grid; %d samples; "
                    + "error against a %d-step DPM-Solver++(3M) solution; SW2 to held-out data of the same classes%n",
                    DemoCommand.skipName(skip), samples, DemoCommand.REFERENCE_STEPS);
            double[] reference = noise.clone();
            long r0 = System.nanoTime();
            plus.addObserver((step, t, x, h, nfe) -> progress.accept((double) nfe / total));
            plus.sample(reference, new SampleOptions().steps(DemoCommand.REFERENCE_STEPS).order(3).skipType(skip)
                    .exactThirdOrderMultistep(true).warmup(SampleOptions.Warmup.SINGLESTEP).batchSize(samples));
            double referenceMillis = (System.nanoTime() - r0) * 1e-6;
            done[0] = DemoCommand.REFERENCE_STEPS;
            DpmSolver<double[]> quiet = new DpmSolver<>(wrapper::noise, PinwheelModel.SCHEDULE, ops,
                    Algorithm.DPMSOLVER_PLUS_PLUS);
            for (int nfe : NFE) {
                for (Solver s : SOLVERS) {
                    double[] x = noise.clone();
                    long s0 = System.nanoTime();
                    // The "3M exact" row: exact weights, no longer the library default.
                    (s.order() == 1 ? ddim : quiet).sample(x, new SampleOptions().steps(nfe).order(s.order())
                            .exactThirdOrderMultistep(true).skipType(skip).batchSize(samples));
                    double millis = (System.nanoTime() - s0) * 1e-6;
                    done[0] += nfe;
                    progress.accept((double) done[0] / total);
                    double[] errors = SampleErrors.perSample(x, reference, 2);
                    row(out, s.name(), nfe, SampleErrors.median(errors), SampleErrors.rms(errors),
                            target.distance(x, data), millis);
                    panels.add(x);
                    titles.add(s.name() + ", NFE " + nfe);
                }
                // A row per NFE, closed by the reference and then the data.
                panels.add(nfe == NFE[0] ? reference : data);
                titles.add(nfe == NFE[0] ? "reference, " + DemoCommand.REFERENCE_STEPS + " steps" : "held-out data");
            }
            row(out, "reference (3M)", DemoCommand.REFERENCE_STEPS, Double.NaN, Double.NaN,
                    target.distance(reference, data), referenceMillis);
            out.printf(Locale.ROOT, "%-10s %-22s %5s %12s %12s %9.4f%n", "pinwheel", "data vs data (floor)", "-",
                    "-", "-", target.distance(data, heldOut(seed + 10)));
            out.flush();
        }
    }

    /** Held-out data: for each sample a point of its class, from the seed. */
    private double[] heldOut(long s) {
        double[] other = new double[2 * samples];
        SplittableRandom random = new SplittableRandom(s);
        double[] one = new double[2];
        for (int b = 0; b < samples; b++) {
            PinwheelData.sample(random, 1, labels[b], one, null);
            other[2 * b] = one[0];
            other[2 * b + 1] = one[1];
        }
        return other;
    }

    private void row(PrintWriter out, String solver, int nfe, double median, double rms, double sw2, double millis) {
        out.printf(Locale.ROOT, "%-10s %-22s %5d %12s %12s %9.4f %9.1f%n", "pinwheel", solver, nfe,
                Double.isNaN(median) ? "-" : String.format(Locale.ROOT, "%.3e", median),
                Double.isNaN(rms) ? "-" : String.format(Locale.ROOT, "%.3e", rms), sw2, millis);
        csv.append(String.format(Locale.ROOT, "%s,%d,%s,%s,%.6g,%.1f%n", solver, nfe, median, rms, sw2, millis));
    }

    /** Writes the picture (one panel per solver and NFE, the reference, the data) and the table. */
    void write(Path folder, List<Path> written) throws IOException {
        Path picture = folder.resolve("trained-model.png");
        double[][] sets = panels.toArray(new double[0][]);
        SamplePlot.writePng(picture, SamplePlot.grid(sets, labels, titles.toArray(new String[0]), SOLVERS.size() + 1,
                SamplePlot.bounds(sets)));
        written.add(picture);
        Path table = folder.resolve("trained-model.csv");
        AtomicFiles.writeString(table, csv);
        written.add(table);
    }
}
