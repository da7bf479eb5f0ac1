package org.expint4j.verification.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.model.onnx.ArrayType;
import org.expint4j.diffusion.model.onnx.OnnxDiffusionModel;
import org.expint4j.vector.VectorOps;

/**
 * The trained network of {@code expint sample --onnx}: the graph, what it predicts, how it reads
 * time, its labels and guidance, turned into the noise predictor the sampler integrates. What the
 * options leave open comes from the graph's metadata ({@code expint4j.model_type},
 * {@code expint4j.time}, {@code expint4j.schedule}); without either, a noise predictor whose time
 * input follows the schedule (continuous, or the reference's discrete map).
 */
final class OnnxSource implements AutoCloseable {

    /** What the user asked for; {@code null} fields take the graph's word or the default. */
    record Request(Path file, ModelType type, Choices.ModelTime time, String classes, Double guidance, long[] shape,
                   String inputs, String output) {
    }

    private final OnnxDiffusionModel model;
    private final ModelType type;
    private final Choices.ModelTime time;
    private final String classes;
    private final Double guidance;

    private OnnxSource(OnnxDiffusionModel model, Request request) {
        this.model = model;
        this.type = request.type() != null ? request.type() : model.declaredModelType().orElse(ModelType.NOISE);
        this.time = request.time() != null ? request.time()
                : model.declaredTime().map(t -> declared(request.file(), "expint4j.time", t, new Choices.ModelTimes()))
                        .orElse(null);
        this.classes = request.classes();
        this.guidance = request.guidance();
        if (guidance != null && !model.isConditional()) {
            throw new IllegalArgumentException("--guidance-scale needs a conditional model; '" + request.file()
                    + "' takes no class label");
        }
        if (classes != null && !model.isConditional()) {
            throw new IllegalArgumentException("--class needs a conditional model; '" + request.file()
                    + "' takes no class label");
        }
    }

    /**
     * @param request the options
     * @return the model, loaded and checked
     * @throws IllegalArgumentException naming the file and what does not fit
     */
    static OnnxSource open(Request request) {
        OnnxDiffusionModel.Options options = new OnnxDiffusionModel.Options();
        if (request.shape() != null) {
            options.sampleShape(request.shape());
        }
        if (request.inputs() != null) {
            String[] names = request.inputs().split(",", -1);
            if (names.length < 2 || names.length > 3) {
                throw new IllegalArgumentException("--onnx-inputs takes state,time or state,time,label, got '"
                        + request.inputs() + "'");
            }
            options.stateInput(names[0].strip()).timeInput(names[1].strip());
            if (names.length == 3) {
                options.labelInput(names[2].strip());
            }
        }
        if (request.output() != null) {
            options.output(request.output());
        }
        OnnxDiffusionModel model;
        try {
            model = OnnxDiffusionModel.load(request.file(), options);
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("--onnx: " + e.getMessage(), e);
        }
        try {
            return new OnnxSource(model, request);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** @return the schedule the graph declares ({@code expint4j.schedule}), if it does */
    Optional<Choices.Schedule> declaredSchedule() {
        return Optional.ofNullable(model.metadata().get("expint4j.schedule"))
                .map(v -> declared(Path.of(model.source()), "expint4j.schedule", v, new Choices.Schedules()));
    }

    private static <E> E declared(Path file, String key, String value, Choices.Converter<E> names) {
        try {
            return names.convert(value);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new IllegalArgumentException("--onnx '" + file + "': metadata " + key + " = " + e.getMessage(), e);
        }
    }

    /** @return the number of values of a sample */
    int dimension() {
        return model.dimension();
    }

    /**
     * The label of each sample: one class for all ({@code --class 3}), classes in turn
     * ({@code --class 0,2}), every class in turn ({@code --class all}), or none.
     *
     * @param batch the number of samples
     * @return the labels, or {@code null} without {@code --class}
     */
    int[] labels(int batch) {
        if (classes == null) {
            return null;
        }
        int[] choice;
        if (classes.strip().equalsIgnoreCase("all")) {
            if (model.classes() < 1) {
                throw new IllegalArgumentException("--class all needs a model that declares its classes"
                        + " (expint4j.classes); name them instead");
            }
            choice = new int[model.classes()];
            for (int k = 0; k < choice.length; k++) {
                choice[k] = k;
            }
        } else {
            String[] parts = classes.split(",", -1);
            choice = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    choice[i] = Integer.parseInt(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--class value " + (i + 1) + " is '" + parts[i]
                            + "', not a class number (or give --class all)");
                }
            }
        }
        model.requireLabels(choice);
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) {
            labels[b] = choice[b % choice.length];
        }
        return labels;
    }

    /**
     * @param schedule the sampling schedule
     * @return the model's time map: continuous, or the reference's discrete map for a discrete schedule
     */
    ModelTimeMap timeMap(NoiseSchedule schedule) {
        Choices.ModelTime kind = time != null ? time
                : schedule instanceof DiscreteSchedule ? Choices.ModelTime.DISCRETE : Choices.ModelTime.CONTINUOUS;
        if (kind == Choices.ModelTime.CONTINUOUS) {
            return ModelTimeMap.CONTINUOUS;
        }
        if (!(schedule instanceof DiscreteSchedule d)) {
            throw new IllegalArgumentException("--model-time discrete needs a discrete --schedule (discrete-linear "
                    + "or discrete-cosine), got " + schedule);
        }
        return ModelTimeMap.discreteReference(d.length());
    }

    /**
     * @param <V> state array type
     * @param array the state array type
     * @param ops the backend
     * @param schedule the sampling schedule
     * @param labels the labels from {@link #labels}, or {@code null}
     * @return the wrapper that turns the graph's output (and guidance) into \( \hat\epsilon \)
     */
    <V> ModelWrapper<V> wrapper(ArrayType<V> array, VectorOps<V> ops, NoiseSchedule schedule, int[] labels) {
        DiffusionModel<V> network = labels == null ? model.unconditional(array) : model.conditional(array, labels);
        Guidance<V> g = guidance == null ? Guidance.none() : model.classifierFreeGuidance(array, guidance, labels);
        return new ModelWrapper<>(network, type, schedule, timeMap(schedule), ops, g, null);
    }

    /** @return a description for the summary line */
    String description() {
        return "ONNX " + model.source() + ", " + type.name().toLowerCase(java.util.Locale.ROOT) + " prediction"
                + (classes != null ? ", class " + classes : "") + (guidance != null ? ", guidance " + guidance : "");
    }

    @Override
    public void close() {
        model.close();
    }
}
