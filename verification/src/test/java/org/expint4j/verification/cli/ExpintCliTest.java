package org.expint4j.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.expint4j.cuda.CudaAvailability;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it, run in-process: every subcommand's happy path, and every
 * kind of bad input answered by one line on standard error and exit code 2 (no stack trace
 * unless {@code --debug}), with no partial output file left behind.
 */
class ExpintCliTest {

    private static final String MIXTURE = "{\"weights\": [0.3, 0.7],\n"
            + " \"means\": [[-1, 0.5], [1, -0.5]],\n"
            + " \"stds\": [[0.2, 0.3], [0.4, 0.25]]}\n";

    @TempDir
    static Path dir;

    static Path gmm;

    @BeforeAll
    static void files() throws IOException {
        System.setProperty("java.awt.headless", "true");
        gmm = dir.resolve("mixture.json");
        Files.writeString(gmm, MIXTURE);
    }

    /** What a run printed and returned. */
    record Result(int code, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Expint.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    // ---------------------------------------------------------------- happy paths

    @Test
    void versionAndHelpOfEverySubcommand() {
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("expint4j "), version.out());
        Result root = run("--help");
        assertEquals(0, root.code());
        for (String sub : List.of("demo", "sample", "order", "solve", "methods", "report", "dpm-study", "bench")) {
            assertTrue(root.out().contains(sub), "root help lists " + sub);
            Result help = run(sub, "--help");
            assertEquals(0, help.code(), sub);
            assertTrue(help.out().startsWith("Usage: expint " + sub), help.out());
            assertEquals("", help.err());
            assertEquals(0, run("help", sub).code());
        }
    }

    @Test
    void sampleHelpListsEveryReferenceKeyword() {
        String help = run("sample", "--help").out();
        for (String option : List.of("--steps", "--order", "--method", "--skip-type", "--algorithm-type",
                "--solver-type", "--lower-order-final", "--denoise-to-zero", "--t-start", "--t-end", "--atol", "--rtol",
                "--h-init", "--theta", "--t-err", "--thresholding", "--thresholding-ratio", "--thresholding-max",
                "--schedule", "--multistep3", "--warmup", "--precision", "--backend", "--gmm", "--gaussian", "--mean",
                "--std", "--noise", "--samples", "--seed", "--out")) {
            assertTrue(help.matches("(?s).*" + java.util.regex.Pattern.quote(option) + "[=\\[ ].*"), option);
        }
        assertFalse(help.contains("--x-test"), "test hooks are hidden");
    }

