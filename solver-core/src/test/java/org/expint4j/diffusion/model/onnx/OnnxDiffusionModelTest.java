package org.expint4j.diffusion.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.sampler.DpmSolver;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX model class on small graphs that each do one thing (made by
 * verification/src/main/python/train_pinwheel.py): evaluation on whole batches in both array
 * types, tensor reuse, and every kind of bad graph or call refused with a message naming it.
 */
class OnnxDiffusionModelTest {

    @TempDir
    Path dir;

    static Path graph(String name) {
        try {
            return Path.of(OnnxDiffusionModelTest.class.getResource(name + ".onnx").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void identityGraphIsEvaluatedOnTheWholeBatchInBothArrayTypes() {
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("identity"))) {
            assertEquals(2, model.dimension());
            assertArrayEquals(new long[] {2}, model.sampleShape());
            assertFalse(model.isDouble());
            assertFalse(model.isConditional());
            assertEquals(-1, model.fixedBatch());
            DiffusionModel<double[]> doubles = model.unconditional(ArrayType.DOUBLE);
            double[] x = {0.5, -1.25, 3, 4, 1e-3, 7};
            double[] out = new double[6];
            doubles.evaluate(x, 0.25, out);
            // float32 graph: the values round to float on the way in and widen exactly on the way out.
            for (int i = 0; i < x.length; i++) {
                assertEquals((float) x[i], out[i], 0.0, "element " + i);
            }
            // Another batch size remakes the tensors; the same size reuses them.
            double[] two = {9, 8, 7, 6};
            double[] outTwo = new double[4];
            doubles.evaluate(two, 0.5, outTwo);
            assertArrayEquals(two, outTwo, 0.0);
            doubles.evaluate(x, 0.75, out);
            assertEquals((float) 1e-3, out[4], 0.0);
            float[] xf = {1.5f, 2.5f};
            float[] outF = new float[2];
            model.unconditional(ArrayType.FLOAT).evaluate(xf, 0.1, outF);
            assertArrayEquals(xf, outF, 0f);
        }
    }

    /**
     * A steady-state call allocates on the Java heap only what ONNX Runtime's API itself makes per
     * run (its result object and output map): a small constant, not proportional to the batch.
     */
    @Test
    void steadyStateCallsAllocateAConstantIndependentOfTheBatch() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("identity"))) {
            long[] perCall = new long[2];
            int[] batches = {4, 4096};
            for (int k = 0; k < 2; k++) {
                DiffusionModel<double[]> m = model.unconditional(ArrayType.DOUBLE);
                double[] x = new double[2 * batches[k]];
                double[] out = new double[x.length];
                for (int i = 0; i < 200; i++) {
                    m.evaluate(x, 0.5, out);
                }
                int calls = 500;
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < calls; i++) {
                    m.evaluate(x, 0.5, out);
                }
                perCall[k] = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
            }
            System.out.printf("ONNX call allocation: %d bytes per call at batch 4, %d at batch 4096%n",
                    perCall[0], perCall[1]);
            // A batch of 4096 has 64 KiB of input: an allocation scaling with the batch would show.
            assertTrue(perCall[1] < 4096 && perCall[1] <= perCall[0] + 256, perCall[0] + " vs " + perCall[1]);
        }
    }

    @Test
    void float64GraphKeepsDoublesExact() {
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("identity-f64"))) {
            assertTrue(model.isDouble());
            double[] x = {Math.PI, -1e-300};
            double[] out = new double[2];
            model.unconditional(ArrayType.DOUBLE).evaluate(x, 0.5, out);
            assertArrayEquals(x, out, 0.0);
        }
    }

    @Test
    void fixedBatchGraphTakesOnlyItsBatchAndAScalarTime() {
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("fixed-batch-scalar-time"))) {
            assertEquals(3, model.fixedBatch());
            DiffusionModel<double[]> m = model.unconditional(ArrayType.DOUBLE);
            double[] x = {1, 2, 3, 4, 5, 6};
            double[] out = new double[6];
            m.evaluate(x, 0.5, out);
            assertArrayEquals(x, out, 0.0);
            assertMessage(() -> m.evaluate(new double[4], 0.5, new double[4]), "exactly 3 samples", "got 2");
        }
    }

    /** out = x + 0.1 y: each sample shows the label it was evaluated with. */
    @Test
    void labelsReachTheGraphPerSampleAndGuidanceDoublesTheBatchWhereItCan() {
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("conditional"))) {
            assertTrue(model.isConditional());
            assertEquals(3, model.classes());
            assertEquals(3, model.nullLabel());
            double[] out = new double[6];
            model.conditional(ArrayType.DOUBLE, 0, 2, 1).evaluate(new double[6], 0.5, out);
            assertArrayEquals(new double[] {0, 0, 0.2f, 0.2f, 0.1f, 0.1f}, out, 1e-7);
            model.unconditional(ArrayType.DOUBLE).evaluate(new double[2], 0.5, out = new double[2]);
            assertArrayEquals(new double[] {0.3f, 0.3f}, out, 1e-7, "the null label");
            assertTrue(model.classifierFreeGuidance(ArrayType.DOUBLE, 2, 1) instanceof Guidance.ClassifierFreeBatched);
            assertMessage(() -> model.conditional(ArrayType.DOUBLE, 4), "class 4 is out of range",
                    "classes 0..2 (and 3 for no class)");
            // The doubled batch [x; x] is labelled [null; c]: (1 - s) u + s c at s = 2 is x + 0.1 (2c - 3).
            ModelWrapper<double[]> guided = new ModelWrapper<>(model.conditional(ArrayType.DOUBLE, 1), ModelType.NOISE,
                    new LinearSchedule(), ModelTimeMap.CONTINUOUS, DoubleVectorOps.serial(),
                    model.classifierFreeGuidance(ArrayType.DOUBLE, 2, 1), null);
            double[] eps = new double[2];
            guided.noise(new double[] {1, 2}, 0.5, eps);
            assertArrayEquals(new double[] {1 - 0.1, 2 - 0.1}, eps, 1e-6);
            assertEquals(1, guided.modelEvaluations());
        }
        try (OnnxDiffusionModel fixed = OnnxDiffusionModel.load(graph("conditional-fixed-batch"))) {
            assertEquals(3, fixed.fixedBatch());
            assertTrue(fixed.classifierFreeGuidance(ArrayType.DOUBLE, 2, 1) instanceof Guidance.ClassifierFree,
                    "a fixed batch cannot be doubled: two calls");
        }
    }

    @Test
    void missingAndCorruptFilesAreRefusedNamingTheFile() throws IOException {
        Path missing = dir.resolve("none.onnx");
        assertMessage(() -> OnnxDiffusionModel.load(missing), "none.onnx", "does not exist");
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertMessage(() -> OnnxDiffusionModel.load(corrupt), "corrupt.onnx", "cannot be loaded");
        Path truncated = dir.resolve("truncated.onnx");
        byte[] whole = Files.readAllBytes(graph("identity"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertMessage(() -> OnnxDiffusionModel.load(truncated), "truncated.onnx");
    }

    @Test
    void outputOfAnotherShapeIsRefusedNamingBoth() {
        assertMessage(() -> OnnxDiffusionModel.load(graph("scalar-output")), "output 'out' has shape [-1]",
                "[batch, 2]");
    }

    @Test
    void integerStateIsRefusedNamingTheType() {
        assertMessage(() -> OnnxDiffusionModel.load(graph("int-input")), "state", "INT32");
    }

    @Test
    void misnamedInputsAndOutputsAreRefusedListingTheGraphs() {
        assertMessage(() -> OnnxDiffusionModel.load(graph("identity"), new OnnxDiffusionModel.Options()
                .timeInput("timestep")), "no input 'timestep'", "x FLOAT[-1, 2]", "t FLOAT[-1]");
        assertMessage(() -> OnnxDiffusionModel.load(graph("identity"), new OnnxDiffusionModel.Options()
                .output("eps")), "no output 'eps'", "out");
        assertMessage(() -> OnnxDiffusionModel.load(graph("identity"), new OnnxDiffusionModel.Options()
                .sampleShape(3)), "sample shape [3]");
    }

    @Test
    void labelsAndGuidanceNeedAConditionalGraph() {
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("identity"))) {
            assertMessage(() -> model.conditional(ArrayType.DOUBLE, 1), "needs a conditional model", "identity.onnx");
            assertMessage(() -> model.classifierFreeGuidance(ArrayType.DOUBLE, 2.0, 1),
                    "classifier-free guidance needs a conditional model");
        }
    }

    @Test
    void batchLengthsThatDoNotFitTheGraphAreRefused() {
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("identity"))) {
            DiffusionModel<double[]> m = model.unconditional(ArrayType.DOUBLE);
            assertMessage(() -> m.evaluate(new double[3], 0.5, new double[3]), "sample size 2");
            assertMessage(() -> m.evaluate(new double[0], 0.5, new double[0]), "sample size 2");
            assertMessage(() -> m.evaluate(new double[4], 0.5, new double[2]), "4 and 2");
        }
    }

    @Test
    void aClosedModelRefusesEvaluationAndNewViews() {
        OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("identity"));
        DiffusionModel<double[]> m = model.unconditional(ArrayType.DOUBLE);
        m.evaluate(new double[2], 0.5, new double[2]);
        model.close();
        model.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> m.evaluate(new double[2], 0.5, new double[2]));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> model.unconditional(ArrayType.DOUBLE));
    }

    @Test
    void aGraphThatReturnsNanStopsTheSamplerNamingStepTimeAndNfe() {
        LinearSchedule schedule = new LinearSchedule();
        try (OnnxDiffusionModel model = OnnxDiffusionModel.load(graph("nan-below-half"))) {
            DiffusionModel<double[]> eps = model.unconditional(ArrayType.DOUBLE);
            DpmSolver<double[]> solver = new DpmSolver<>(eps, schedule, DoubleVectorOps.serial(), Algorithm.DPMSOLVER);
            double[] x = {0.1, -0.2, 0.3, 0.4};
            NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                    () -> solver.sample(x, new SampleOptions().steps(10).batchSize(2)));
            // Time-uniform grid 1, 0.9001, ..., 0.5006, 0.4006: the first time below 0.5 is step 7's.
            assertTrue(e.getMessage().contains("step 7") && e.getMessage().contains("t = 0.400")
                    && e.getMessage().contains("NFE=7"), e.getMessage());
        }
    }

    private static void assertMessage(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + e.getMessage() + "' lacks '" + p + "'");
        }
    }
}
