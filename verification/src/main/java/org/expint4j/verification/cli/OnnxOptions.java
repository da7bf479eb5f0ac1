package org.expint4j.verification.cli;

import java.nio.file.Path;
import org.expint4j.diffusion.model.ModelType;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of {@code expint sample} that describe a trained network: {@code --onnx} and its companions. */
final class OnnxOptions {

    @Option(names = "--onnx", paramLabel = "FILE", order = 3,
            description = "A trained network as an ONNX graph (instead of --gmm/--gaussian): state [B, ...], time, "
                    + "optional class label; see docs/models.md.")
    Path file;

    @Option(names = "--model-type", paramLabel = "T", order = 4, converter = Choices.ModelTypes.class,
            description = "What --onnx predicts: noise, x_start, v, score or flow (the velocity dx/dt of a flow "
                    + "model) (default: the graph's expint4j.model_type, else noise).")
    ModelType modelType;

    @Option(names = "--model-time", paramLabel = "T", order = 4, converter = Choices.ModelTimes.class,
            description = "The time --onnx reads: continuous (t) or discrete (1000 (t - 1/N)) (default: the graph's "
                    + "expint4j.time, else as the schedule).")
    Choices.ModelTime modelTime;

    @Option(names = "--class", paramLabel = "K", order = 4,
            description = "Class label(s) of a conditional --onnx model: K, a comma list taken in turn, or all.")
    String classes;

    @Option(names = "--guidance-scale", paramLabel = "S", order = 4,
            description = "Classifier-free guidance scale with --class (1: the conditional model).")
    Double guidanceScale;

    @Option(names = "--shape", paramLabel = "LIST", order = 4,
            description = "Shape of one sample (comma list), for graphs with symbolic sample axes.")
    String shape;

    @Option(names = "--onnx-inputs", paramLabel = "NAMES", order = 4,
            description = "The graph's inputs: state,time or state,time,label (default: recognised by rank and type).")
    String onnxInputs;

    @Option(names = "--onnx-output", paramLabel = "NAME", order = 4,
            description = "The graph's prediction output (default: its only output).")
    String onnxOutput;

    /** Refuses the network's options without {@code --onnx}, and guidance without a class. */
    void check(CommandLine.ParseResult parsed) {
        if (file == null) {
            for (String option : new String[] {"--model-type", "--model-time", "--class", "--guidance-scale", "--shape",
                "--onnx-inputs", "--onnx-output"}) {
                if (parsed.hasMatchedOption(option)) {
                    throw new IllegalArgumentException(option + " needs --onnx");
                }
            }
        }
        if (guidanceScale != null && classes == null) {
            throw new IllegalArgumentException("--guidance-scale needs --class: guidance steers towards a class");
        }
        if (guidanceScale != null && !Double.isFinite(guidanceScale)) {
            throw new IllegalArgumentException("--guidance-scale must be a finite number, got " + guidanceScale);
        }
    }

    /** @return the network, loaded and checked */
    OnnxSource open() {
        return OnnxSource.open(new OnnxSource.Request(file, modelType, modelTime, classes, guidanceScale,
                shape == null ? null : parseShape(shape), onnxInputs, onnxOutput));
    }

    private static long[] parseShape(String text) {
        double[] values = SampleCommand.parseList(text, "--shape");
        long[] shape = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 1 && values[i] <= Integer.MAX_VALUE && values[i] == Math.rint(values[i]))) {
                throw new IllegalArgumentException("--shape value " + (i + 1) + " is " + values[i]
                        + ", must be a positive whole number");
            }
            shape[i] = (long) values[i];
        }
        return shape;
    }

}
