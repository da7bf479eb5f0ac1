package org.expint4j.diffusion.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.TensorInfo;
import java.util.Arrays;
import java.util.Map;

/** Inputs, output and shapes of a diffusion graph, checked once at load. */
record GraphSignature(String state, String time, String label, String output, OnnxJavaType precision,
                      OnnxJavaType timeType, OnnxJavaType labelType, long[] sampleShape, int dimension,
                      long fixedBatch, long[] timeShape, Map<String, NodeInfo> inputs) {

    static GraphSignature of(String file, Map<String, NodeInfo> inputs, Map<String, NodeInfo> outputs,
                             OnnxDiffusionModel.Options o) {
        String prefix = "ONNX model '" + file + "': ";
        for (String named : Arrays.asList(o.state, o.time, o.label)) {
            if (named != null && !inputs.containsKey(named)) {
                throw new IllegalArgumentException(prefix + "has no input '" + named + "'; its inputs: "
                        + describe(inputs));
            }
        }
        String state = o.state != null ? o.state : pick(prefix, inputs, "state", 2, 8, null);
        String time = o.time != null ? o.time : pick(prefix, inputs, "time", 0, 1, state);
        String label = o.label != null ? o.label : pickOptional(inputs, state, time);
        for (String name : inputs.keySet()) {
            if (!name.equals(state) && !name.equals(time) && !name.equals(label)) {
                throw new IllegalArgumentException(prefix + "input '" + name + "' (" + describe(inputs.get(name))
                        + ") is neither state, time nor label; name them in the options. Inputs: "
                        + describe(inputs));
            }
        }
        TensorInfo s = tensor(prefix, inputs, state);
        TensorInfo t = tensor(prefix, inputs, time);
        if (s.type != OnnxJavaType.FLOAT && s.type != OnnxJavaType.DOUBLE) {
            throw new IllegalArgumentException(prefix + "state input '" + state + "' has element type " + s.type
                    + "; a diffusion model's state is float32 or float64");
        }
        long[] shape = s.getShape();
        if (shape.length < 2) {
            throw new IllegalArgumentException(prefix + "state input '" + state + "' has rank " + shape.length
                    + "; it must be [batch, ...]");
        }
        if (t.type != OnnxJavaType.FLOAT && t.type != OnnxJavaType.DOUBLE) {
            throw new IllegalArgumentException(prefix + "time input '" + time + "' has element type " + t.type
                    + "; the sampler evaluates at non-integer model times, so export it as float32 or float64");
        }
        long[] timeShape = t.getShape();
        if (timeShape.length > 1) {
            throw new IllegalArgumentException(prefix + "time input '" + time + "' has rank " + timeShape.length
                    + "; it must be [batch], [1] or a scalar");
        }
        OnnxJavaType labelType = null;
        if (label != null) {
            TensorInfo l = tensor(prefix, inputs, label);
            if ((l.type != OnnxJavaType.INT64 && l.type != OnnxJavaType.INT32) || l.getShape().length != 1) {
                throw new IllegalArgumentException(prefix + "label input '" + label + "' is " + describe(l)
                        + "; it must be int64 or int32 of shape [batch]");
            }
            labelType = l.type;
        }
        long[] sample = sampleShape(prefix, state, shape, o.sampleShape);
        long d = 1;
        for (long n : sample) {
            d = Math.multiplyExact(d, n);
        }
        if (d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(prefix + "a sample of shape " + Arrays.toString(sample)
                    + " has more than " + Integer.MAX_VALUE + " values");
        }
        String output = o.output;
        if (output == null) {
            if (outputs.size() != 1) {
                throw new IllegalArgumentException(prefix + "has " + outputs.size() + " outputs (" + describe(outputs)
                        + "); name the prediction in the options");
            }
            output = outputs.keySet().iterator().next();
        } else if (!outputs.containsKey(output)) {
            throw new IllegalArgumentException(prefix + "has no output '" + output + "'; its outputs: "
                    + describe(outputs));
        }
        TensorInfo out = tensor(prefix, outputs, output);
        long[] outShape = out.getShape();
        if (out.type != s.type) {
            throw new IllegalArgumentException(prefix + "output '" + output + "' is " + out.type + " but the state is "
                    + s.type + "; they must be of one type");
        }
        if (outShape.length != shape.length || !compatible(outShape, 1, sample)) {
            throw new IllegalArgumentException(prefix + "output '" + output + "' has shape " + Arrays.toString(outShape)
                    + " but the state has shape [batch, " + join(sample) + "]; a prediction has the state's shape");
        }
        return new GraphSignature(state, time, label, output, s.type, t.type, labelType, sample, (int) d, shape[0],
                timeShape, inputs);
    }

    private static long[] sampleShape(String prefix, String state, long[] shape, long[] given) {
        long[] sample = Arrays.copyOfRange(shape, 1, shape.length);
        if (given != null) {
            if (given.length != sample.length || !compatible(sample, 0, given)) {
                throw new IllegalArgumentException(prefix + "sample shape " + Arrays.toString(given)
                        + " does not fit state input '" + state + "' of shape " + Arrays.toString(shape));
            }
            sample = given.clone();
        }
        for (long n : sample) {
            if (n < 1) {
                throw new IllegalArgumentException(prefix + "state input '" + state + "' has shape "
                        + Arrays.toString(shape) + " with symbolic sample axes; give the sample shape in the options");
            }
        }
        return sample;
    }

    /** Whether the dimensions from {@code offset} on equal {@code sample} where they are fixed. */
    private static boolean compatible(long[] dims, int offset, long[] sample) {
        for (int i = 0; i < sample.length; i++) {
            long n = dims[i + offset];
            if (n >= 0 && n != sample[i]) {
                return false;
            }
        }
        return true;
    }

    /** The one floating-point input of rank in [minRank, maxRank] other than {@code taken}. */
    private static String pick(String prefix, Map<String, NodeInfo> inputs, String role, int minRank, int maxRank,
                               String taken) {
        String found = null;
        for (Map.Entry<String, NodeInfo> e : inputs.entrySet()) {
            if (e.getKey().equals(taken) || !(e.getValue().getInfo() instanceof TensorInfo t)) {
                continue;
            }
            boolean isFloating = t.type == OnnxJavaType.FLOAT || t.type == OnnxJavaType.DOUBLE;
            int rank = t.getShape().length;
            if (isFloating && rank >= minRank && rank <= maxRank) {
                if (found != null) {
                    throw new IllegalArgumentException(prefix + "inputs '" + found + "' and '" + e.getKey()
                            + "' could both be the " + role + "; name it in the options. Inputs: " + describe(inputs));
                }
                found = e.getKey();
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(prefix + "no input fits the " + role + " (floating-point, rank "
                    + minRank + (maxRank > minRank ? "–" + maxRank : "")
                    + "); inputs: " + describe(inputs));
        }
        return found;
    }

    private static String pickOptional(Map<String, NodeInfo> inputs, String state, String time) {
        return inputs.size() <= 2 ? null : inputs.keySet().stream()
                .filter(n -> !n.equals(state) && !n.equals(time)).findFirst().orElse(null);
    }

    private static TensorInfo tensor(String prefix, Map<String, NodeInfo> nodes, String name) {
        if (!(nodes.get(name).getInfo() instanceof TensorInfo t)) {
            throw new IllegalArgumentException(prefix + "'" + name + "' is " + nodes.get(name).getInfo()
                    + ", not a tensor");
        }
        return t;
    }

    static String describe(Map<String, NodeInfo> nodes) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, NodeInfo> e : nodes.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey()).append(' ').append(e.getValue().getInfo() instanceof TensorInfo t
                    ? describe(t) : e.getValue().getInfo().toString());
        }
        return b.toString();
    }

    private static String describe(NodeInfo node) {
        return node.getInfo() instanceof TensorInfo t ? describe(t) : node.getInfo().toString();
    }

    private static String describe(TensorInfo t) {
        return t.type + Arrays.toString(t.getShape());
    }

    private static String join(long[] dims) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            b.append(i > 0 ? ", " : "").append(dims[i]);
        }
        return b.toString();
    }

    String describeInputs() {
        return describe(inputs);
    }
}
