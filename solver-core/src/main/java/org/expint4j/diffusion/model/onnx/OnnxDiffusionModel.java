package org.expint4j.diffusion.model.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.model.ModelType;

/**
 * A trained diffusion network stored as an ONNX graph, evaluated by ONNX Runtime on the whole
 * batch in one call. The graph takes the noisy state \(x\) as a tensor \([B, \dots]\) (float32 or
 * float64), the model time as \([B]\), \([1]\) or a scalar (float32 or float64), and optionally a
 * class label \([B]\) (int64 or int32), and returns one tensor of the state's shape and type: a
 * prediction of some {@link ModelType}, which {@link org.expint4j.diffusion.model.ModelWrapper} turns into
 * what the sampler needs. The inputs are recognised by rank and type (or named in {@link Options});
 * the graph's metadata keys {@code expint4j.model_type}, {@code expint4j.time},
 * {@code expint4j.classes} and {@code expint4j.null_class} describe it where present.
 *
 * <p>Views: {@link #unconditional}, {@link #conditional} (labels per sample, or one for all) and
 * {@link #classifierFreeGuidance}, which evaluates the unconditional and conditional predictions
 * in one call on a doubled batch \([x; x]\) when the graph's batch axis is dynamic, and in two
 * calls otherwise. Each view keeps its tensors (direct buffers that ONNX Runtime reads and
 * writes in place) and reallocates them only when the batch size changes, so a sampling step
 * allocates nothing beyond ONNX Runtime's own per-call result object.
 *
 * <p>ONNX Runtime is an optional dependency of solver-core ({@code com.microsoft.onnxruntime:
 * onnxruntime}): add it to use this package. The model (its session) is thread-safe; each view
 * is not. {@link #close()} releases the session and every view's tensors.
 */
public final class OnnxDiffusionModel implements AutoCloseable {

    /** Which inputs and output to use, and what the graph does not say about itself. */
    public static final class Options {
        String state;
        String time;
        String label;
        String output;
        int nullLabel = -1;
        long[] sampleShape;
        int threads;

        /** @param name the state input (default: the floating-point input of rank ≥ 2) @return this */
        public Options stateInput(String name) {
            state = name;
            return this;
        }

        /** @param name the time input (default: the floating-point input of rank ≤ 1) @return this */
        public Options timeInput(String name) {
            time = name;
            return this;
        }

        /** @param name the class-label input (default: the integer input, if any) @return this */
        public Options labelInput(String name) {
            label = name;
            return this;
        }

        /** @param name the output (default: the only one) @return this */
        public Options output(String name) {
            output = name;
            return this;
        }

        /** @param value the label meaning "no class" (default: metadata {@code expint4j.null_class}) @return this */
        public Options nullLabel(int value) {
            nullLabel = value;
            return this;
        }

        /**
         * @param shape the shape of one sample, for graphs whose sample axes are symbolic (for
         *     example a UNet exported with dynamic height and width)
         * @return this
         */
        public Options sampleShape(long... shape) {
            sampleShape = shape.clone();
            return this;
        }

        /** @param value ONNX Runtime's intra-op threads, 0 for its default @return this */
        public Options threads(int value) {
            threads = value;
            return this;
        }
    }

    final String source;
    final OrtEnvironment environment;
    final OrtSession session;
    final GraphSignature signature;
    private final Optional<ModelType> modelType;
    private final Optional<String> timeKind;
    private final Map<String, String> metadata;
    private final int classes;
    private final int nullLabel;
    private final List<OnnxEvaluation<?>> views = new ArrayList<>();
    private boolean closed;

    private OnnxDiffusionModel(String file, OrtEnvironment environment, OrtSession session, GraphSignature signature,
                               Map<String, String> metadata, Options options) {
        this.source = file;
        this.environment = environment;
        this.session = session;
        this.signature = signature;
        this.modelType = Optional.ofNullable(metadata.get("expint4j.model_type")).map(v -> parseType(file, v));
        this.timeKind = Optional.ofNullable(metadata.get("expint4j.time"));
        this.metadata = Map.copyOf(metadata);
        this.classes = metadataInt(file, metadata, "expint4j.classes");
        this.nullLabel = options.nullLabel >= 0 ? options.nullLabel
                : metadataInt(file, metadata, "expint4j.null_class");
    }

    /**
     * @param file the {@code .onnx} file
     * @return the model, inputs recognised from the graph
     * @throws IllegalArgumentException if the file is missing or not a usable diffusion graph
     * @throws IllegalStateException if ONNX Runtime cannot be loaded
     */
    public static OnnxDiffusionModel load(Path file) {
        return load(file, new Options());
    }

