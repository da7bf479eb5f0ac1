package org.expint4j.verification.cli;

import static org.expint4j.verification.cli.ExpintCliTest.assertOneLine;
import static org.expint4j.verification.cli.ExpintCliTest.assertUsageError;
import static org.expint4j.verification.cli.ExpintCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards of issue 19, in-process: failed writes to standard output, outputs that would
 * overwrite inputs or each other or escape their folder, output targets checked before the
 * work, runs that diverge, and sizes above the documented limits. Each case is refused with one
 * line and the right exit code, quickly, and leaves nothing behind.
 */
class CliGuardsTest {

    @TempDir
    static Path dir;

    static Path gmm;

    @BeforeAll
    static void files() throws IOException {
        gmm = dir.resolve("g.json");
        Files.writeString(gmm, "{\"weights\": [1], \"means\": [[0, 1]], \"stds\": [[0.5, 0.2]]}\n");
    }

    // ---------------------------------------------------------------- items 1-3: the sampler

    @Test
    void adaptiveOrder3FromT0016ToT0015SamplesAndLandsOnTEnd() {
        for (String[] c : new String[][] {{"3", "0.0016", "0.0015"}, {"2", "0.0011", "0.00105"}}) {
            ExpintCliTest.Result r = run("sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "4",
                    "--method", "adaptive", "--order", c[0], "--schedule", "linear", "--t-start", c[1], "--t-end", c[2]);
            assertEquals(0, r.code(), () -> String.join(" ", c) + "\n" + r.err());
            assertEquals(4, r.outLines().size(), r.out());
        }
    }

    @Test
    void tErr1e300IsRefusedNamingTheInterval() {
        assertUsageError("t_err = 1.0E300 must be smaller than the interval", "sample", "--gaussian", "--mean", "0",
                "--std", "1", "--samples", "4", "--method", "adaptive", "--t-err", "1e300");
    }

    @Test
    void hInit100IsClippedToTheInterval() {
        ExpintCliTest.Result r = run("sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "4",
                "--method", "adaptive", "--h-init", "100", "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void atol1e300AndRtol1e300AreRefusedAsUnresolvable() {
        assertUsageError("rtol = 1.0E-300 is below what double precision resolves", "sample", "--gaussian",
                "--mean", "0", "--std", "1", "--samples", "4", "--method", "adaptive", "--atol", "1e-300",
                "--rtol", "1e-300");
    }

    @Test
    void std1e300IsRefusedNamingTheOption() {
        assertUsageError("--std value 1 is 1.0E300", "sample", "--gaussian", "--mean", "0", "--std", "1e300",
                "--samples", "4");
        assertUsageError("--mean value 2 is 1.0E200", "sample", "--gaussian", "--mean", "0,1e200", "--std", "1,1",
                "--samples", "4");
    }

    @Test
    void mixtureWeights1e308Sample() throws IOException {
        Path heavy = dir.resolve("heavy.json");
        Files.writeString(heavy, "{\"weights\": [1e308, 1e308], \"means\": [[-1], [1]], \"stds\": [[0.5], [0.5]]}");
        ExpintCliTest.Result r = run("sample", "--gmm", heavy.toString(), "--samples", "3");
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.outLines().size(), r.out());
        for (String line : r.outLines()) {
            assertTrue(Double.isFinite(Double.parseDouble(line)), line);
        }
    }

