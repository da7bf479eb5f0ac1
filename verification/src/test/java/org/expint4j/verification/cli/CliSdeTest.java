package org.expint4j.verification.cli;

import static org.expint4j.verification.cli.ExpintCliTest.assertUsageError;
import static org.expint4j.verification.cli.ExpintCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expint4j.verification.cli.ExpintCliTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expint sample --sde}: runs, reproducibility from --seed, and one-line errors with exit code 2. */
class CliSdeTest {

    @TempDir
    Path dir;

    private static final String[] GAUSSIAN = {"sample", "--gaussian", "--mean", "0.5,-1", "--std", "0.3,1",
        "--schedule", "linear", "--backend", "cpu", "--quiet"};

    private static Result sample(String... more) {
        return run(args(more));
    }

    @Test
    void sdeSamplesAreReproducibleAndDependOnTheSeedAndTheNoise() {
        Result a = sample("--samples", "4", "--seed", "3", "--sde", "--steps", "15");
        assertEquals(0, a.code(), a.err());
        assertEquals(4, a.outLines().size());
        assertEquals(a.out(), sample("--samples", "4", "--seed", "3", "--sde", "--steps", "15").out(), "reproducible");
        // the first samples of a larger batch are the same samples
        Result more = sample("--samples", "6", "--seed", "3", "--sde", "--steps", "15");
        assertEquals(a.outLines(), more.outLines().subList(0, 4));
        assertNotEquals(a.out(), sample("--samples", "4", "--seed", "4", "--sde", "--steps", "15").out());
        assertNotEquals(a.out(), sample("--samples", "4", "--seed", "3", "--sde", "--sde-noise", "gaussian",
                "--steps", "15").out());
        Result ode = sample("--samples", "4", "--seed", "3", "--steps", "15");
        assertNotEquals(a.out(), ode.out(), "SDE differs from the ODE");
        assertEquals(ode.out(), sample("--samples", "4", "--seed", "3", "--steps", "15", "--eta", "0").out(),
                "eta 0 is the ODE");
        for (String[] variant : List.of(new String[] {"--order", "1"}, new String[] {"--solver-type", "taylor"},
                new String[] {"--order", "3", "--eta", "0.5", "--s-noise", "0.9"})) {
            String[] args = new String[variant.length + 5];
            System.arraycopy(new String[] {"--samples", "3", "--sde", "--steps", "12"}, 0, args, 0, 5);
            System.arraycopy(variant, 0, args, 5, variant.length);
            Result r = sample(args);
            assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
            assertEquals(3, r.outLines().size());
        }
    }

    @Test
    void theSummaryNamesTheSdeAndNoiseFileAndSeedCombine() throws IOException {
        Path noise = dir.resolve("noise.csv");
        Files.writeString(noise, "0.3,-1.2\n-0.5,0.1\n");
        Path out = dir.resolve("x.csv");
        Result r = run("sample", "--gaussian", "--mean", "0.5,-1", "--std", "0.3,1", "--schedule", "linear",
                "--backend", "cpu", "--noise", noise.toString(), "--seed", "9", "--sde", "--eta", "0.7",
                "--sde-noise", "gaussian", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("SDE eta 0.7 (gaussian noise, seed 9)"), r.out());
        assertEquals(2, Files.readAllLines(out).size());
    }

    @Test
    void badSdeOptionsAreOneLineWithExitCodeTwo() {
        assertUsageError("--eta must be >= 0, got -1.0", args("--eta", "-1"));
        assertUsageError("--eta must be a finite number, got NaN", args("--eta", "NaN"));
        assertUsageError("--s-noise must be >= 0, got -0.5", args("--sde", "--s-noise", "-0.5"));
        assertUsageError("'pink' is not one of brownian-tree, gaussian", args("--sde", "--sde-noise", "pink"));
        assertUsageError("--sde-noise needs --sde or --eta > 0", args("--sde-noise", "gaussian"));
        assertUsageError("--sde needs --method multistep, not singlestep", args("--sde", "--method", "singlestep"));
        assertUsageError("--sde needs --method multistep, not adaptive", args("--eta", "0.5", "--method", "adaptive"));
        assertUsageError("--sde needs --algorithm-type dpmsolver++ (data prediction), not dpmsolver",
                args("--sde", "--algorithm-type", "dpmsolver"));
        assertUsageError("--sde needs --warmup lower-order, not singlestep",
                args("--sde", "--order", "3", "--warmup", "singlestep"));
    }

    private static String[] args(String... more) {
        String[] args = new String[GAUSSIAN.length + more.length];
        System.arraycopy(GAUSSIAN, 0, args, 0, GAUSSIAN.length);
        System.arraycopy(more, 0, args, GAUSSIAN.length, more.length);
        return args;
    }
}