    @Test
    void methodsListsTheCatalogue() {
        Result r = run("methods");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("etdrk4") && r.out().contains("hochost4"), r.out());
    }

    @Test
    void demoPrintsTheTableAndWritesPlotsAndCsvs() throws IOException {
        Path out = dir.resolve("demo-out");
        Result r = run("demo", "--samples", "100", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        for (String solver : List.of("DDIM", "DPM-Solver-3 (fast)", "DPM-Solver++(2M)", "DPM-Solver++(3M) ref.",
                "DPM-Solver++(3M) exact", "DPM-Solver++(4M)", "UniPC-2 bh2", "UniPC-3 bh2", "DPM-Solver(4M) noise",
                "DPM-Solver++(2M) SDE")) {
            for (String data : List.of("2-D, K=6", "16-D, K=8")) {
                for (int nfe : new int[] {10, 20}) {
                    assertTrue(r.out().lines().anyMatch(l -> l.startsWith(data) && l.contains(solver + " ")
                            && l.contains(" " + nfe + " ")), data + " " + solver + " " + nfe + "\n" + r.out());
                }
            }
        }
        // The SDE row has no per-sample error ("-"), only SW2.
        assertTrue(r.out().lines().filter(l -> l.contains("DPM-Solver++(2M) SDE ")).allMatch(l -> l.contains(" - ")),
                r.out());
        // One recommendation per NFE of the table, naming an ODE sampler of the table.
        for (int nfe : DemoCommand.TABLE_NFE) {
            String line = r.out().lines().filter(l -> l.startsWith("most accurate at " + nfe + " NFE")).findFirst()
                    .orElseThrow(() -> new AssertionError("no recommendation at " + nfe + " NFE\n" + r.out()));
            assertTrue(DemoCommand.solvers(SkipType.LOGSNR, 0, 1).stream().filter(s -> !s.stochastic())
                    .anyMatch(s -> line.endsWith(": " + s.name())), line);
        }
        BufferedImage scatter = ImageIO.read(out.resolve("samples-2d.png").toFile());
        assertTrue(scatter.getWidth() > 1000 && scatter.getHeight() > 600);
        BufferedImage errors = ImageIO.read(out.resolve("error-vs-nfe.png").toFile());
        assertEquals(1280, errors.getWidth());
        List<String> table = Files.readAllLines(out.resolve("error-vs-nfe.csv"));
        assertEquals("data,solver,nfe,median_error,rms_error,sw2,time_ms", table.get(0));
        assertEquals(1 + 2 + 2 * DemoCommand.solvers(SkipType.LOGSNR, 0, 1).size() * DemoCommand.SWEEP_NFE.length,
                table.size());
        assertTrue(Files.readAllLines(out.resolve("samples-2d.csv")).size() > 1000);
        // The mixtures the demo wrote are valid input of `expint sample`.
        Result sample = run("sample", "--gmm", out.resolve("mixture-16d.json").toString(), "--samples", "3",
                "--steps", "10", "--quiet");
        assertEquals(0, sample.code(), sample.err());
        assertEquals(3, sample.outLines().size());
        assertEquals(16, sample.outLines().get(0).split(",").length);
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void sampleWritesTheCsvAndReportsTheNfe() throws IOException {
        Path out = dir.resolve("samples.csv");
        Result r = run("sample", "--gmm", gmm.toString(), "--samples", "50", "--seed", "4", "--steps", "15",
                "--order", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("50 samples of dimension 2") && r.out().contains("NFE 15"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(50, lines.size());
        // Without --out the samples go to standard output, identical, and the summary to standard error.
        Result stdout = run("sample", "--gmm", gmm.toString(), "--samples", "50", "--seed", "4", "--steps", "15",
                "--order", "3");
        assertEquals(lines, stdout.outLines());
        assertTrue(stdout.err().contains("NFE 15"), stdout.err());
        assertEquals("", run("sample", "--gmm", gmm.toString(), "--samples", "2", "--quiet").err());
    }

    @Test
    void sampleFollowsTheExactSolutionOfGaussianData() throws IOException {
        Path noise = dir.resolve("noise.csv");
        Files.writeString(noise, "0.3,-1.2,0.8\n-0.5,0.1,1.7\n");
        Path out = dir.resolve("gauss.csv");
        Result r = run("sample", "--gaussian", "--mean", "0.5,-1,2", "--std", "0.1, 1, 0.3", "--noise",
                noise.toString(), "--schedule", "linear", "--skip-type", "logSNR", "--steps", "120", "--order", "3",
                "--t-end", "1e-3", "--warmup", "singlestep", "--multistep3", "exact", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] x = CliFiles.readSamples(out, "--out", 3).values();
        double[] xT = {0.3, -1.2, 0.8, -0.5, 0.1, 1.7};
        double[] exact = new double[6];
        new GaussianDataModel(new double[] {0.5, -1, 2}, new double[] {0.1, 1, 0.3}, new LinearSchedule(),
                ModelTimeMap.CONTINUOUS).exactSolution(xT, 1, 1e-3, exact);
        for (int i = 0; i < 6; i++) {
            assertEquals(exact[i], x[i], 5e-6, "component " + i);
        }
        // float32 follows float64 to float rounding.
        Path out32 = dir.resolve("gauss32.csv");
        assertEquals(0, run("sample", "--gaussian", "--mean", "0.5,-1,2", "--std", "0.1,1,0.3", "--noise",
                noise.toString(), "--schedule", "linear", "--skip-type", "logSNR", "--steps", "120", "--order", "3",
                "--t-end", "1e-3", "--warmup", "singlestep", "--multistep3", "exact", "--precision", "float32",
                "--out", out32.toString()).code());
        double[] x32 = CliFiles.readSamples(out32, "--out", 3).values();
        for (int i = 0; i < 6; i++) {
            assertEquals(x[i], x32[i], 1e-4, "component " + i);
        }
        // Each value is printed as the shortest decimal of a float, which parses back to that float.
        for (String line : Files.readAllLines(out32)) {
            for (String field : line.split(",")) {
                assertEquals(field, Float.toString(Float.parseFloat(field)));
            }
        }
    }

    @Test
    void everyMethodAndOptionRuns() {
        String[][] variants = {
            {"--method", "singlestep", "--order", "3", "--skip-type", "time_quadratic"},
            {"--method", "singlestep_fixed", "--order", "2", "--solver-type", "taylor"},
            {"--method", "adaptive", "--order", "3", "--atol", "0.01", "--rtol", "0.05", "--h-init", "0.1",
                "--theta", "0.8", "--t-err", "1e-4"},
            {"--method", "multistep", "--order", "3", "--multistep3", "reference", "--warmup", "singlestep",
                "--lower-order-final=false", "--steps", "8"},
            {"--algorithm-type", "dpmsolver", "--schedule", "discrete-cosine", "--denoise-to-zero"},
            {"--thresholding", "--thresholding-ratio", "0.9", "--thresholding-max", "1.5", "--schedule", "cosine"},
            {"--lower-order-final", "--backend", "cpu", "--t-start", "0.9", "--t-end", "0.01"},
            {"--order", "4", "--steps", "12", "--backend", "auto", "--precision", "float32"},
        };
        for (String[] v : variants) {
            List<String> args = new ArrayList<>(List.of("sample", "--gmm", gmm.toString(), "--samples", "20"));
            args.addAll(List.of(v));
            Result r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", v) + ": " + r.err());
            assertEquals(20, r.outLines().size(), String.join(" ", v));
        }
        Result denoise = run("sample", "--gmm", gmm.toString(), "--samples", "5", "--denoise-to-zero");
        assertTrue(denoise.err().contains("NFE 21"), denoise.err());
        Result fixed = run("sample", "--gmm", gmm.toString(), "--samples", "5", "--method", "singlestep_fixed",
                "--order", "3", "--steps", "10");
        assertTrue(fixed.err().contains("NFE 9"), fixed.err());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void unknownOptionValuesAreRefused() {
        assertUsageError("'foo' is not one of multistep, singlestep, singlestep_fixed, adaptive",
                "sample", "--gmm", gmm.toString(), "--method", "foo");
        assertUsageError("'snr' is not one of logSNR, time_uniform, time_quadratic",
                "sample", "--gmm", gmm.toString(), "--skip-type", "snr");
        assertUsageError("'dpm' is not one of dpmsolver, dpmsolver++",
                "sample", "--gmm", gmm.toString(), "--algorithm-type", "dpm");
        assertUsageError("'heun' is not one of dpmsolver, taylor",
                "sample", "--gmm", gmm.toString(), "--solver-type", "heun");
        assertUsageError("'quadratic' is not one of discrete-linear, discrete-cosine, linear, cosine",
                "sample", "--gmm", gmm.toString(), "--schedule", "quadratic");
        assertUsageError("'double' is not one of float64, float32",
                "sample", "--gmm", gmm.toString(), "--precision", "double");
        assertUsageError("'gpu' is not one of auto, cpu, cuda",
                "sample", "--gmm", gmm.toString(), "--backend", "gpu");
        assertUsageError("'fast' is not one of exact, reference",
                "sample", "--gmm", gmm.toString(), "--multistep3", "fast");
        assertUsageError("'none' is not one of lower-order, singlestep",
                "sample", "--gmm", gmm.toString(), "--warmup", "none");
        assertUsageError("'maybe' is not a boolean",
                "sample", "--gmm", gmm.toString(), "--lower-order-final=maybe");
        assertUsageError("'x' is not a", "sample", "--gmm", gmm.toString(), "--steps", "x");
        assertUsageError("Unknown options: '--stpes'", "sample", "--gmm", gmm.toString(), "--stpes", "3");
        assertUsageError("'fast' is not one of logSNR", "demo", "--skip-type", "fast");
        assertUsageError("--order must be 1, 2, 3 or 4, got 5", "sample", "--gmm", gmm.toString(), "--order", "5");
        assertUsageError("multistep order 3 needs at least 3 steps, got 2",
                "sample", "--gmm", gmm.toString(), "--order", "3", "--steps", "2");
    }

    @Test
    void missingOrUnreadableFilesAreRefused() {
        Path none = dir.resolve("none.json");
        assertUsageError("--gmm file '" + none + "' does not exist", "sample", "--gmm", none.toString());
        assertUsageError("--gmm file '" + dir + "' is a directory", "sample", "--gmm", dir.toString());
        assertUsageError("--noise file '" + dir.resolve("none.csv") + "' does not exist",
                "sample", "--gmm", gmm.toString(), "--noise", dir.resolve("none.csv").toString());
    }

    @Test
    void malformedJsonIsNamedWithLineAndColumn() throws IOException {
        assertJsonError("{\"weights\": [0.3, 0.7],\n \"means\": [[-1, 0.5], [1, -0.5],],\n \"stds\": []}",
                "line 2, column 33: unexpected ']', expected a value");
        assertJsonError("{\"weights\": [NaN]}", "line 1, column 14: unexpected 'NaN', expected a value");
        assertJsonError("{\"weights\": [1e999], \"means\": [[0]], \"stds\": [[1]]}", "line 1, column 14: number "
                + "1e999 is too large");
        assertJsonError("{\"weights\": [1], \"means\": [[0]]}", "missing key \"stds\"");
        assertJsonError("{\"weights\": [1], \"means\": [[0]], \"stds\": [[1]], \"std\": 1}", "unknown key \"std\"");
        assertJsonError("{\"weights\": [1, \"a\"], \"means\": [[0], [1]], \"stds\": [[1], [1]]}",
                "weights[1]: expected a number, found the string \"a\"");
        assertJsonError("{\"weights\": [1, 1], \"means\": [[0, 1], [1]], \"stds\": [[1, 1], [1, 1]]}",
                "means[1] has 1 entries, means[0] has 2");
        assertJsonError("{\"weights\": [1, 1], \"means\": [[0], [1]], \"stds\": [[1], [-0.5]]}",
                "stds[1][0] = -0.5, must be positive");
        assertJsonError("{\"weights\": [1, 1], \"means\": [[0]], \"stds\": [[1], [1]]}",
                "weights, means and stds have 2, 1 and 2 components");
        assertJsonError("[1, 2]", "expected an object");
    }

    @Test
    void malformedCsvAndDimensionMismatchesAreNamedWithLine() throws IOException {
        Path bad = dir.resolve("bad-noise.csv");
        Files.writeString(bad, "0.1,0.2\n0.3,abc\n");
        assertUsageError("--noise file '" + bad + "' line 2, field 2: 'abc' is not a number",
                "sample", "--gmm", gmm.toString(), "--noise", bad.toString());
        Path wide = dir.resolve("wide-noise.csv");
        Files.writeString(wide, "0.1,0.2,0.3\n");
        assertUsageError("--noise file '" + wide + "' line 1: 3 values, expected 2 (the model's dimension)",
                "sample", "--gmm", gmm.toString(), "--noise", wide.toString());
        Path nan = dir.resolve("nan-noise.csv");
        Files.writeString(nan, "0.1,0.2\nNaN,0\n");
        assertUsageError("line 2, field 1: 'NaN' is not a number",
                "sample", "--gmm", gmm.toString(), "--noise", nan.toString());
        assertUsageError("--mean has 2 values and --std 3",
                "sample", "--gaussian", "--mean", "0,1", "--std", "1,1,1");
    }

    @Test
    void nonFiniteAndOutOfRangeNumbersAreRefused() {
        assertUsageError("--t-end must be a finite number, got NaN", "sample", "--gmm", gmm.toString(), "--t-end",
                "NaN");
        assertUsageError("--t-start must be a finite number, got Infinity", "sample", "--gmm", gmm.toString(),
                "--t-start", "Infinity");
        assertUsageError("--mean value 2: 'NaN' is not a number", "sample", "--gaussian", "--mean", "0,NaN", "--std",
                "1,1");
        assertUsageError("--std value 1 is -1.0, must be in (0, 1.0E150]", "sample", "--gaussian", "--mean", "0", "--std",
                "-1");
        assertUsageError("--steps must be positive, got 0", "sample", "--gmm", gmm.toString(), "--steps", "0");
        assertUsageError("--steps must be positive, got -3", "sample", "--gmm", gmm.toString(), "--steps", "-3");
        assertUsageError("--samples must be positive, got 0", "sample", "--gmm", gmm.toString(), "--samples", "0");
        assertUsageError("--samples 2000000000 is too large", "sample", "--gmm", gmm.toString(), "--samples",
                "2000000000");
        assertUsageError("--t-end (0.5) must be smaller than --t-start (0.5)", "sample", "--gmm", gmm.toString(),
                "--t-start", "0.5", "--t-end", "0.5");
        assertUsageError("--t-end (0.9) must be smaller than --t-start (0.4)", "sample", "--gmm", gmm.toString(),
                "--t-start", "0.4", "--t-end", "0.9");
        assertUsageError("--t-start must be in (0, 1.0]", "sample", "--gmm", gmm.toString(), "--t-start", "2");
        assertUsageError("--t-end must be in (0, 1.0]", "sample", "--gmm", gmm.toString(), "--t-end", "-0.1");
        assertUsageError("--theta must be in (0, 1], got 1.5", "sample", "--gmm", gmm.toString(), "--method",
                "adaptive", "--theta", "1.5");
        assertUsageError("--atol must be positive, got 0.0", "sample", "--gmm", gmm.toString(), "--method",
                "adaptive", "--atol", "0");
        assertUsageError("--thresholding-ratio must be in [0, 1], got 1.5", "sample", "--gmm", gmm.toString(),
                "--thresholding", "--thresholding-ratio", "1.5");
        assertUsageError("--samples must be between 10 and 1000000, got 5", "demo", "--samples", "5");
    }

    @Test
    void inconsistentOptionsAreRefused() {
        assertUsageError("no model: give --gmm FILE, --gaussian --mean M --std S or --onnx FILE", "sample");
        assertUsageError("--gmm, --gaussian and --onnx cannot be combined", "sample", "--gmm", gmm.toString(), "--gaussian");
        assertUsageError("--gaussian needs --mean and --std", "sample", "--gaussian", "--mean", "0");
        assertUsageError("--mean needs --gaussian", "sample", "--gmm", gmm.toString(), "--mean", "0");
        assertUsageError("--noise cannot be combined with --samples or --seed", "sample", "--gmm", gmm.toString(),
                "--noise", "x.csv", "--seed", "3");
        assertUsageError("--thresholding-ratio needs --thresholding", "sample", "--gmm", gmm.toString(),
                "--thresholding-ratio", "0.9");
        assertUsageError("--backend cuda cannot be combined with --thresholding, which runs on the CPU backend only",
                "sample", "--gmm", gmm.toString(), "--backend", "cuda", "--thresholding");
    }

    /** Without a working device: cuda is refused with the probe's reason, auto says why it used the CPU. */
    @Test
    void backendsWithoutADeviceSayWhy() {
        CudaAvailability probe = CudaAvailability.probe();
        assumeFalse(probe.isAvailable(), "a CUDA device is present");
        assertUsageError("--backend cuda: CUDA is unavailable: " + probe.reason(), "sample", "--gmm", gmm.toString(),
                "--backend", "cuda");
        Result auto = run("sample", "--gmm", gmm.toString(), "--samples", "3");
        assertEquals(0, auto.code(), auto.err());
        assertTrue(auto.err().contains(", cpu: CUDA unavailable: " + probe.reason() + ")"), auto.err());
        Result thresholded = run("sample", "--gmm", gmm.toString(), "--samples", "3", "--thresholding");
        assertTrue(thresholded.err().contains(", cpu: --thresholding runs on the CPU backend only)"),
                thresholded.err());
        Result cpu = run("sample", "--gmm", gmm.toString(), "--samples", "3", "--backend", "cpu");
        assertTrue(cpu.err().contains(", cpu)"), cpu.err());
    }

    @Test
    void unwritableOutputsAreRefusedBeforeSampling() throws IOException {
        Path missingDir = dir.resolve("no-such-dir").resolve("x.csv");
        assertUsageError("--out '" + missingDir + "' cannot be written: directory '" + missingDir.getParent()
                + "' does not exist", "sample", "--gmm", gmm.toString(), "--out", missingDir.toString());
        assertUsageError("--out '" + dir + "' is a directory", "sample", "--gmm", gmm.toString(), "--out",
                dir.toString());
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        assertUsageError("--out '" + file + "' exists and is not a directory", "demo", "--out", file.toString());
    }

    @Test
    void aRunThatFailsMidwayLeavesNoOutputBehind() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("midway"));
        Path out = sub.resolve("x.csv");
        Files.writeString(out, "previous\n");
        // The model turns non-finite below t = 0.5: the sampler stops, nothing is written.
        Result r = run("sample", "--gmm", gmm.toString(), "--samples", "10", "--steps", "10", "--out",
                out.toString(), "--x-test-nan-below-t", "0.5");
        assertEquals(Expint.RUN_FAILURE, r.code());
        assertOneLine(r.err(), "expint: sampling failed, nothing was written: N returned a non-finite value at step");
        assertEquals("previous\n", Files.readString(out));
        // The writer fails after 3 of 10 rows: no truncated file under either name.
        Path fresh = sub.resolve("y.csv");
        Result w = run("sample", "--gmm", gmm.toString(), "--samples", "10", "--out", fresh.toString(),
                "--x-test-fail-after-rows", "3");
        assertEquals(Expint.USAGE_ERROR, w.code());
        assertOneLine(w.err(), "expint: --out '" + fresh + "' cannot be written: simulated failure after 3 rows");
        assertFalse(Files.exists(fresh));
        Result keep = run("sample", "--gmm", gmm.toString(), "--samples", "10", "--out", out.toString(),
                "--x-test-fail-after-rows", "3");
        assertEquals(Expint.USAGE_ERROR, keep.code());
        assertEquals("previous\n", Files.readString(out));
        try (Stream<Path> files = Files.list(sub)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void debugAddsTheStackTrace() {
        Result plain = run("sample", "--gmm", dir.resolve("none.json").toString());
        assertFalse(plain.err().contains("\tat "));
        Result debug = run("--debug", "sample", "--gmm", dir.resolve("none.json").toString());
        assertEquals(Expint.USAGE_ERROR, debug.code());
        assertTrue(debug.err().contains("\tat "), debug.err());
        Result inherited = run("sample", "--debug", "--gmm", dir.resolve("none.json").toString());
        assertTrue(inherited.err().contains("\tat "), inherited.err());
    }

    @Test
    void orderStudyPrintsTheTableAndWritesItsFiles() throws IOException {
        Path out = Files.createTempDirectory(dir, "order");
        Result r = run("order", "--problem", "hochost", "--methods", "etd1,hochost4", "--n-min", "8", "--n-max", "32",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| hochost4 |") && r.out().contains("observed order"), r.out());
        for (String f : List.of("order-hochost.csv", "order-hochost.png", "order-hochost.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(run("order", "--list-problems").out().contains("diffusion-gaussian"));
    }

    @Test
    void solveWritesPictureAndFinalState() throws IOException {
        Path png = dir.resolve("burgers.png");
        Path csv = dir.resolve("burgers.csv");
        Result r = run("solve", "--problem", "burgers", "--method", "etdrk4", "--h", "0.05", "--t-end", "0.5",
                "--plot", png.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
        assertEquals("x,u", Files.readAllLines(csv).get(0));
        assertEquals(129, Files.readAllLines(csv).size());
    }

    @Test
    void reportAtSmokeScaleWritesTheVerificationPage() throws IOException {
        Path docs = Files.createTempDirectory(dir, "docs");
        Result r = run("report", "--smoke", "--quiet", "--out", docs.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(docs.resolve("verification.md")).startsWith("# Verification"));
    }

    @Test
    void benchPrintsItsTables() {
        Result r = run("bench", "--quick", "--sections", "fusion", "--reps", "3", "--max-log2n", "12");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Fused against unfused") && r.out().contains("./expint bench --quick"), r.out());
        assertUsageError("unknown --sections value 'gpu'", "bench", "--sections", "gpu");
    }

    @Test
    void orderSolveAndReportRejectBadInput() {
        assertUsageError("unknown problem 'zzz'", "order", "--problem", "zzz");
        assertUsageError("unknown method 'nope'", "order", "--problem", "hochost", "--methods", "nope");
        assertUsageError("unknown PDE problem 'hochost'", "solve", "--problem", "hochost", "--h", "1", "--t-end", "1");
        assertUsageError("--h must be positive", "solve", "--problem", "ks", "--h", "-1", "--t-end", "1");
        assertUsageError("--t-end must be positive", "solve", "--problem", "ks", "--h", "0.1", "--t-end", "NaN");
        assertUsageError("Missing required option", "solve", "--problem", "ks");
    }

    private static void assertJsonError(String json, String part) throws IOException {
        Path file = Files.createTempFile(dir, "bad", ".json");
        Files.writeString(file, json);
        assertUsageError("--gmm file '" + file + "': " + part, "sample", "--gmm", file.toString());
    }

    static void assertUsageError(String part, String... args) {
        Result r = run(args);
        assertEquals(Expint.USAGE_ERROR, r.code(), () -> String.join(" ", args) + "\n" + r.err());
        assertEquals("", r.out(), () -> String.join(" ", args));
        assertOneLine(r.err(), part);
    }

    static void assertOneLine(String err, String part) {
        String line = err.strip();
        assertFalse(line.contains("\n"), () -> "more than one line:\n" + err);
        assertTrue(line.startsWith("expint: "), line);
        assertTrue(line.contains(part), () -> "'" + line + "' lacks '" + part + "'");
    }
}