    @Test
    void steps2147483647IsRefusedNamingTheLimit() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String method : List.of("multistep", "singlestep", "singlestep_fixed")) {
                assertUsageError("steps must be in [1, 1000000], got 2147483647", "sample", "--gaussian", "--mean",
                        "0", "--std", "1", "--samples", "4", "--method", method, "--steps", "2147483647");
            }
            assertUsageError("got 100000000", "sample", "--gaussian", "--mean", "0", "--std", "1", "--samples", "4",
                    "--steps", "100000000");
        });
    }

    // ---------------------------------------------------------------- item 4: standard output

    /** A stream like a full disk: every write fails. */
    private static final class FullStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    }

    private static ExpintCliTest.Result runWithFailingOut(String... args) {
        StringWriter err = new StringWriter();
        int code = Expint.execute(args, new PrintWriter(new FullStream(), true), new PrintWriter(err, true));
        return new ExpintCliTest.Result(code, "", err.toString());
    }

    @Test
    void samplesToAFailingStandardOutputExitWithOne() {
        ExpintCliTest.Result r = runWithFailingOut("sample", "--gmm", gmm.toString(), "--samples", "5", "--quiet");
        assertEquals(Expint.RUN_FAILURE, r.code(), r.err());
        assertOneLine(r.err(), "standard output could not be written");
    }

    @Test
    void aCommandWhoseStandardOutputFailsExitsWithOne() {
        ExpintCliTest.Result r = runWithFailingOut("methods");
        assertEquals(Expint.RUN_FAILURE, r.code(), r.err());
        assertOneLine(r.err(), "standard output could not be written");
    }

    // ---------------------------------------------------------------- item 6: paths

    @Test
    void outEqualToGmmInputIsRefused() throws IOException {
        // A copy: before the fix this run overwrote its input.
        Path input = Files.copy(gmm, dir.resolve("g-copy.json"));
        String before = Files.readString(input);
        assertUsageError("--out '" + input + "' is the input file --gmm '" + input + "'", "sample", "--gmm",
                input.toString(), "--samples", "3", "--out", input.toString());
        assertEquals(before, Files.readString(input));
    }

    @Test
    void outEqualToNoiseInputSpelledDifferentlyIsRefused() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("noise"));
        Path noise = sub.resolve("n.csv");
        Files.writeString(noise, "0.1,0.2\n0.3,0.4\n");
        Path sameFile = sub.resolve("..").resolve("noise").resolve(".").resolve("n.csv");
        Path link = Files.createSymbolicLink(dir.resolve("noise-link.csv"), noise);
        for (Path out : List.of(sameFile, link)) {
            assertUsageError("is the input file --noise '" + noise + "'", "sample", "--gmm", gmm.toString(),
                    "--noise", noise.toString(), "--out", out.toString());
        }
        assertEquals("0.1,0.2\n0.3,0.4\n", Files.readString(noise));
    }

    @Test
    void outWithATrailingSlashIsRefused() {
        Path newDir = dir.resolve("newdir");
        assertUsageError("'" + newDir + "/' names a directory; give a file name", "sample", "--gmm", gmm.toString(),
                "--samples", "3", "--out", newDir + "/");
        assertFalse(Files.exists(newDir));
    }

    @Test
    void solvePlotEqualToCsvIsRefused() {
        Path x = dir.resolve("solve-x");
        assertUsageError("--plot '" + x + "' and --csv '" + x + "' are the same file", "solve", "--problem", "burgers",
                "--h", "0.05", "--t-end", "0.5", "--plot", x.toString(), "--csv", x.toString());
        assertFalse(Files.exists(x));
    }

    @Test
    void dpmStudyNameEscapingTheOutFolderIsRefused() {
        Path out = dir.resolve("study");
        assertUsageError("--name '../escape' must be a plain file name", "dpm-study", "--out", out.toString(),
                "--name", "../escape");
        assertFalse(Files.exists(dir.resolve("escape.md")));
        assertFalse(Files.exists(out));
    }

    @Test
    void dpmStudyEmptyOrHiddenNameIsRefused() {
        Path out = dir.resolve("study");
        assertUsageError("--name '' must be a plain file name", "dpm-study", "--out", out.toString(), "--name", "");
        assertUsageError("--name '.x' must be a plain file name", "dpm-study", "--out", out.toString(), "--name", ".x");
        assertFalse(Files.exists(out));
    }

    // ---------------------------------------------------------------- item 7: outputs checked first

    @Test
    void orderOutThatIsAFileIsRefusedBeforeTheStudy() throws IOException {
        Path file = Files.writeString(dir.resolve("order-file"), "x");
        // assertUsageError also asserts that nothing was printed: the table comes after the check.
        assertUsageError("--out '" + file + "' exists and is not a directory", "order", "--problem", "hochost",
                "--methods", "etd1", "--steps", "8,16", "--out", file.toString());
    }

    @Test
    void dpmStudyOutThatIsAFileIsRefusedBeforeTheStudy() throws IOException {
        Path file = Files.writeString(dir.resolve("study-file"), "x");
        // One line: the study's progress lines would come first if it ran.
        assertUsageError("--out '" + file + "' exists and is not a directory", "dpm-study", "--out", file.toString(),
                "--dimension", "2", "--batch", "8", "--nfe", "10", "--reference-steps", "50");
    }

    @Test
    void reportOutThatIsAFileIsRefusedBeforeTheStudies() throws IOException {
        Path file = Files.writeString(dir.resolve("docs-file"), "x");
        assertUsageError("--out '" + file + "' exists and is not a directory", "report", "--smoke", "--out",
                file.toString());
    }

    @Test
    void readOnlyOutIsNamedNotTheTemporaryFile() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only directories");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            ExpintCliTest.Result r = run("order", "--problem", "hochost", "--methods", "etd1", "--steps", "8,16",
                    "--out", locked.toString());
            assertEquals(Expint.USAGE_ERROR, r.code(), r.err());
            assertOneLine(r.err(), "--out '" + locked + "'");
            assertFalse(r.err().contains(".tmp"), r.err());
            assertEquals("", r.out());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anOrderStudyLeavesOnlyItsThreeFiles() throws IOException {
        Path out = dir.resolve("order-out");
        ExpintCliTest.Result r = run("order", "--problem", "hochost", "--methods", "etd1", "--steps", "8,16",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("order-hochost.csv", "order-hochost.png", "order-hochost.svg"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    // ---------------------------------------------------------------- item 8: failed runs, memory

    @Test
    void solveThatDivergesIsOneLineNamingStepTimeAndStage() {
        ExpintCliTest.Result r = run("solve", "--problem", "kdv", "--method", "etd1", "--h", "0.1", "--t-end", "10",
                "--plot", dir.resolve("kdv.png").toString(), "--csv", dir.resolve("kdv.csv").toString());
        assertEquals(Expint.RUN_FAILURE, r.code(), r.err());
        assertOneLine(r.err(), "at step 8, stage 0, t = 0.7");
        assertTrue(r.err().contains("smaller --h"), r.err());
        assertFalse(Files.exists(dir.resolve("kdv.png")));
    }

    @Test
    void adaptiveSampleOverItsTrialBudgetIsOneLine() {
        // rtol at its floor (1e-13) is resolvable, but needs more trials than the budget over [1e-3, 1].
        ExpintCliTest.Result r = run("sample", "--gmm", gmm.toString(), "--samples", "2", "--method", "adaptive",
                "--atol", "1e-300", "--rtol", "1e-13", "--quiet");
        assertEquals(Expint.RUN_FAILURE, r.code(), r.err());
        assertOneLine(r.err(), "trial steps");
        assertTrue(r.err().contains("--atol"), r.err());
    }

    @Test
    void dpmStudyBatchOrDimensionBeyondTheHeapIsRefusedBeforeWork() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertUsageError("--batch 2000000000", "dpm-study", "--out", dir.resolve("big").toString(), "--batch",
                    "2000000000");
            assertUsageError("--dimension 100000000", "dpm-study", "--out", dir.resolve("big").toString(),
                    "--dimension", "100000000");
        });
        assertFalse(Files.exists(dir.resolve("big")));
    }

    // ---------------------------------------------------------------- item 9: limits

    @Test
    void orderNMaxAboveTheLimitIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertUsageError(
                "--n-max 2147483647 is above the limit of 1048576 steps", "order", "--problem", "hochost",
                "--methods", "etd1", "--n-max", "2147483647", "--out", dir.resolve("o").toString()));
    }

    @Test
    void orderStepsAboveTheLimitIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertUsageError(
                "--steps 1000000000 is above the limit of 1048576 steps", "order", "--problem", "hochost",
                "--methods", "etd1", "--steps", "8,1000000000", "--out", dir.resolve("o").toString()));
    }

    @Test
    void solveWithMoreStepsThanTheLimitIsRefused() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertUsageError(
                "--t-end / --h = 1.5e+09 steps, above the limit of 10000000", "solve", "--problem", "ks",
                "--h", "1e-7", "--t-end", "150", "--plot", dir.resolve("s.png").toString(), "--csv",
                dir.resolve("s.csv").toString()));
    }

    @Test
    void benchThreadsAboveTheLimitIsRefused() {
        int limit = 4 * Runtime.getRuntime().availableProcessors();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertUsageError(
                "--threads 10000 is above the limit of " + limit, "bench", "--quick", "--sections", "fusion",
                "--threads", "10000"));
    }
}
