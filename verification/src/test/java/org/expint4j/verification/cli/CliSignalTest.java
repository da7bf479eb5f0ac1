package org.expint4j.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT in the middle of writing leave neither a temporary file nor a partial set
 * of outputs: {@code sample --out} is stopped while its temporary file grows, {@code report}
 * after some of its results are staged. Each run alternates the signal; the number of runs is
 * {@code -Dexpint4j.signalRuns=N} (2 by default, to keep the build fast; run 10 to check it holds).
 */
class CliSignalTest {

    private static final int RUNS = Integer.getInteger("expint4j.signalRuns", 2);

    @TempDir
    Path dir;

    @Test
    void signalsDuringWritesLeaveNoTemporaryFileNorPartialOutput() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux"), "signals need Linux");
        assumeFalse(sigintIgnored(), "SIGINT is ignored in this process, and so in its children");
        Path gmm = dir.resolve("g.json");
        // 50 dimensions and 40000 samples: a 40 MB CSV, long enough to be caught while it is written.
        StringBuilder mean = new StringBuilder();
        StringBuilder std = new StringBuilder();
        for (int j = 0; j < 50; j++) {
            mean.append(j == 0 ? "" : ", ").append(j % 3 - 1);
            std.append(j == 0 ? "" : ", ").append(0.5);
        }
        Files.writeString(gmm, "{\"weights\": [1], \"means\": [[" + mean + "]], \"stds\": [[" + std + "]]}");
        for (int run = 0; run < RUNS; run++) {
            boolean term = run % 2 == 0;
            interruptSample(gmm, dir.resolve("sample-" + run), term, run);
            if (run % 2 == 0) {
                interruptReport(dir.resolve("report-" + run), run % 4 == 0, run);
            }
        }
        System.out.printf("signal test: %d runs of sample and %d of report interrupted, no temporary file left%n",
                RUNS, (RUNS + 1) / 2);
    }

    private static void interruptSample(Path gmm, Path folder, boolean term, int run) throws Exception {
        Files.createDirectories(folder);
        Path out = folder.resolve("big.csv");
        Files.writeString(out, "old\n");
        Process p = ChildCli.start(List.of("-Xmx1g"), new File("/dev/null"), folder.resolve("err.txt").toFile(),
                "sample", "--gmm", gmm.toString(), "--samples", "40000", "--steps", "2", "--order", "1", "--quiet",
                "--backend", "cpu", "--out", out.toString());
        String what = "run " + run + ", sample, " + (term ? "SIGTERM" : "SIGINT");
        awaitTemporaryFile(p, folder, what);
        signal(p, term);
        assertEquals(term ? 143 : 130, exitCode(p, what), what + ": " + Files.readString(folder.resolve("err.txt")));
        Files.delete(folder.resolve("err.txt"));
        assertEquals(List.of("big.csv"), names(folder), what + ": only the old output is left");
        assertEquals("old\n", Files.readString(out), what);
    }

    private static void interruptReport(Path docs, boolean term, int run) throws Exception {
        Path results = Files.createDirectories(docs.resolve("results"));
        Files.writeString(docs.resolve("verification.md"), "old page\n");
        Files.writeString(results.resolve("old.md"), "old result\n");
        File err = docs.getParent().resolve("report-err-" + run + ".txt").toFile();
        Process p = ChildCli.start(List.of(), new File("/dev/null"), err, "report", "--smoke", "--quiet", "--out",
                docs.toString());
        String what = "run " + run + ", report, " + (term ? "SIGTERM" : "SIGINT");
        // Some results are staged: the moment the old command left new results beside the old page.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stagedFiles(results) == 0) {
            assertTrue(p.isAlive(), what + ": ended before any result was staged: " + Files.readString(err.toPath()));
            assertTrue(System.nanoTime() < deadline, what + ": no staged result within 120 s");
            Thread.sleep(5);
        }
        signal(p, term);
        assertEquals(term ? 143 : 130, exitCode(p, what), what + ": " + Files.readString(err.toPath()));
        assertEquals(List.of("results", "verification.md"), names(docs), what);
        assertEquals(List.of("old.md"), names(results), what);
        assertEquals("old page\n", Files.readString(docs.resolve("verification.md")), what);
    }

    /** Waits until a temporary file is being written under the folder. */
    private static void awaitTemporaryFile(Process p, Path folder, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try (Stream<Path> walk = Files.walk(folder)) {
                if (walk.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(f))) {
                    return;
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // A staged file renamed while walked: look again.
            }
            assertTrue(p.isAlive(), what + ": ended before its temporary file was seen");
            assertTrue(System.nanoTime() < deadline, what + ": no temporary file within 120 s");
            Thread.sleep(2);
        }
    }

    private static long stagedFiles(Path results) {
        try (Stream<Path> walk = Files.walk(results)) {
            return walk.filter(f -> f.getParent().getFileName().toString().startsWith(".expint-")
                    && Files.isRegularFile(f)).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void signal(Process p, boolean term) throws Exception {
        if (term) {
            p.destroy();
        } else {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor(), "kill -INT");
        }
    }

    private static int exitCode(Process p, String what) throws InterruptedException {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(what + ": did not end within 60 s of the signal");
        }
        return p.exitValue();
    }

    /** @return every entry of a folder, hidden ones included, sorted */
    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & 2) != 0;
            }
        }
        return false;
    }
}
