package org.expint4j.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.schedule.DifferentiableSchedule;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.FlowSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.schedule.VeSchedule;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link ModelType} gives the same noise and data predictions: the exact Gaussian model is
 * re-expressed as a data, velocity and score predictor and wrapped; guidance follows its formulas;
 * results do not depend on whether {@code out} aliases {@code x}.
 */
class ModelWrapperProperties {

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x7a99e000L + i);
    }

    /** The exact Gaussian predictor expressed as a model of the given type. */
    static DiffusionModel<double[]> asType(GaussianDataModel g, ModelType type) {
        final NoiseSchedule s = g.schedule();
        return (x, modelTime, out) -> {
            final double t = g.timeMap().fromModelTime(modelTime);
            final double alpha = s.alpha(t);
            final double sigma = s.sigma(t);
            switch (type) {
                case NOISE -> g.noise(x, t, out);
                case DATA -> g.data(x, t, out);
                case VELOCITY -> {
                    final double[] x0 = new double[x.length];
                    g.data(x, t, x0);
                    g.noise(x, t, out);
                    for (int i = 0; i < x.length; i++) {
                        out[i] = alpha * out[i] - sigma * x0[i];
                    }
                }
                case FLOW_VELOCITY -> {
                    // dx_t/dt of the conditional path: alpha' x0 + sigma' eps.
                    final DifferentiableSchedule d = (DifferentiableSchedule) s;
                    final double[] x0 = new double[x.length];
                    g.data(x, t, x0);
                    g.noise(x, t, out);
                    for (int i = 0; i < x.length; i++) {
                        out[i] = d.alphaDerivative(t) * x0[i] + d.sigmaDerivative(t) * out[i];
                    }
                }
                default -> {
                    g.noise(x, t, out);
                    for (int i = 0; i < x.length; i++) {
                        out[i] = -out[i] / sigma;
                    }
                }
            }
        };
    }

    /**
     * Noise and data predictions of every type agree with the exact ones, on VP (continuous and
     * discrete), VE and flow schedules, for every type the schedule supports (v-prediction needs
     * VP, flow velocity the derivatives). The conversions divide by \(\sigma_t\) or \(\alpha_t\)
     * (on VP \(\sigma_t \ge 0.03\), \(\alpha_t \ge 0.0066\) on \( t \in [10^{-3}, 1] \); on VE
     * \( \alpha = 1 \); on flow both \( \ge 10^{-3} \)), so the tolerance is \(10^{-13}(1 + |x|)\)
     * over that divisor: a few hundred ulps of the terms. On VE, \(x\) is scaled by \(\sigma_t\)
     * like real states, and so is the tolerance.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyModelTypeGivesTheExactPredictions(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final DiscreteSchedule discrete = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        final NoiseSchedule[] families = {new LinearSchedule(), discrete, new VeSchedule(), new FlowSchedule()};
        final NoiseSchedule s = families[rnd.nextInt(families.length)];
        final ModelTimeMap map = s == discrete ? discrete.modelTimeMap() : ModelTimeMap.CONTINUOUS;
        final int dim = 3;
        final int batch = rnd.nextInt(1, 4);
        final double[] mean = {rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2), rnd.nextDouble(-2, 2)};
        final double[] std = {rnd.nextDouble(0.1, 2), rnd.nextDouble(0.1, 2), rnd.nextDouble(0.1, 2)};
        final GaussianDataModel g = new GaussianDataModel(mean, std, s, map);
        final double[] xUnit = new double[batch * dim];
        for (int i = 0; i < xUnit.length; i++) {
            xUnit[i] = 2 * rnd.nextGaussian();
        }
        final DoubleVectorOps ops = DoubleVectorOps.serial();
        for (int trial = 0; trial < 10; trial++) {
            // Log-uniform over the schedule's range, which spans 4.6 decades on VE.
            final double t = Math.exp(rnd.nextDouble(Math.log(s.tMin()), Math.log(s.tMax())));
            final double xScale = s.isVariancePreserving() ? 1 : Math.hypot(s.alpha(t), s.sigma(t));
            final double[] x = xUnit.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] *= xScale;
            }
            final double[] eps = new double[x.length];
            final double[] x0 = new double[x.length];
            g.noise(x, t, eps);
            g.data(x, t, x0);
            double scale = 1;
            for (double v : x) {
                scale = Math.max(scale, 1 + Math.abs(v));
            }
            for (ModelType type : ModelType.values()) {
                if (type == ModelType.VELOCITY && !s.isVariancePreserving()
                        || type == ModelType.FLOW_VELOCITY && !(s instanceof DifferentiableSchedule)) {
                    continue;
                }
                final ModelWrapper<double[]> w = new ModelWrapper<>(asType(g, type), type, s, map, ops);
                final double[] noise = new double[x.length];
                final double[] data = new double[x.length];
                w.noise(x, t, noise);
                w.data(x, t, data);
                final String where = "seed " + seed + ", " + type + ", " + s + ", t = " + t;
                assertArrayEquals(eps, noise, 1e-13 * scale / s.sigma(t), where);
                assertArrayEquals(x0, data, 1e-13 * scale / s.alpha(t), where);
                // Aliased output gives the same numbers.
                final double[] in = x.clone();
                w.noise(in, t, in);
                assertArrayEquals(noise, in, 0, where);
                final double[] in2 = x.clone();
                w.data(in2, t, in2);
                assertArrayEquals(data, in2, 0, where);
                assertEquals(4, w.predictions(), where);
                assertEquals(4, w.modelEvaluations(), where);
            }
        }
    }

    /**
     * Guidance on simple affine models: classifier guidance
     * \( \tilde\epsilon = \epsilon - s\sigma_t g \) and classifier-free
     * \( \tilde\epsilon = \epsilon_u + s(\epsilon_c - \epsilon_u) \), in both forms, for every type;
     * a doubled batch gives the two-pass result bit for bit. The fused form rounds differently from
     * the formulas, by a few ulps of the largest term (\( |s| \le 8 \) times \(|x|/\sigma\)).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void guidanceFollowsItsFormulas(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final LinearSchedule s = new LinearSchedule();
        final ModelTimeMap map = ModelTimeMap.CONTINUOUS;
        final DoubleVectorOps ops = DoubleVectorOps.serial();
        final int n = 2 * rnd.nextInt(1, 5);
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        final double cu = rnd.nextDouble(-1, 1);
        final double cc = rnd.nextDouble(-1, 1);
        final DiffusionModel<double[]> unconditional = affine(cu, 0.3);
        final DiffusionModel<double[]> conditional = affine(cc, -0.2);
        final DiffusionModel<double[]> doubled = (in, mt, out) -> {
            final int half = in.length / 2;
            for (int i = 0; i < half; i++) {
                assertEquals(in[i], in[i + half], 0, "seed " + seed + ": doubled batch halves differ");
                out[i] = cu * in[i] + 0.3 + mt;
                out[i + half] = cc * in[i] - 0.2 + mt;
            }
        };
        final ClassifierGradient<double[]> gradient = (in, mt, out) -> {
            for (int i = 0; i < in.length; i++) {
                out[i] = -in[i] + 0.5;
            }
        };
        final double scale = rnd.nextDouble(-2, 8);
        final double t = rnd.nextDouble(1e-3, 1);
        final double alpha = s.alpha(t);
        final double sigma = s.sigma(t);
        for (ModelType type : ModelType.values()) {
            final String where = "seed " + seed + ", " + type + ", scale " + scale + ", t = " + t;
            final double[] eu = toNoise(type, unconditional, x, t, s);
            final double[] ec = toNoise(type, conditional, x, t, s);
            final double[] expectedFree = new double[n];
            final double[] expectedClassifier = new double[n];
            double size = 1;
            for (int i = 0; i < n; i++) {
                expectedFree[i] = eu[i] + scale * (ec[i] - eu[i]);
                expectedClassifier[i] = eu[i] - scale * sigma * (-x[i] + 0.5);
                size = Math.max(size, (1 + Math.abs(scale)) * (Math.abs(x[i]) + 1) / sigma);
            }
            final ModelWrapper<double[]> free = new ModelWrapper<>(conditional, type, s, map, ops,
                    Guidance.classifierFree(unconditional, scale), null);
            final ModelWrapper<double[]> batched = new ModelWrapper<>(conditional, type, s, map, ops,
                    Guidance.classifierFreeBatched(doubled, scale), null);
            final ModelWrapper<double[]> classifier = new ModelWrapper<>(unconditional, type, s, map,
                    ops, Guidance.classifier(gradient, scale), null);
            final double[] a = new double[n];
            final double[] b = new double[n];
            final double[] c = new double[n];
            free.noise(x, t, a);
            batched.noise(x, t, b);
            classifier.noise(x, t, c);
            assertArrayEquals(expectedFree, a, 1e-14 * size, where);
            assertArrayEquals(a, b, 0, where);
            assertArrayEquals(expectedClassifier, c, 1e-14 * size, where);
            assertEquals(2, free.modelEvaluations(), where);
            assertEquals(1, batched.modelEvaluations(), where);
            assertEquals(1, classifier.modelEvaluations(), where);
            assertEquals(1, classifier.classifierEvaluations(), where);
            // Data forms: x0 = (x - sigma eps)/alpha of the guided noise.
            free.data(x, t, a);
            batched.data(x, t, b);
            classifier.data(x, t, c);
            for (int i = 0; i < n; i++) {
                assertEquals((x[i] - sigma * expectedFree[i]) / alpha, a[i], 1e-14 * size * sigma / alpha, where);
                assertEquals(a[i], b[i], 0, where);
                assertEquals((x[i] - sigma * expectedClassifier[i]) / alpha, c[i], 1e-14 * size * sigma / alpha,
                        where);
            }
            assertEquals(4, free.modelEvaluations(), where);
            assertEquals(2, batched.modelEvaluations(), where);
            assertEquals(2, free.predictions(), where);
        }
    }

    /**
     * Single precision: the float wrapper on the adapted double model agrees with the double
     * wrapper to float rounding (a few float ulps of the terms, amplified by \( 1/\sigma \)).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void floatWrapperMatchesDouble(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final LinearSchedule s = new LinearSchedule();
        final GaussianDataModel g = new GaussianDataModel(new double[] {0.5, -1}, new double[] {0.3, 1},
                s, ModelTimeMap.CONTINUOUS);
        final double[] x = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        final float[] xf = new float[4];
        for (int i = 0; i < 4; i++) {
            x[i] = (float) x[i];
            xf[i] = (float) x[i];
        }
        final double t = rnd.nextDouble(0.01, 1);
        final ModelWrapper<double[]> wd = new ModelWrapper<>(g, ModelType.NOISE, s, ModelTimeMap.CONTINUOUS,
                DoubleVectorOps.serial());
        final ModelWrapper<float[]> wf = new ModelWrapper<>(new FloatModelAdapter(g), ModelType.NOISE, s,
                ModelTimeMap.CONTINUOUS, FloatVectorOps.serial(), Guidance.none(), null);
        final double[] d = new double[4];
        final float[] f = new float[4];
        wd.data(x, t, d);
        wf.data(xf, t, f);
        for (int i = 0; i < 4; i++) {
            assertEquals(d[i], f[i], 1e-6 * (1 + Math.abs(x[i])) / s.alpha(t), "seed " + seed);
        }
    }

    /** {@code a x + b + modelTime}: the time label shows up in the output. */
    private static DiffusionModel<double[]> affine(double a, double b) {
        return (in, mt, out) -> {
            for (int i = 0; i < in.length; i++) {
                out[i] = a * in[i] + b + mt;
            }
        };
    }

    /** The reference's conversion of a raw output to noise, term by term. */
    private static double[] toNoise(ModelType type, DiffusionModel<double[]> m, double[] x, double t,
            DifferentiableSchedule s) {
        final double alpha = s.alpha(t);
        final double sigma = s.sigma(t);
        final double[] out = new double[x.length];
        m.evaluate(x, t, out);
        for (int i = 0; i < x.length; i++) {
            out[i] = switch (type) {
                case NOISE -> out[i];
                case DATA -> (x[i] - alpha * out[i]) / sigma;
                case VELOCITY -> alpha * out[i] + sigma * x[i];
                case SCORE -> -sigma * out[i];
                case FLOW_VELOCITY -> (alpha * out[i] - s.alphaDerivative(t) * x[i])
                        / (alpha * s.sigmaDerivative(t) - s.alphaDerivative(t) * sigma);
            };
        }
        return out;
    }
}
