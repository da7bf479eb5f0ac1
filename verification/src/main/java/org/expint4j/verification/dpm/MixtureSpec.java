package org.expint4j.verification.dpm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * A mixture of \(K\) Gaussians with diagonal covariances in \(d\) dimensions,
 * \( \sum_k w_k N(\mu_k, \mathrm{diag}(s_k^2)) \): the data distribution of the study
 * ({@link #random}) and of {@code expint sample --gmm} ({@link #fromJson}).
 *
 * @param weights weights \(w_k\), \(K\) entries (normalised by {@link #random}; the model
 *     normalises them in any case)
 * @param means \(\mu_k\), \(K\) rows of length \(d\)
 * @param stds standard deviations \(s_k\) (not variances), same shape
 */
public record MixtureSpec(double[] weights, double[][] means, double[][] stds) {

    private static final Set<String> KEYS = Set.of("weights", "means", "stds");

    /**
     * A random mixture with separated modes, drawn from a seed: weights \( w_k \propto U(1, 4) \)
     * (non-uniform), standard deviations \( s_{k,j} \sim U(s_-, s_+) \), means
     * \( \mu_{k,j} \sim U(-a, a) \) with \(a = 1\) (the data range diffusion models are trained
     * on), redrawn until every pair of modes is at least \( 4 s_+ \) apart, and \(a\) widened by
     * 10% after every 200 failed draws (needed only in low dimension).
     *
     * @param dimension \(d \ge 1\)
     * @param components \(K \ge 1\)
     * @param stdLow \(s_- &gt; 0\)
     * @param stdHigh \(s_+ \ge s_-\)
     * @param seed the seed
     * @return the mixture
     */
    public static MixtureSpec random(int dimension, int components, double stdLow, double stdHigh, long seed) {
        if (dimension < 1 || components < 1 || !(stdLow > 0) || !(stdHigh >= stdLow)) {
            throw new IllegalArgumentException("need d >= 1, K >= 1, 0 < stdLow <= stdHigh; got d = " + dimension
                    + ", K = " + components + ", stds in [" + stdLow + ", " + stdHigh + "]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[components];
        double sum = 0;
        for (int k = 0; k < components; k++) {
            weights[k] = 1 + 3 * random.nextDouble();
            sum += weights[k];
        }
        for (int k = 0; k < components; k++) {
            weights[k] /= sum;
        }
        double[][] stds = new double[components][dimension];
        for (double[] row : stds) {
            for (int j = 0; j < dimension; j++) {
                row[j] = stdLow + (stdHigh - stdLow) * random.nextDouble();
            }
        }
        double[][] means = new double[components][dimension];
        double range = 1;
        double separation = 4 * stdHigh;
        for (int attempt = 1; ; attempt++) {
            for (double[] row : means) {
                for (int j = 0; j < dimension; j++) {
                    row[j] = range * (2 * random.nextDouble() - 1);
                }
            }
            if (minimumSeparation(means) >= separation) {
                break;
            }
            if (attempt % 200 == 0) {
                range *= 1.1;
            }
        }
        return new MixtureSpec(weights, means, stds);
    }

    /** @return the smallest distance between two means (infinity for one component) */
    public static double minimumSeparation(double[][] means) {
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < means.length; a++) {
            for (int b = a + 1; b < means.length; b++) {
                double s = 0;
                for (int j = 0; j < means[a].length; j++) {
                    double d = means[a][j] - means[b][j];
                    s += d * d;
                }
                min = Math.min(min, Math.sqrt(s));
            }
        }
        return min;
    }

    /** @return \(d\) */
    public int dimension() {
        return means[0].length;
    }

    /** @return \(K\) */
    public int components() {
        return weights.length;
    }

    /**
     * @param schedule the noise schedule
     * @param timeMap the model-time map
     * @return the exact noise predictor of this mixture
     */
    public GaussianMixtureModel model(NoiseSchedule schedule, ModelTimeMap timeMap) {
        return new GaussianMixtureModel(weights, means, stds, schedule, timeMap);
    }

    /**
     * The mixture a JSON document describes,
     * {@code {"weights": [K], "means": [[D] × K], "stds": [[D] × K]}}.
     *
     * @param root the parsed document: maps, lists, doubles, strings, booleans and null, as the
     *     command line's JSON parser gives it
     * @return the mixture it describes
     * @throws IllegalArgumentException naming the offending entry if it has the wrong keys, types
     *     or shapes, or a weight or std that is not positive
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
