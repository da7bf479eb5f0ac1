package org.expint4j.verification.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Gaussian mixture with diagonal covariances as the command line reads it from JSON:
 * {@code {"weights": [K], "means": [[D] × K], "stds": [[D] × K]}} (standard deviations, not
 * variances). Shapes and types are checked here with messages that name the offending entry;
 * the values' ranges (positive weights and stds) are checked by the model itself.
 *
 * @param weights mixture weights, K entries
 * @param means component means, K rows of D
 * @param stds component standard deviations, K rows of D
 */
public record MixtureSpec(double[] weights, double[][] means, double[][] stds) {

    private static final Set<String> KEYS = Set.of("weights", "means", "stds");

    /** @return the dimension D of a sample */
    public int dimension() {
        return means[0].length;
    }

    /**
     * Reads a mixture file.
     *
     * @param file the JSON file
     * @return the mixture
     * @throws IllegalArgumentException naming the file (and line and column for syntax errors) if
     *     it is missing, unreadable or malformed
     */
    public static MixtureSpec read(Path file) {
        String text = CliFiles.readText(file, "--gmm");
        try {
            return fromJson(Json.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--gmm file '" + file + "': " + e.getMessage(), e);
        }
    }

    /**
     * @param root a parsed JSON document
     * @return the mixture it describes
     * @throws IllegalArgumentException if it has the wrong keys, types or shapes
     */
    public static MixtureSpec fromJson(Object root) {
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected an object {\"weights\": ..., \"means\": ..., \"stds\": ...}, found "
                    + kind(root));
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (expected weights, means, stds)");
            }
        }
        for (String key : List.of("weights", "means", "stds")) {
            if (!map.containsKey(key)) {
                throw new IllegalArgumentException("missing key \"" + key + "\"");
            }
        }
        double[] weights = vector(map.get("weights"), "weights");
        double[][] means = matrix(map.get("means"), "means");
        double[][] stds = matrix(map.get("stds"), "stds");
        int k = weights.length;
        if (k == 0) {
            throw new IllegalArgumentException("weights is empty; need at least one component");
        }
        if (means.length != k || stds.length != k) {
            throw new IllegalArgumentException("weights, means and stds have " + k + ", " + means.length + " and "
                    + stds.length + " components; they must be equal");
        }
        int d = means[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("means[0] is empty; need dimension >= 1");
        }
        for (int i = 0; i < k; i++) {
            if (means[i].length != d) {
                throw new IllegalArgumentException("means[" + i + "] has " + means[i].length + " entries, means[0] has "
                        + d);
            }
            if (stds[i].length != d) {
                throw new IllegalArgumentException("stds[" + i + "] has " + stds[i].length + " entries, means have " + d);
            }
            if (!(weights[i] > 0)) {
                throw new IllegalArgumentException("weights[" + i + "] = " + weights[i] + ", must be positive");
            }
            for (int j = 0; j < d; j++) {
                if (!(stds[i][j] > 0)) {
                    throw new IllegalArgumentException("stds[" + i + "][" + j + "] = " + stds[i][j]
                            + ", must be positive");
                }
            }
        }
        return new MixtureSpec(weights, means, stds);
    }

    private static double[] vector(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(name + ": expected an array of numbers, found " + kind(value));
        }
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Double x)) {
                throw new IllegalArgumentException(name + "[" + i + "]: expected a number, found " + kind(v));
            }
            out[i] = x;
        }
        return out;
    }

    private static double[][] matrix(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(name + ": expected an array of arrays (one per component), found "
                    + kind(value));
        }
        double[][] out = new double[list.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector(list.get(i), name + "[" + i + "]");
        }
        return out;
    }

    private static String kind(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String s) {
            return "the string \"" + s + "\"";
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        if (v instanceof Double) {
            return "the number " + v;
        }
        return "null";
    }
}
