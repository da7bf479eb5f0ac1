package org.expint4j.verification.cli;

import static org.expint4j.verification.cli.ExpintCliTest.assertUsageError;
import static org.expint4j.verification.cli.ExpintCliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.Sampler;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.method.UniPcCoefficients;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expint sample --sampler unipc|deis-tab|deis-rhoab|ipndm}: the library's samplers behind the flags, and their bad values. */
class UniPcCliTest {

    private static final double[] MEAN = {0.5, -1, 2};
    private static final double[] STD = {0.1, 1, 0.3};
    private static final double[] NOISE = {0.3, -1.2, 0.8, -0.5, 0.1, 1.7};

    @TempDir
    static Path dir;

    private static double[] sample(String... flags) throws IOException {
        Path noise = dir.resolve("noise.csv");
        Files.writeString(noise, "0.3,-1.2,0.8\n-0.5,0.1,1.7\n");
        Path out = Files.createTempFile(dir, "unipc", ".csv");
        String[] base = {"sample", "--gaussian", "--mean", "0.5,-1,2", "--std", "0.1,1,0.3", "--noise",
            noise.toString(), "--schedule", "linear", "--skip-type", "logSNR", "--steps", "20", "--t-end", "1e-3",
            "--backend", "cpu", "--out", out.toString()};
        String[] args = new String[base.length + flags.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(flags, 0, args, base.length, flags.length);
        ExpintCliTest.Result r = run(args);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("NFE 2"), r.out());
        return CliFiles.readSamples(out, "--out", 3).values();
    }

    private static double[] library(SampleOptions options) {
        LinearSchedule schedule = new LinearSchedule();
        GaussianDataModel model = new GaussianDataModel(MEAN, STD, schedule, ModelTimeMap.CONTINUOUS);
        double[] x = NOISE.clone();
        new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS)
                .sample(x, options.skipType(SkipType.LOGSNR).steps(20).tEnd(1e-3).batchSize(2));
        return x;
    }

    @Test
    void unipcOrderThreeBh2IsTheLibrarysUniPc() throws IOException {
        double[] cli = sample("--sampler", "unipc", "--order", "3", "--variant", "bh2");
        assertArrayEquals(library(new SampleOptions().sampler(Sampler.UNIPC).order(3)
                .variant(UniPcCoefficients.Variant.BH2)), cli, 0);
        double[] exact = new double[6];
        new GaussianDataModel(MEAN, STD, new LinearSchedule(), ModelTimeMap.CONTINUOUS).exactSolution(NOISE, 1, 1e-3,
                exact);
        // A loose check that the CLI samples this ODE; UniPcOrderTest measures the accuracy.
        assertArrayEquals(exact, cli, 1e-3);
        // float32 states follow float64 to float rounding (about 1e-7 relative per step, 20 steps).
        assertArrayEquals(cli, sample("--sampler", "unipc", "--order", "3", "--variant", "bh2", "--precision",
                "float32"), 1e-5);
    }

    @Test
    void theCorrectorCanBeTurnedOffAndPutAfterDpmSolverPlusPlus() throws IOException {
        assertArrayEquals(library(new SampleOptions().sampler(Sampler.UNIPC).corrector(false)),
                sample("--sampler", "unipc", "--corrector", "false"), 0);
        assertArrayEquals(library(new SampleOptions().corrector(true)), sample("--corrector"), 0);
        assertArrayEquals(library(new SampleOptions().sampler(Sampler.UNIPC).correctFinalStep(true)),
                sample("--sampler", "unipc", "--correct-final-step"), 0);
        assertFalse(sample("--corrector")[0] == sample()[0], "UniC changes DPM-Solver++(2M)");
    }

    @Test
    void deisAndIpndmAreTheLibrarys() throws IOException {
        assertArrayEquals(library(new SampleOptions().sampler(Sampler.DEIS_TAB).order(3)),
                sample("--sampler", "deis-tab", "--order", "3"), 0);
        assertArrayEquals(library(new SampleOptions().sampler(Sampler.DEIS_RHOAB).order(2)),
                sample("--sampler", "deis-rhoab"), 0);
        assertArrayEquals(library(new SampleOptions().sampler(Sampler.IPNDM).order(4)),
                sample("--sampler", "ipndm", "--order", "4"), 0);
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        String gmm = dir.resolve("mixture.json").toString();
        try {
            Files.writeString(Path.of(gmm), "{\"weights\": [1], \"means\": [[0, 0]], \"stds\": [[1, 1]]}\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertUsageError("'bh3' is not one of bh1, bh2", "sample", "--gmm", gmm, "--sampler", "unipc", "--variant",
                "bh3");
        assertUsageError("'uni' is not one of dpm-solver, unipc, deis-tab, deis-rhoab, ipndm", "sample", "--gmm", gmm, "--sampler", "uni");
        assertUsageError("UniPC is a multistep sampler; method singlestep", "sample", "--gmm", gmm, "--sampler",
                "unipc", "--method", "singlestep");
        assertUsageError("--order must be 1, 2, 3 or 4, got 5", "sample", "--gmm", gmm, "--sampler", "unipc",
                "--order", "5");
        assertUsageError("the UniC corrector follows a multistep predictor; method adaptive", "sample", "--gmm", gmm,
                "--corrector", "--method", "adaptive");
        assertUsageError("method singlestep_fixed has none", "sample", "--gmm", gmm, "--corrector", "true",
                "--method", "singlestep_fixed");
        assertUsageError("'maybe' is not a boolean", "sample", "--gmm", gmm, "--corrector=maybe");
    }
}
