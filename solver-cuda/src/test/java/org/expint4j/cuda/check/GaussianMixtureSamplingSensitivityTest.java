package org.expint4j.cuda.check;

import org.expint4j.cuda.GaussianMixtureParameters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.FloatModelAdapter;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.junit.jupiter.api.Test;

/**
 * Where the GPU tests' sampling tolerances come from, on the CPU: how far a whole DPM-Solver run
 * moves when the model is off by as much as the device model may be. Each sampler of
 * {@link GaussianMixtureCheck#SAMPLERS} runs with the exact CPU model and with that model
 * perturbed in every element of every evaluation by its whole
 * {@linkplain CudaGaussianMixtureModel#agreementBound agreement bound} (random signs; all +; the
 * sign of the output), and in float with every output moved by one float ulp (random direction).
 * The final differences, relative to the largest sample, must stay below a quarter of
 * {@link GaussianMixtureCheck#SAMPLING_TOLERANCE_F64} and {@code _F32}.
 */
class GaussianMixtureSamplingSensitivityTest {

    private static final int DIMENSION = 64;
    private static final int COMPONENTS = 8;
    private static final int BATCH = 1024;

    @Test
    void modelErrorsWithinTheBoundMoveTheSamplesLessThanAQuarterOfTheTolerance() {
        final GaussianMixtureCheck.Mixture m = GaussianMixtureCheck.Mixture.random(DIMENSION, COMPONENTS, 11);
        final GaussianMixtureParameters params = new GaussianMixtureParameters(m.weights(), m.means(), m.stds(),
            m.schedule(), org.expint4j.diffusion.schedule.ModelTimeMap.CONTINUOUS);
        final double[] noise = GaussianMixtureCheck.noise(BATCH * DIMENSION, 12);
        double worst64 = 0;
        double worst32 = 0;
        for (GaussianMixtureCheck.Sampler s : GaussianMixtureCheck.SAMPLERS) {
            final double[] exact = GaussianMixtureCheck.sampleCpu(m, noise, s, false, 1);
            for (int pattern = 0; pattern < 3; pattern++) {
                final double[] x = noise.clone();
                new DpmSolver<>(perturbed(m.cpu(), params, pattern), m.schedule(), DoubleVectorOps.serial(),
                    s.algorithm()).sample(x, s.options(BATCH));
                final double r = GaussianMixtureCheck.relativeMaxDifference(x, exact);
                System.out.printf(Locale.ROOT, "[GaussianMixtureSamplingSensitivityTest] %s f64 pattern %d: "
                    + "max|dx|/max|x| = %.3g = 2^%.1f * 2^-53%n", s.name(), pattern, r, log2(r / 0x1p-53));
                worst64 = Math.max(worst64, r);
            }
            final double[] exact32 = GaussianMixtureCheck.sampleCpu(m, noise, s, true, 1);
            final float[] x = new float[noise.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) noise[i];
            }
            final FloatModelAdapter adapter = new FloatModelAdapter(m.cpu()::noise);
            final SplittableRandom rnd = new SplittableRandom(13);
            final DiffusionModel<float[]> flipped = (in, t, out) -> {
                adapter.evaluate(in, t, out);
                for (int i = 0; i < out.length; i++) {
                    out[i] = rnd.nextBoolean() ? Math.nextUp(out[i]) : Math.nextDown(out[i]);
                }
            };
            new DpmSolver<>(flipped, m.schedule(), FloatVectorOps.serial(), s.algorithm()).sample(x, s.options(BATCH));
            final double[] widened = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                widened[i] = x[i];
            }
            final double r = GaussianMixtureCheck.relativeMaxDifference(widened, exact32);
            System.out.printf(Locale.ROOT, "[GaussianMixtureSamplingSensitivityTest] %s f32 every output +-1 ulp: "
                + "max|dx|/max|x| = %.3g = 2^%.1f * 2^-24%n", s.name(), r, log2(r / 0x1p-24));
            worst32 = Math.max(worst32, r);
        }
        assertTrue(worst64 <= GaussianMixtureCheck.SAMPLING_TOLERANCE_F64 / 4, "f64: " + worst64);
        assertTrue(worst32 <= GaussianMixtureCheck.SAMPLING_TOLERANCE_F32 / 4, "f32: " + worst32);
    }

    /** The exact model plus its whole bound: random signs (0), all + (1), the output's sign (2). */
    private static DiffusionModel<double[]> perturbed(GaussianMixtureModel cpu, GaussianMixtureParameters params,
                                                      int pattern) {
        final SplittableRandom rnd = new SplittableRandom(17);
        return (x, t, out) -> {
            cpu.noise(x, t, out);
            final double[] bound = new double[x.length];
            params.agreementBound(x, t, bound);
            for (int i = 0; i < out.length; i++) {
                final double sign = pattern == 0 ? (rnd.nextBoolean() ? 1 : -1) : pattern == 1 ? 1 : Math.signum(out[i]);
                out[i] += sign * bound[i];
            }
        };
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