    /**
     * @param file the {@code .onnx} file
     * @param options input names and facts the graph lacks
     * @return the model
     * @throws IllegalArgumentException if the file is missing, corrupt, or its inputs and output do
     *     not fit a diffusion model (the message names the file, the input and what is wrong)
     * @throws IllegalStateException if ONNX Runtime's native library cannot be loaded
     */
    public static OnnxDiffusionModel load(Path file, Options options) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("ONNX model '" + file + "' does not exist or is not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("ONNX model '" + file + "' cannot be read: " + e.getMessage(), e);
        }
        return load(file.toString(), bytes, options);
    }

    /**
     * @param name what to call the model in messages (a file or resource name)
     * @param graph the bytes of the {@code .onnx} file
     * @param options input names and facts the graph lacks
     * @return the model
     * @throws IllegalArgumentException if the bytes are not a usable diffusion graph
     * @throws IllegalStateException if ONNX Runtime's native library cannot be loaded
     */
    public static OnnxDiffusionModel load(String name, byte[] graph, Options options) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(options, "options");
        OrtEnvironment environment = Runtime.environment();
        OrtSession session;
        try {
            session = createSession(environment, graph, options, OrtSession.SessionOptions.OptLevel.ALL_OPT);
        } catch (OrtException e) {
            if (e.getCode() != OrtException.OrtErrorCode.ORT_NOT_IMPLEMENTED) {
                throw new IllegalArgumentException("ONNX model '" + name + "' cannot be loaded: " + e.getMessage(), e);
            }
            // ONNX Runtime's extended fusions have float32 kernels only: in a float64 graph they can
            // produce nodes nothing executes (x sigmoid(x) fused to QuickGelu). Basic optimisation then.
            try {
                session = createSession(environment, graph, options, OrtSession.SessionOptions.OptLevel.BASIC_OPT);
            } catch (OrtException again) {
                throw new IllegalArgumentException("ONNX model '" + name + "' cannot be loaded: " + again.getMessage(),
                        again);
            }
        }
        try {
            GraphSignature signature = GraphSignature.of(name, session.getInputInfo(), session.getOutputInfo(),
                    options);
            return new OnnxDiffusionModel(name, environment, session, signature,
                    session.getMetadata().getCustomMetadata(), options);
        } catch (OrtException | RuntimeException e) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // The first failure is the one to report.
            }
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("ONNX model '" + name + "': " + e.getMessage(), e);
        }
    }

    private static OrtSession createSession(OrtEnvironment environment, byte[] graph, Options options,
                                            OrtSession.SessionOptions.OptLevel level) throws OrtException {
        try (OrtSession.SessionOptions so = new OrtSession.SessionOptions()) {
            so.setOptimizationLevel(level);
            if (options.threads > 0) {
                so.setIntraOpNumThreads(options.threads);
            }
            return environment.createSession(graph, so);
        }
    }

    /** @return the number of values of one sample, \(D\) */
    public int dimension() {
        return signature.dimension();
    }

    /** @return the shape of one sample (the state's axes after the batch axis) */
    public long[] sampleShape() {
        return signature.sampleShape().clone();
    }

    /** @return whether the graph computes in float64 (else float32) */
    public boolean isDouble() {
        return signature.precision() == OnnxJavaType.DOUBLE;
    }

    /** @return whether the graph takes a class label */
    public boolean isConditional() {
        return signature.label() != null;
    }

    /** @return the batch size the graph is fixed to, or -1 for a dynamic batch axis */
    public long fixedBatch() {
        return signature.fixedBatch();
    }

    /** @return the prediction type the graph declares ({@code expint4j.model_type}), if it does */
    public Optional<ModelType> declaredModelType() {
        return modelType;
    }

    /** @return "continuous" or "discrete" as the graph declares ({@code expint4j.time}), if it does */
    public Optional<String> declaredTime() {
        return timeKind;
    }

    /** @return the graph's custom metadata (key, value), as stored in the file */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** @return the number of classes the graph declares, or -1 */
    public int classes() {
        return classes;
    }

    /** @return the label meaning "no class", or -1 if neither the graph nor the options say */
    public int nullLabel() {
        return nullLabel;
    }

    /** @return the file or resource the model was loaded from */
    public String source() {
        return source;
    }

    /**
     * @param <V> state array type
     * @param type {@link ArrayType#DOUBLE} or {@link ArrayType#FLOAT}
     * @return the unconditional model (label "no class" for a conditional graph)
     * @throws IllegalArgumentException if the graph is conditional but its null label is unknown
     */
    public <V> DiffusionModel<V> unconditional(ArrayType<V> type) {
        long[] labels = null;
        if (isConditional()) {
            requireNullLabel("an unconditional evaluation");
            labels = new long[] {nullLabel};
        }
        return view(type, labels, false);
    }

    /**
     * @param <V> state array type
     * @param type {@link ArrayType#DOUBLE} or {@link ArrayType#FLOAT}
     * @param labels one label per sample, or a single label for every sample; the null label is
     *     allowed and means "no class" for its samples
     * @return the model conditioned on the labels
     * @throws IllegalArgumentException if the graph takes no label or a label is out of range
     */
    public <V> DiffusionModel<V> conditional(ArrayType<V> type, int... labels) {
        return view(type, checkLabels(labels, "a class label"), false);
    }

    /**
     * Classifier-free guidance \( (1 - s)\,r_u + s\,r_c \): one call on \([x; x]\) with labels
     * \([\varnothing; c]\) when the batch axis is dynamic, else two calls. Use it with the
     * {@linkplain #conditional conditional} model in the wrapper.
     *
     * @param <V> state array type
     * @param type {@link ArrayType#DOUBLE} or {@link ArrayType#FLOAT}
     * @param scale the guidance scale \(s\)
     * @param labels the labels, as for {@link #conditional}
     * @return the guidance
     * @throws IllegalArgumentException if the graph takes no label, its null label is unknown, or
     *     a label is out of range
     */
    public <V> Guidance<V> classifierFreeGuidance(ArrayType<V> type, double scale, int... labels) {
        long[] checked = checkLabels(labels, "classifier-free guidance");
        requireNullLabel("classifier-free guidance");
        if (signature.fixedBatch() < 0) {
            return Guidance.classifierFreeBatched(view(type, checked, true), scale);
        }
        return Guidance.classifierFree(unconditional(type), scale);
    }

    /**
     * @param labels class labels
     * @throws IllegalArgumentException if the graph takes no label or one is out of range (the
     *     message names it and the valid range)
     */
    public void requireLabels(int... labels) {
        checkLabels(labels, "a class label");
    }

    private long[] checkLabels(int[] labels, String what) {
        Objects.requireNonNull(labels, "labels");
        if (!isConditional()) {
            throw new IllegalArgumentException(what + " needs a conditional model, but '" + source
                    + "' takes no label input (its inputs: " + signature.describeInputs() + ")");
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("no class label given");
        }
        long[] out = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label < 0 || (classes > 0 && label >= classes && label != nullLabel)) {
                throw new IllegalArgumentException("class " + label + (labels.length > 1 ? " (sample " + i + ")" : "")
                        + " is out of range: " + (classes > 0 ? "the model has classes 0.." + (classes - 1)
                        + (nullLabel >= 0 ? " (and " + nullLabel + " for no class)" : "") : "labels are non-negative"));
            }
            out[i] = label;
        }
        return out;
    }

    private void requireNullLabel(String what) {
        if (nullLabel < 0) {
            throw new IllegalArgumentException(what + " needs the label meaning 'no class': '" + source
                    + "' does not declare expint4j.null_class; give it with Options.nullLabel");
        }
    }

    private synchronized <V> DiffusionModel<V> view(ArrayType<V> type, long[] labels, boolean doubled) {
        Objects.requireNonNull(type, "type");
        if (closed) {
            throw new IllegalStateException("ONNX model '" + source + "' is closed");
        }
        OnnxEvaluation<V> view = new OnnxEvaluation<>(this, type, labels, doubled ? nullLabel : -1);
        views.add(view);
        return view;
    }

    /** Releases the session and the tensors of every view; views fail afterwards. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (OnnxEvaluation<?> view : views) {
            view.release();
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing ONNX model '" + source + "': " + e.getMessage(), e);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private static ModelType parseType(String file, String value) {
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "noise", "eps", "epsilon" -> ModelType.NOISE;
            case "data", "x0", "x_start" -> ModelType.DATA;
            case "v", "velocity" -> ModelType.VELOCITY;
            case "score" -> ModelType.SCORE;
            default -> throw new IllegalArgumentException("ONNX model '" + file + "': metadata expint4j.model_type = '"
                    + value + "' is not noise, data, v or score");
        };
    }

    private static int metadataInt(String file, Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            return -1;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ONNX model '" + file + "': metadata " + key + " = '" + value
                    + "' is not a non-negative integer");
        }
    }

    @Override
    public String toString() {
        return "OnnxDiffusionModel[" + source + ": " + signature.describeInputs() + "]";
    }

    /** Loads ONNX Runtime once, turning a failure to load its natives into one clear message. */
    static final class Runtime {
        private Runtime() {
        }

        static OrtEnvironment environment() {
            try {
                return OrtEnvironment.getEnvironment();
            } catch (LinkageError e) {
                throw new IllegalStateException("ONNX Runtime could not be loaded: " + reason(e), e);
            }
        }

        /** The innermost message: the native loader's, not its initializer wrapper's. */
        static String reason(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() != null ? root.getMessage() : root.toString();
            if (e instanceof NoClassDefFoundError && root == e) {
                return message != null && message.startsWith("Could not initialize class")
                        ? "its native library failed to load earlier in this JVM (" + message + ")"
                        : "the library is not on the class path (add com.microsoft.onnxruntime:onnxruntime): "
                                + message;
            }
            return message;
        }
    }
}
