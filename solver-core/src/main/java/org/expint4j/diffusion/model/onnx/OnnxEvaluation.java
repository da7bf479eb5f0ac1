package org.expint4j.diffusion.model.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.expint4j.diffusion.model.DiffusionModel;

/**
 * One view of an {@link OnnxDiffusionModel}: the graph evaluated on batches of one array type
 * with fixed labels. Its tensors wrap direct buffers that ONNX Runtime reads and writes in place;
 * they are made for a batch size and remade only when it changes. Not thread-safe.
 *
 * @param <V> state array type
 */
final class OnnxEvaluation<V> implements DiffusionModel<V> {

    private final OnnxDiffusionModel model;
    private final GraphSignature signature;
    private final ArrayType<V> type;
    /** Labels per sample, one label for all, or {@code null} for a graph without labels. */
    private final long[] labels;
    /** For the doubled batch \([x; x]\): the label of its first half, else -1. */
    private final long doubledNullLabel;

    private int batch = -1;
    private Buffer state;
    private Buffer prediction;
    private Buffer time;
    private OnnxTensor[] tensors = new OnnxTensor[0];
    private Map<String, OnnxTensor> inputs;
    private Map<String, OnnxTensor> outputs;

    OnnxEvaluation(OnnxDiffusionModel model, ArrayType<V> type, long[] labels, long doubledNullLabel) {
        this.model = model;
        this.signature = model.signature;
        this.type = type;
        this.labels = labels;
        this.doubledNullLabel = doubledNullLabel;
    }

    /**
     * @param x the batch, \(B\) samples of the graph's sample shape back to back
     * @param modelTime the model time label, for every sample
     * @param out receives the graph's output, same length
     * @throws IllegalArgumentException if the lengths do not fit the graph or the labels
     * @throws IllegalStateException if the model is closed or ONNX Runtime fails
     */
    @Override
    public void evaluate(V x, double modelTime, V out) {
        int length = type.length(x);
        int d = signature.dimension();
        if (length == 0 || length % d != 0 || type.length(out) != length) {
            throw new IllegalArgumentException("batch lengths " + length + " and " + type.length(out)
                    + " must be equal positive multiples of the sample size " + d + " of '" + model.source
                    + "'");
        }
        int b = length / d;
        if (b != batch) {
            prepare(b);
        }
        type.copyIn(x, state);
        if (signature.timeType() == OnnxJavaType.DOUBLE) {
            java.nio.DoubleBuffer t = (java.nio.DoubleBuffer) time;
            for (int i = 0; i < t.capacity(); i++) {
                t.put(i, modelTime);
            }
        } else {
            java.nio.FloatBuffer t = (java.nio.FloatBuffer) time;
            for (int i = 0; i < t.capacity(); i++) {
                t.put(i, (float) modelTime);
            }
        }
        if (model.isClosed()) {
            throw new IllegalStateException("ONNX model '" + model.source + "' is closed");
        }
        try (OrtSession.Result ignored = model.session.run(inputs, outputs)) {
            // The prediction is in the pinned output's buffer.
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on '" + model.source + "' (batch " + b
                    + ", model time " + modelTime + "): " + e.getMessage(), e);
        }
        type.copyOut(prediction, out);
    }

    /** Makes the tensors for batches of {@code b} samples. */
    private void prepare(int b) {
        long fixed = signature.fixedBatch();
        if (fixed >= 0 && b != fixed) {
            throw new IllegalArgumentException("'" + model.source + "' takes batches of exactly " + fixed
                    + " samples, got " + b);
        }
        int perHalf = doubledNullLabel >= 0 ? b / 2 : b;
        if (doubledNullLabel >= 0 && b % 2 != 0) {
            throw new IllegalArgumentException("a doubled batch [x; x] has an even number of samples, got " + b);
        }
        if (labels != null && labels.length > 1 && labels.length != perHalf) {
            throw new IllegalArgumentException(labels.length + " class labels for a batch of " + perHalf + " samples");
        }
        release();
        try {
            long[] shape = new long[signature.sampleShape().length + 1];
            shape[0] = b;
            System.arraycopy(signature.sampleShape(), 0, shape, 1, shape.length - 1);
            int n = b * signature.dimension();
            boolean f64 = signature.precision() == OnnxJavaType.DOUBLE;
            state = floating(n, f64);
            prediction = floating(n, f64);
            long[] timeShape = signature.timeShape().length == 0 ? new long[0]
                    : new long[] {signature.timeShape()[0] == 1 ? 1 : b};
            time = floating(timeShape.length == 0 ? 1 : (int) timeShape[0],
                    signature.timeType() == OnnxJavaType.DOUBLE);
            OnnxTensor stateTensor = tensor(state, shape);
            OnnxTensor timeTensor = tensor(time, timeShape);
            OnnxTensor predictionTensor = tensor(prediction, shape);
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put(signature.state(), stateTensor);
            in.put(signature.time(), timeTensor);
            OnnxTensor labelTensor = null;
            if (signature.label() != null) {
                labelTensor = labelTensor(b, perHalf);
                in.put(signature.label(), labelTensor);
            }
            tensors = labelTensor == null ? new OnnxTensor[] {stateTensor, timeTensor, predictionTensor}
                    : new OnnxTensor[] {stateTensor, timeTensor, predictionTensor, labelTensor};
            inputs = Map.copyOf(in);
            outputs = Map.of(signature.output(), predictionTensor);
            batch = b;
        } catch (OrtException e) {
            release();
            throw new IllegalStateException("cannot make tensors for '" + model.source + "': "
                    + e.getMessage(), e);
        }
    }

    private OnnxTensor labelTensor(int b, int perHalf) throws OrtException {
        boolean int64 = signature.labelType() == OnnxJavaType.INT64;
        ByteBuffer bytes = ByteBuffer.allocateDirect(b * (int64 ? 8 : 4)).order(ByteOrder.nativeOrder());
        for (int i = 0; i < b; i++) {
            long label;
            if (doubledNullLabel >= 0 && i < perHalf) {
                label = doubledNullLabel;
            } else {
                int j = doubledNullLabel >= 0 ? i - perHalf : i;
                label = labels.length == 1 ? labels[0] : labels[j];
            }
            if (int64) {
                bytes.putLong(i * 8, label);
            } else {
                bytes.putInt(i * 4, (int) label);
            }
        }
        long[] shape = {b};
        return int64 ? OnnxTensor.createTensor(model.environment, bytes.asLongBuffer(), shape)
                : OnnxTensor.createTensor(model.environment, bytes.asIntBuffer(), shape);
    }

    private static Buffer floating(int n, boolean f64) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(n * (f64 ? 8 : 4)).order(ByteOrder.nativeOrder());
        return f64 ? bytes.asDoubleBuffer() : bytes.asFloatBuffer();
    }

    private OnnxTensor tensor(Buffer buffer, long[] shape) throws OrtException {
        return buffer instanceof java.nio.DoubleBuffer d ? OnnxTensor.createTensor(model.environment, d, shape)
                : OnnxTensor.createTensor(model.environment, (java.nio.FloatBuffer) buffer, shape);
    }

    /** Closes the native tensors (the model does on close). */
    void release() {
        for (OnnxTensor t : tensors) {
            t.close();
        }
        tensors = new OnnxTensor[0];
        batch = -1;
    }

    @Override
    public String toString() {
        return "ONNX " + model.source + " (" + type + (labels == null ? "" : ", labels")
                + (doubledNullLabel >= 0 ? ", doubled batch" : "") + ")";
    }
}
