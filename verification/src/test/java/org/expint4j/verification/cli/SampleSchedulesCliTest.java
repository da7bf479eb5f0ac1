package org.expint4j.verification.cli;

import static org.expint4j.verification.cli.ExpintCliTest.assertUsageError;
import static org.expint4j.verification.cli.ExpintCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.FlowSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.schedule.VeSchedule;
import org.expint4j.verification.cli.ExpintCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expint sample} on the VE and flow schedules with the σ-spacings and user σ grids
 * ({@code --schedule ve|flow}, {@code --sigmas}, {@code --rho}, {@code --flow-shift}): runs follow
 * the closed-form solution of Gaussian data, drawn noise has the prior's scale, bad values give one
 * line naming the value and exit code 2.
 */
class SampleSchedulesCliTest {

    @TempDir
    static Path dir;

    private static final double[] MEAN = {0.5, -1, 2};
    private static final double[] STD = {0.1, 1, 0.3};

    /** Unit noise scaled to the prior of {@code s} at its start, written as the --noise file. */
    private static double[] noiseFile(NoiseSchedule s, Path file) throws IOException {
        double[] unit = {0.3, -1.2, 0.8, -0.5, 0.1, 1.7};
        double scale = Math.hypot(s.alpha(s.tMax()), s.sigma(s.tMax()));
        double[] xT = new double[unit.length];
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < unit.length; i++) {
            xT[i] = scale * unit[i];
            csv.append(xT[i]).append(i % 3 == 2 ? "\n" : ",");
        }
        Files.writeString(file, csv);
        return xT;
    }

    /**
     * Third-order multistep (120 steps unless given) on each grid, against the closed form. The
     * tolerance (last entry of each run) is about 4 times the error measured when this test was
     * written, so that a regression of the order shows while a wrong schedule, grid or noise scale
     * misses by \(O(1)\). Measured: VE Karras 6.7e-5, polyexponential 4.7e-5, exponential 3.7e-6;
     * flow uniform 1.0e-4 and shifted by 3 2.6e-3 at 480 steps (uniform flow time spends few steps
     * in \(\lambda\) near the data, and SD3's shift fewer still), logSNR 1.1e-5.
     */
    @Test
    void veAndFlowRunsFollowTheExactSolution() throws IOException {
        String[][] runs = {
            {"ve", "--sigmas", "karras", "--rho", "7", "3e-4"},
            {"ve", "--sigmas", "polyexponential", "--rho", "1.5", "2e-4"},
            {"ve", "--sigmas", "exponential", "2e-5"},
            {"flow", "--sigmas", "flow", "--flow-shift", "3", "--steps", "480", "1e-2"},
            {"flow", "--sigmas", "flow", "--steps", "480", "5e-4"},
            {"flow", "--skip-type", "logSNR", "5e-5"},
        };
        for (String[] run : runs) {
            NoiseSchedule s = run[0].equals("ve") ? new VeSchedule() : new FlowSchedule();
            Path noise = dir.resolve("noise-" + run[0] + ".csv");
            double[] xT = noiseFile(s, noise);
            Path out = dir.resolve("x-" + String.join("-", run) + ".csv");
            double tolerance = Double.parseDouble(run[run.length - 1]);
            String[] args = new String[run.length - 2];
            System.arraycopy(run, 1, args, 0, args.length);
            java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("sample", "--gaussian", "--mean",
                    "0.5,-1,2", "--std", "0.1,1,0.3", "--noise", noise.toString(), "--schedule", run[0], "--order", "3", "--warmup", "singlestep", "--multistep3", "exact",
                    "--out", out.toString()));
            all.addAll(java.util.List.of(args));
            if (!all.contains("--steps")) {
                all.addAll(java.util.List.of("--steps", "120"));
            }
            Result r = run(all.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", run) + ": " + r.err());
            double[] x = CliFiles.readSamples(out, "--out", 3).values();
            double[] exact = new double[6];
            new GaussianDataModel(MEAN, STD, s, ModelTimeMap.CONTINUOUS).exactSolution(xT, s.tMax(), s.tMin(), exact);
            double err = 0;
            for (int i = 0; i < 6; i++) {
                err = Math.max(err, Math.abs(exact[i] - x[i]));
            }
            System.out.printf("%s: max error %.3e%n", String.join(" ", run), err);
            for (int i = 0; i < 6; i++) {
                assertEquals(exact[i], x[i], tolerance, String.join(" ", run) + ", component " + i);
            }
        }
        // A user grid of sigma values on VE (10 steps: second order is enough to land near).
        Path noise = dir.resolve("noise-ve.csv");
        double[] xT = noiseFile(new VeSchedule(), noise);
        Path out = dir.resolve("x-ve-user.csv");
        Result r = run("sample", "--gaussian", "--mean", "0.5,-1,2", "--std", "0.1,1,0.3", "--noise", noise.toString(),
                "--schedule", "ve", "--sigmas", "80,30,10,4,1.5,0.6,0.25,0.1,0.04,0.01,0.002", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("user sigmas") && r.out().contains("NFE 10"), r.out());
        double[] x = CliFiles.readSamples(out, "--out", 3).values();
        double[] exact = new double[6];
        new GaussianDataModel(MEAN, STD, new VeSchedule(), ModelTimeMap.CONTINUOUS).exactSolution(xT, 80, 0.002, exact);
        for (int i = 0; i < 6; i++) {
            // Ten second-order steps: within a few percent of the data scale.
            assertEquals(exact[i], x[i], 0.05, "user sigmas, component " + i);
        }
    }

    /**
     * Drawn noise on VE has the prior's scale \( \sqrt{1 + \sigma_{\max}^2} \): the exact flow then
     * maps unit Gaussian data back to unit scale. The sample standard deviation of 4000 values has
     * a standard error of about 0.011; unscaled noise would give about 1/80.
     */
    /** ve and flow choose their practitioners' grids unless told otherwise. */
    @Test
    void veAndFlowDefaultToTheirSigmaSpacings() {
        Result ve = run("sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "2", "--schedule", "ve");
        assertTrue(ve.code() == 0 && ve.err().contains("karras sigmas, ve"), ve.err());
        Result flow = run("sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "2", "--schedule", "flow",
                "--flow-shift", "3");
        assertTrue(flow.code() == 0 && flow.err().contains("flow sigmas, flow"), flow.err());
        Result told = run("sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "2", "--schedule", "ve",
                "--skip-type", "logSNR");
        assertTrue(told.code() == 0 && told.err().contains("(logSNR, ve"), told.err());
    }

    @Test
    void drawnNoiseHasThePriorScale() throws IOException {
        Path out = dir.resolve("ve-drawn.csv");
        Result r = run("sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "4000", "--seed", "7",
                "--schedule", "ve", "--sigmas", "karras", "--steps", "20", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] x = CliFiles.readSamples(out, "--out", 1).values();
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        double std = Math.sqrt(sum / x.length);
        assertTrue(std > 0.95 && std < 1.05, "standard deviation " + std);
    }

    @Test
    void badScheduleAndSigmaValuesAreRefused() {
        String[] g = {"--gaussian", "--mean", "0", "--std", "1"};
        assertUsageError("'quadratic' is not one of discrete-linear, discrete-cosine, linear, cosine, ve, flow",
                "sample", g[0], g[1], g[2], g[3], g[4], "--schedule", "quadratic");
        assertUsageError("--sigmas: 'foo' is not one of karras, exponential, polyexponential, flow",
                "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas", "foo");
        assertUsageError("--rho must be positive and finite, got 0.0", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas", "karras",
                "--rho", "0");
        assertUsageError("--rho must be positive and finite, got -2.0", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas",
                "polyexponential", "--rho", "-2");
        assertUsageError("--rho needs --sigmas karras or polyexponential", "sample", g[0], g[1], g[2], g[3], g[4], "--rho", "3");
        assertUsageError("--flow-shift needs --sigmas flow", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas", "karras",
                "--flow-shift", "3");
        assertUsageError("--flow-shift must be positive and finite, got 0.0", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas",
                "flow", "--flow-shift", "0");
        assertUsageError("--sigmas and --skip-type both set the time grid", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas",
                "karras", "--skip-type", "logSNR");
        assertUsageError("--sigmas must decrease: value 2 is 90.0 after 80.0", "sample", g[0], g[1], g[2], g[3], g[4],
                "--schedule", "ve", "--sigmas", "80,90");
        assertUsageError("--sigmas value 2 is -1.0, must be positive", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas", "10,-1");
        assertUsageError("--sigmas value 2: 'x' is not a number", "sample", g[0], g[1], g[2], g[3], g[4], "--sigmas", "10,x");
        assertUsageError("a --sigmas list fixes the grid from its first to its last value; drop --t-start", "sample",
                g[0], g[1], g[2], g[3], g[4], "--sigmas", "10,1", "--t-start", "0.5");
        assertUsageError("--sigmas needs a spacing name or at least 2 values, got '3'", "sample", g[0], g[1], g[2], g[3], g[4],
                "--sigmas", "3");
        assertUsageError("sigmas[0] = 100.0 maps to time 100", "sample",
                g[0], g[1], g[2], g[3], g[4], "--schedule", "ve", "--sigmas", "100,1");
        assertUsageError("--t-start must be in (0, 0.999] for this schedule, got 1.0", "sample", g[0], g[1], g[2], g[3], g[4],
                "--schedule", "flow", "--t-start", "1");
    }
}
