package org.expint4j.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.expint4j.diffusion.sampler.DynamicThresholding;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.ScheduleTest;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/**
 * The wrapper's plumbing: model-time labels, evaluation counts, when the unconditional model runs,
 * the data correction hook, {@code addNoise}, argument checks and allocation-free calls.
 */
class ModelWrapperTest {

    private static final LinearSchedule SCHEDULE = new LinearSchedule();
    private static final DoubleVectorOps OPS = DoubleVectorOps.serial();

    /** Fails if called: proves a model is skipped. */
    private static final DiffusionModel<double[]> NEVER = (x, t, out) -> {
        throw new AssertionError("this model must not run");
    };

    /** v-prediction needs a VP schedule, flow velocity the derivatives: refused with the reason. */
    @Test
    void refusesModelTypesTheScheduleCannotConvert() {
        final IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> new ModelWrapper<>(
                NEVER, ModelType.VELOCITY, new org.expint4j.diffusion.schedule.FlowSchedule(), ModelTimeMap.CONTINUOUS,
                OPS));
        assertEquals(true, v.getMessage().contains("variance-preserving") && v.getMessage().contains("FlowSchedule"),
                v.getMessage());
        final IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> new ModelWrapper<>(
                NEVER, ModelType.FLOW_VELOCITY, DiscreteSchedule.linear(1e-4, 0.02, 1000), ModelTimeMap.CONTINUOUS,
                OPS));
        assertEquals(true, f.getMessage().contains("FLOW_VELOCITY") && f.getMessage().contains("DiscreteSchedule"),
                f.getMessage());
    }

    /** On the flow schedule \( \hat\epsilon = x + (1 - t) v \) and \( \hat x_0 = x - t v \), exactly. */
    @Test
    void flowVelocityOnTheFlowScheduleIsTheStraightPath() {
        final org.expint4j.diffusion.schedule.FlowSchedule s = new org.expint4j.diffusion.schedule.FlowSchedule();
        final DiffusionModel<double[]> v = (x, t, out) -> {
            for (int i = 0; i < x.length; i++) {
                out[i] = 0.25 * x[i] - 1;
            }
        };
        final ModelWrapper<double[]> w = new ModelWrapper<>(v, ModelType.FLOW_VELOCITY, s, ModelTimeMap.CONTINUOUS,
                OPS);
        final double[] x = {0.5, -2, 3};
        final double[] eps = new double[3];
        final double[] x0 = new double[3];
        w.noise(x, 0.375, eps);
        w.data(x, 0.375, x0);
        for (int i = 0; i < 3; i++) {
            // Dyadic inputs: every product and sum below is exact.
            final double vel = 0.25 * x[i] - 1;
            assertEquals(x[i] + 0.625 * vel, eps[i], 0, "eps[" + i + "]");
            assertEquals(x[i] - 0.375 * vel, x0[i], 0, "x0[" + i + "]");
        }
    }

    @Test
    void passesTheMappedTimeLabel() {
        final DiscreteSchedule s = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        final List<Double> labels = new ArrayList<>();
        final DiffusionModel<double[]> m = (x, t, out) -> labels.add(t);
        final ClassifierGradient<double[]> g = (x, t, out) -> labels.add(t);
        final ModelWrapper<double[]> w = new ModelWrapper<>(m, ModelType.NOISE, s, s.modelTimeMap(), OPS,
                Guidance.classifier(g, 2), null);
        w.noise(new double[2], 0.5, new double[2]);
        assertEquals(List.of(499.0, 499.0), labels);
    }

    @Test
    void scaleOneRunsOnlyTheConditionalModel() {
        final DiffusionModel<double[]> conditional = (x, t, out) -> {
            for (int i = 0; i < x.length; i++) {
                out[i] = 2 * x[i];
            }
        };
        for (Guidance<double[]> g : List.of(Guidance.classifierFree(NEVER, 1),
                Guidance.<double[]>classifierFreeBatched(NEVER, 1))) {
            final ModelWrapper<double[]> w = new ModelWrapper<>(conditional, ModelType.NOISE, SCHEDULE,
                    ModelTimeMap.CONTINUOUS, OPS, g, null);
            final double[] out = new double[3];
            w.noise(new double[] {1, 2, 3}, 0.5, out);
            assertArrayEquals(new double[] {2, 4, 6}, out, 0);
            assertEquals(1, w.modelEvaluations());
            assertSame(g, w.guidance());
        }
    }

    @Test
    void correctionRunsAfterDataPredictionsOnly() {
        final List<Double> times = new ArrayList<>();
        final X0Correction<double[]> c = (x0, t) -> {
            times.add(t);
            for (int i = 0; i < x0.length; i++) {
                x0[i] = 7;
            }
        };
        final DiffusionModel<double[]> m = (x, t, out) -> {
            for (int i = 0; i < x.length; i++) {
                out[i] = x[i];
            }
        };
        final ModelWrapper<double[]> w = new ModelWrapper<>(m, ModelType.DATA, SCHEDULE,
                ModelTimeMap.CONTINUOUS, OPS, Guidance.none(), c);
        final double[] x = {1, 2};
        final double[] out = new double[2];
        w.noise(x, 0.3, out);
        assertEquals(List.of(), times);
        w.data(x, 0.3, out);
        assertEquals(List.of(0.3), times);
        assertArrayEquals(new double[] {7, 7}, out, 0);
        assertSame(c, w.x0Correction());
    }

    @Test
    void countsAndReset() {
        final ModelWrapper<double[]> w = new ModelWrapper<>((x, t, out) -> { }, ModelType.NOISE, SCHEDULE,
                ModelTimeMap.CONTINUOUS, OPS, Guidance.classifier((x, t, out) -> { }, 1), null);
        for (int i = 0; i < 3; i++) {
            w.noise(new double[4], 0.5, new double[4]);
        }
        w.data(new double[4], 0.5, new double[4]);
        assertEquals(4, w.predictions());
        assertEquals(4, w.modelEvaluations());
        assertEquals(4, w.classifierEvaluations());
        w.resetCounts();
        assertEquals(0, w.predictions() + w.modelEvaluations() + w.classifierEvaluations());
    }

    @Test
    void addNoiseDiffusesData() {
        final ModelWrapper<double[]> w = new ModelWrapper<>(NEVER, ModelType.NOISE, SCHEDULE,
                ModelTimeMap.CONTINUOUS, OPS);
        final double t = 0.4;
        final double[] x = {1, -2};
        final double[] noise = {0.5, 0.25};
        final double[] out = new double[2];
        w.addNoise(x, t, noise, out);
        for (int i = 0; i < 2; i++) {
            assertEquals(SCHEDULE.alpha(t) * x[i] + SCHEDULE.sigma(t) * noise[i], out[i], 0);
        }
        w.addNoise(x, t, noise, x);
        assertArrayEquals(out, x, 0);
    }

    @Test
    void validation() {
        final ModelWrapper<double[]> w = new ModelWrapper<>((x, t, out) -> { }, ModelType.NOISE, SCHEDULE,
                ModelTimeMap.CONTINUOUS, OPS);
        ScheduleTest.assertMessage(() -> w.noise(new double[2], 0.5, new double[3]), "length 3");
        ScheduleTest.assertMessage(() -> w.data(new double[2], Double.NaN, new double[2]), "t must be finite");
        ScheduleTest.assertMessage(() -> Guidance.classifierFree(NEVER, Double.NaN), "guidance scale");
        ScheduleTest.assertMessage(() -> Guidance.<double[]>classifierFreeBatched(NEVER,
                Double.POSITIVE_INFINITY), "guidance scale");
        ScheduleTest.assertMessage(() -> Guidance.<double[]>classifier((x, t, out) -> { },
                Double.NEGATIVE_INFINITY), "guidance scale");
        assertThrows(NullPointerException.class, () -> Guidance.classifierFree(null, 2));
        assertThrows(NullPointerException.class, () -> new ModelWrapper<>(null, ModelType.NOISE, SCHEDULE,
                ModelTimeMap.CONTINUOUS, OPS));
    }

    /**
     * After a warm-up that sizes the scratch vectors, predictions allocate nothing on the calling
     * thread, for every guidance mode, both forms and a correction, measured with
     * {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()}.
     */
    @Test
    void steadyStateCallsAllocateNothing() {
        final com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final DiffusionModel<double[]> m = (x, t, out) -> {
            for (int i = 0; i < x.length; i++) {
                out[i] = 0.5 * x[i] + t;
            }
        };
        final DynamicThresholding<double[]> thresholding = DynamicThresholding.ofDoubles(4);
        final List<ModelWrapper<double[]>> wrappers = new ArrayList<>();
        for (ModelType type : ModelType.values()) {
            wrappers.add(new ModelWrapper<>(m, type, SCHEDULE, ModelTimeMap.CONTINUOUS, OPS));
            wrappers.add(new ModelWrapper<>(m, type, SCHEDULE, ModelTimeMap.CONTINUOUS, OPS,
                    Guidance.classifierFree(m, 3), thresholding));
            wrappers.add(new ModelWrapper<>(m, type, SCHEDULE, ModelTimeMap.CONTINUOUS, OPS,
                    Guidance.classifierFreeBatched(m, 3), null));
            wrappers.add(new ModelWrapper<>(m, type, SCHEDULE, ModelTimeMap.CONTINUOUS, OPS,
                    Guidance.classifier(m::evaluate, 2), null));
        }
        final double[] x = new double[4 * 64];
        final double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        // An array, not the list: the list's iterator would be the only allocation.
        final Object[] all = wrappers.toArray();
        final Runnable calls = () -> {
            for (Object o : all) {
                @SuppressWarnings("unchecked")
                final ModelWrapper<double[]> w = (ModelWrapper<double[]>) o;
                w.noise(x, 0.3, out);
                w.data(x, 0.3, out);
                w.addNoise(x, 0.3, out, out);
            }
        };
        for (int i = 0; i < 2000; i++) {
            calls.run();
        }
        // The least of five measurements: an allocation per call shows in every one (at least 200
        // times its size), a one-off event of the JIT in the middle of a long suite in one only.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 5 && allocated > 0; round++) {
            final long before = bean.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200; i++) {
                calls.run();
            }
            allocated = Math.min(allocated, bean.getCurrentThreadAllocatedBytes() - before);
        }
        assertEquals(0, allocated, "bytes allocated by 200 rounds of calls");
    }
}
