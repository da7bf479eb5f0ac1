package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.noise.BrownianTreeNoise;
import org.expint4j.diffusion.noise.GaussianNoise;
import org.expint4j.diffusion.noise.NoiseSource;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDE options: their validation, η = 0 as the ODE, reproducibility and batch independence. */
class SdeSamplerTest {

    private static final LinearSchedule SCHEDULE = new LinearSchedule();
    private static final GaussianDataModel MODEL = new GaussianDataModel(DpmSolverParityTest.MEAN,
            DpmSolverParityTest.STD, SCHEDULE, ModelTimeMap.CONTINUOUS);

    private static DpmSolver<double[]> solver(Algorithm algorithm) {
        return new DpmSolver<>(MODEL::noise, SCHEDULE, DoubleVectorOps.serial(), algorithm);
    }

    private static String error(Algorithm algorithm, SampleOptions options, boolean inverse) {
        double[] x = DpmSolverParityTest.X_T.clone();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            if (inverse) {
                solver(algorithm).inverse(x, options);
            } else {
                solver(algorithm).sample(x, options);
            }
        });
        return e.getMessage();
    }

    @Test
    void badSdeOptionsAreNamed() {
        NoiseSource noise = new GaussianNoise(1);
        Algorithm pp = Algorithm.DPMSOLVER_PLUS_PLUS;
        for (double eta : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            String m = error(pp, new SampleOptions().eta(eta).noise(noise), false);
            assertTrue(m.contains("eta") && m.contains(String.valueOf(eta)), m);
        }
        String m = error(pp, new SampleOptions().eta(1).sNoise(-1).noise(noise), false);
        assertTrue(m.contains("s_noise") && m.contains("-1.0"), m);
        m = error(Algorithm.DPMSOLVER, new SampleOptions().eta(1).noise(noise), false);
        assertTrue(m.contains("eta = 1.0") && m.contains("dpmsolver"), m);
        m = error(pp, new SampleOptions().eta(1).noise(noise).method(SamplingMethod.SINGLESTEP).order(3), false);
        assertTrue(m.contains("eta = 1.0") && m.contains("singlestep"), m);
        m = error(pp, new SampleOptions().eta(1).noise(noise).method(SamplingMethod.ADAPTIVE), false);
        assertTrue(m.contains("eta = 1.0") && m.contains("adaptive"), m);
        m = error(pp, new SampleOptions().eta(1).noise(noise).order(3).warmup(SampleOptions.Warmup.SINGLESTEP), false);
        assertTrue(m.contains("eta = 1.0") && m.contains("singlestep"), m);
        m = error(pp, new SampleOptions().eta(1).noise(noise), true);
        assertTrue(m.contains("eta = 1.0") && m.contains("inverse"), m);
        m = error(pp, new SampleOptions().eta(0.25), false);
        assertTrue(m.contains("eta = 0.25") && m.contains("noise source"), m);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void etaZeroIsTheOdeSamplerBitForBit(int order) {
        double[] ode = DpmSolverParityTest.X_T.clone();
        double[] sde = DpmSolverParityTest.X_T.clone();
        solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(ode, new SampleOptions().order(order).steps(12));
        solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(sde, new SampleOptions().order(order).steps(12).eta(0)
                .noise(new GaussianNoise(3)));
        assertArrayEquals(ode, sde, "order " + order);
    }

    /** Samples b < B of a batch of B are those of any larger batch with the same seed, bit for bit. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void theSameSeedGivesTheSameSamplesInAnyBatch(long seed) {
        int dim = 3;
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] big = new double[6 * dim];
        for (int i = 0; i < big.length; i++) {
            big[i] = rnd.nextGaussian();
        }
        for (String source : new String[] {"gaussian", "brownian-tree"}) {
            double[][] out = new double[2][];
            for (int r = 0; r < 2; r++) {
                int batch = r == 0 ? 2 : 6;
                NoiseSource noise = source.equals("gaussian") ? new GaussianNoise(seed)
                        : new BrownianTreeNoise(seed, 0, SCHEDULE.tMax());
                out[r] = Arrays.copyOf(big, batch * dim);
                solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(out[r], new SampleOptions().order(2).steps(15).eta(1)
                        .noise(noise).batchSize(batch));
            }
            assertArrayEquals(out[0], Arrays.copyOf(out[1], 2 * dim), "seed " + seed + " " + source);
            double[] again = Arrays.copyOf(big, 2 * dim);
            solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(again, new SampleOptions().order(2).steps(15).eta(1)
                    .noise(source.equals("gaussian") ? new GaussianNoise(seed)
                            : new BrownianTreeNoise(seed, 0, SCHEDULE.tMax())).batchSize(2));
            assertArrayEquals(out[0], again, "seed " + seed + " " + source + ": reproducible");
            double[] ode = Arrays.copyOf(big, 2 * dim);
            solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(ode, new SampleOptions().order(2).steps(15).batchSize(2));
            assertFalse(Arrays.equals(ode, out[0]), "seed " + seed + " " + source + ": noise was added");
        }
    }

    @Test
    void nonFiniteNoiseStopsTheRunNamingTheStep() {
        double[] x = DpmSolverParityTest.X_T.clone();
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> solver(Algorithm.DPMSOLVER_PLUS_PLUS).sample(x, new SampleOptions().steps(10).eta(1)
                        .noise((step, from, to, b, out) -> Arrays.fill(out, step == 4 ? Double.NaN : 0))));
        assertEquals(4, e.step(), e.getMessage());
    }
}
