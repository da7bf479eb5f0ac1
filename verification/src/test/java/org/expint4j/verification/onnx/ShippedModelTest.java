package org.expint4j.verification.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.model.onnx.ArrayType;
import org.expint4j.diffusion.model.onnx.OnnxDiffusionModel;
import org.expint4j.verification.cli.Json;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/**
 * The shipped model as ONNX Runtime evaluates it, against an evaluation of the same network in
 * plain Java ({@link PinwheelNetwork}): the float64 graph agrees to rounding, the float32 graph
 * to single precision, for single evaluations and for whole sampling runs; its declared facts,
 * its labels and classifier-free guidance in one doubled call or two.
 */
class ShippedModelTest {

    @Test
    void manifestNamesTheShippedFilesByTheirSha256() throws NoSuchAlgorithmException {
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) Json.parse(PinwheelModel.manifest());
        @SuppressWarnings("unchecked")
        Map<String, Object> sha = (Map<String, Object>) manifest.get("sha256");
        for (String name : new String[] {"pinwheel-cfg.onnx", "pinwheel-cfg-f64.onnx"}) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(PinwheelModel.resource(name));
            assertEquals(sha.get(name), HexFormat.of().formatHex(digest), name);
        }
    }

    @Test
    void theGraphsDeclareWhatTheyAre() {
        for (boolean f64 : new boolean[] {false, true}) {
            try (OnnxDiffusionModel model = PinwheelModel.load(f64)) {
                assertEquals(f64, model.isDouble());
                assertEquals(2, model.dimension());
                assertTrue(model.isConditional());
                assertEquals(ModelType.NOISE, model.declaredModelType().orElseThrow());
                assertEquals("continuous", model.declaredTime().orElseThrow());
                assertEquals(PinwheelData.CLASSES, model.classes());
                assertEquals(PinwheelModel.NULL_LABEL, model.nullLabel());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> model.conditional(ArrayType.DOUBLE, 6));
                assertTrue(e.getMessage().contains("class 6 is out of range: the model has classes 0..4 (and 5"),
                        e.getMessage());
            }
        }
    }

    /**
     * Bounds: the float64 graph differs from the Java evaluation only in summation order and in
     * the libraries' exp, sin and cos, a few ulps of terms of order 10 (the pre-activations):
     * 1e-12 absolute. The float32 graph rounds its inputs and every operation to \(u = 2^{-24}\):
     * a dot product of 128 terms is off by at most \(128u \approx 8\cdot10^{-6}\) of the sum of its
     * terms' magnitudes (a few units here), over three layers: bound 5e-5 (measured 4e-6).
     */
    @Test
    void evaluationsAgreeWithTheIndependentJavaNetwork() {
        SplittableRandom random = new SplittableRandom(14);
        int batch = 64;
        int[] labels = new int[batch];
        double[] x = new double[2 * batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = random.nextInt(PinwheelData.CLASSES + 1);
            x[2 * b] = 3 * random.nextGaussian();
            x[2 * b + 1] = 3 * random.nextGaussian();
        }
        PinwheelNetwork java = new PinwheelNetwork(labels);
        double[] worst = new double[2];
        for (boolean f64 : new boolean[] {false, true}) {
            try (OnnxDiffusionModel model = PinwheelModel.load(f64)) {
                DiffusionModel<double[]> onnx = model.conditional(ArrayType.DOUBLE, labels);
                for (double t : new double[] {1e-3, 0.01, 0.2, 0.5, 0.97, 1.0}) {
                    double[] expected = new double[x.length];
                    double[] actual = new double[x.length];
                    java.evaluate(x, t, expected);
                    onnx.evaluate(x, t, actual);
                    for (int i = 0; i < x.length; i++) {
                        worst[f64 ? 1 : 0] = Math.max(worst[f64 ? 1 : 0], Math.abs(actual[i] - expected[i]));
                    }
                }
            }
        }
        System.out.printf("ONNX vs Java network: max |difference| %.2e (float32 graph), %.2e (float64 graph)%n",
                worst[0], worst[1]);
        assertTrue(worst[1] <= 1e-12, "float64: " + worst[1]);
        assertTrue(worst[0] <= 5e-5, "float32: " + worst[0]);
    }

    /** Whole runs: DPM-Solver++(2M), 20 steps, through the wrapper, the same noise. */
    @Test
    void samplingAgreesWithSamplingTheJavaNetwork() {
        int batch = 32;
        double[] noise = new double[2 * batch];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextGaussian();
        }
        double[] expected = sample(new PinwheelNetwork(2), noise);
        for (boolean f64 : new boolean[] {false, true}) {
            try (OnnxDiffusionModel model = PinwheelModel.load(f64)) {
                double[] actual = sample(model.conditional(ArrayType.DOUBLE, 2), noise);
                double worst = 0;
                for (int i = 0; i < actual.length; i++) {
                    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / (1 + Math.abs(expected[i])));
                }
                System.out.printf("sampling, %s graph vs Java network: max relative difference %.2e%n",
                        f64 ? "float64" : "float32", worst);
                // 20 steps carry each evaluation's difference forward with a gain of order 1 (measured
                // 1.4e-15 and 6.5e-7): bounds of the single evaluations above, times 20.
                assertTrue(worst <= (f64 ? 2e-11 : 1e-3), (f64 ? "float64 " : "float32 ") + worst);
            }
        }
    }

    @Test
    void guidanceInOneDoubledCallEqualsTwoCalls() {
        try (OnnxDiffusionModel model = PinwheelModel.load(true)) {
            double[] x = {0.3, -1.2, 2.0, 0.7, -0.4, 0.1};
            double[] batched = new double[6];
            double[] twoPass = new double[6];
            DoubleVectorOps ops = DoubleVectorOps.serial();
            Guidance<double[]> one = model.classifierFreeGuidance(ArrayType.DOUBLE, 2.5, 1);
            Guidance<double[]> two = Guidance.classifierFree(model.unconditional(ArrayType.DOUBLE), 2.5);
            DiffusionModel<double[]> conditional = model.conditional(ArrayType.DOUBLE, 1);
            ModelWrapper<double[]> a = PinwheelModel.wrapper(conditional, one, ops);
            ModelWrapper<double[]> b = PinwheelModel.wrapper(conditional, two, ops);
            a.noise(x, 0.4, batched);
            b.noise(x, 0.4, twoPass);
            for (int i = 0; i < 6; i++) {
                assertEquals(twoPass[i], batched[i], 1e-12 * (1 + Math.abs(twoPass[i])), "element " + i);
            }
            assertEquals(1, a.modelEvaluations(), "one doubled call");
            assertEquals(2, b.modelEvaluations(), "two calls");
        }
    }

    private static double[] sample(DiffusionModel<double[]> model, double[] noise) {
        ModelWrapper<double[]> wrapper = PinwheelModel.wrapper(model, Guidance.none(), DoubleVectorOps.serial());
        double[] x = noise.clone();
        new DpmSolver<>(wrapper::noise, PinwheelModel.SCHEDULE, DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS)
                .sample(x, new SampleOptions().steps(20).order(2).batchSize(noise.length / 2));
        return x;
    }
}
