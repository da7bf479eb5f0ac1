package org.expint4j.diffusion.model;

import java.util.Objects;
import java.util.SplittableRandom;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * The exact noise predictor of a mixture of Gaussians with diagonal covariances, an analytic
 * diffusion model with multimodal data. Data
 * \( x_0 \sim \sum_k w_k N(\mu_k, \mathrm{diag}(s_k^2)) \) in dimension \(D\) diffuse to the
 * marginal
 * \[ p_t(x) = \sum_k w_k\, N\big(x;\ \alpha_t\mu_k,\ \mathrm{diag}(v_{k,t})\big), \qquad
 * v_{k,t} = \alpha_t^2 s_k^2 + \sigma_t^2, \]
 * whose exact noise predictor is
 * \[ \epsilon^*(x, t) = -\sigma_t\nabla\log p_t(x)
 * = \sigma_t \sum_k \gamma_k(x)\, \frac{x - \alpha_t\mu_k}{v_{k,t}}, \]
 * with the responsibilities \( \gamma_k(x) = w_k N(x; \alpha_t\mu_k, v_{k,t}) / p_t(x) \). They
 * are computed from the log-densities with the log-sum-exp shift, so that \(\epsilon^*\) and
 * \( \log p_t \) stay finite however far \(x\) is from every component (no underflow to 0/0).
 * With one component \(\epsilon^*\) equals {@link GaussianDataModel}'s bit for bit.
 *
 * <p>The weights are normalised: they need only be positive, and are divided by their sum.
 *
 * <p>As a {@link DiffusionModel} it is a {@linkplain ModelType#NOISE noise} predictor that maps
 * the model time back with its {@link ModelTimeMap}. Batches hold \(B\) samples of dimension
 * \(D\) back to back. Instances hold scratch arrays (per time: variances, normalising constants;
 * per sample: log-weights) so that evaluations allocate nothing, and are therefore not
 * thread-safe.
 */
public final class GaussianMixtureModel extends AnalyticGaussianModel {

    /** \( \log 2\pi \). */
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** Normalised weights \(w_k\). */
    private final double[] weights;

    /** \( \log w_k \). */
    private final double[] logWeights;

    /** Means, row-major \(K \times D\). */
    private final double[] means;

    /** Standard deviations, row-major \(K \times D\). */
    private final double[] stds;

    /** Number of components \(K\). */
    private final int components;

    /** Dimension \(D\). */
    private final int dimension;

    /** Scratch: \( v_{k,t} \), row-major \(K\times D\), for {@link #preparedTime}. */
    private final double[] variances;

    /** Scratch: \( \log w_k - \tfrac12\sum_d \log(2\pi v_{k,d}) \). */
    private final double[] logNormalisers;

    /** Scratch: per-sample \( \log(w_k N(x; \alpha\mu_k, v_k)) \), then responsibilities. */
    private final double[] logits;

    /** Time the scratch variances belong to (NaN: none). */
    private double preparedTime = Double.NaN;

    /** \( \alpha \) at {@link #preparedTime}. */
    private double alpha;

    /** \( \sigma \) at {@link #preparedTime}. */
    private double sigma;

    /**
     * @param weights \(w_k > 0\), finite; normalised by their sum
     * @param means \(\mu_k\), {@code K} rows of the same dimension \(D \ge 1\), entries of magnitude
     *     at most {@link GaussianDataModel#MAX_MAGNITUDE}
     * @param stds \(s_k\), same shape, in \((0,\) {@link GaussianDataModel#MAX_MAGNITUDE}\(]\)
     * @param schedule the noise schedule
     * @param timeMap the map the sampler uses for model times
     * @throws IllegalArgumentException if shapes disagree or an entry is invalid (the message
     *     names its indices and value)
     */
    public GaussianMixtureModel(double[] weights, double[][] means, double[][] stds,
            NoiseSchedule schedule, ModelTimeMap timeMap) {
        super(schedule, timeMap);
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(means, "means");
        Objects.requireNonNull(stds, "stds");
        components = weights.length;
        if (components == 0 || means.length != components || stds.length != components) {
            throw new IllegalArgumentException("weights, means and stds have " + weights.length
                    + ", " + means.length + " and " + stds.length
                    + " components; need equal numbers >= 1");
        }
        dimension = Objects.requireNonNull(means[0], "means[0]").length;
        if (dimension == 0) {
            throw new IllegalArgumentException("means[0] is empty; need dimension >= 1");
        }
        double max = 0;
        for (int k = 0; k < components; k++) {
            if (!(weights[k] > 0 && weights[k] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(
                        "weights[" + k + "] = " + weights[k] + ", must be positive and finite");
            }
            max = Math.max(max, weights[k]);
        }
        // Scaled by the largest first, so that the sum (in [1, K]) cannot overflow.
        double sum = 0;
        for (int k = 0; k < components; k++) {
            sum += weights[k] / max;
        }
        this.weights = new double[components];
        this.logWeights = new double[components];
        for (int k = 0; k < components; k++) {
            this.weights[k] = weights[k] / max / sum;
            this.logWeights[k] = Math.log(this.weights[k]);
        }
        this.means = new double[components * dimension];
        this.stds = new double[components * dimension];
        for (int k = 0; k < components; k++) {
            checkRow("means", k, means[k]);
            checkRow("stds", k, stds[k]);
            for (int d = 0; d < dimension; d++) {
                GaussianDataModel.checkMean("means[" + k + "][" + d + "]", means[k][d]);
                GaussianDataModel.checkStd("stds[" + k + "][" + d + "]", stds[k][d]);
                this.means[k * dimension + d] = means[k][d];
                this.stds[k * dimension + d] = stds[k][d];
            }
        }
        variances = new double[components * dimension];
        logNormalisers = new double[components];
        logits = new double[components];
    }

    private void checkRow(String name, int k, double[] row) {
        if (row == null || row.length != dimension) {
            throw new IllegalArgumentException(name + "[" + k + "] has length "
                    + (row == null ? "null" : String.valueOf(row.length)) + ", expected " + dimension);
        }
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** @return the number of components \(K\) */
    public int components() {
        return components;
    }

    /** @return a copy of the normalised weights */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * @param x batch of length \(BD\)
     * @param t continuous time
     * @param out receives \( \epsilon^*(x, t) = \sigma_t\sum_k\gamma_k (x - \alpha_t\mu_k)/v_{k,t}
     *     \); may be {@code x}
     * @throws IllegalArgumentException if the lengths differ or are not a multiple of \(D\)
     */
    @Override
    public void noise(double[] x, double t, double[] out) {
        checkBatch(x, out);
        prepare(t);
        for (int start = 0; start < x.length; start += dimension) {
            responsibilities(x, start);
            for (int d = 0; d < dimension; d++) {
                final double xd = x[start + d];
                double acc = 0;
                for (int k = 0; k < components; k++) {
                    final int kd = k * dimension + d;
                    acc += logits[k] * ((xd - alpha * means[kd]) / variances[kd]);
                }
                out[start + d] = sigma * acc;
            }
        }
    }

    /**
     * @param x one point, length \(D\)
     * @param t continuous time
     * @return \( \log p_t(x) \)
     * @throws IllegalArgumentException if {@code x} does not have length \(D\)
     */
    public double logDensity(double[] x, double t) {
        if (x.length != dimension) {
            throw new IllegalArgumentException(
                    "x has length " + x.length + ", expected the dimension " + dimension);
        }
        prepare(t);
        return logSumExp(x, 0);
    }

    /**
     * @param x batch of length \(BD\)
     * @param t continuous time
     * @param out receives \( \log p_t \) of each sample, length \(B\)
     * @throws IllegalArgumentException if the lengths do not match
     */
    public void logDensity(double[] x, double t, double[] out) {
        if (x.length != out.length * dimension) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected "
                    + out.length + " samples of dimension " + dimension);
        }
        prepare(t);
        for (int b = 0; b < out.length; b++) {
            out[b] = logSumExp(x, b * dimension);
        }
    }

    /**
     * The responsibilities \( \gamma_k(x) \) of the components for one point.
     *
     * @param x one point, length \(D\)
     * @param t continuous time
     * @param out receives \( \gamma_0, \dots, \gamma_{K-1} \), length \(K\); they sum to 1 up to
     *     rounding
     * @throws IllegalArgumentException if the lengths do not match
     */
    public void responsibilities(double[] x, double t, double[] out) {
        if (x.length != dimension || out.length != components) {
            throw new IllegalArgumentException("x has length " + x.length + " and out " + out.length
                    + ", expected " + dimension + " and " + components);
        }
        prepare(t);
        responsibilities(x, 0);
        System.arraycopy(logits, 0, out, 0, components);
    }

    /**
     * Exact samples of the data distribution: a component drawn with probability \(w_k\), then
     * \( \mu_k + s_k z \) with \( z \) standard normal.
     *
     * @param rnd the random source
     * @param n number of samples, {@code >= 0}
     * @param out receives the samples back to back, length \(nD\)
     * @throws IllegalArgumentException if {@code out} does not have length \(nD\)
     */
    public void sampleData(SplittableRandom rnd, int n, double[] out) {
        if (n < 0 || out.length != (long) n * dimension) {
            throw new IllegalArgumentException("out has length " + out.length + ", expected " + n
                    + " samples of dimension " + dimension);
        }
        for (int b = 0; b < n; b++) {
            final double u = rnd.nextDouble();
            int k = 0;
            double cumulative = weights[0];
            // The last component takes what rounding leaves of [0, 1).
            while (k < components - 1 && u >= cumulative) {
                k++;
                cumulative += weights[k];
            }
            for (int d = 0; d < dimension; d++) {
                final int kd = k * dimension + d;
                out[b * dimension + d] = means[kd] + stds[kd] * rnd.nextGaussian();
            }
        }
    }

    /** Fills the per-time scratch: \(\alpha\), \(\sigma\), \(v_{k,d}\) and normalisers. */
    private void prepare(double t) {
        if (t == preparedTime) {
            return;
        }
        alpha = schedule.alpha(t);
        sigma = schedule.sigma(t);
        final double a2 = alpha * alpha;
        final double s2 = sigma * sigma;
        for (int k = 0; k < components; k++) {
            double logDet = 0;
            for (int d = 0; d < dimension; d++) {
                final int kd = k * dimension + d;
                final double v = a2 * (stds[kd] * stds[kd]) + s2;
                variances[kd] = v;
                logDet += Math.log(v);
            }
            logNormalisers[k] = logWeights[k] - 0.5 * (dimension * LOG_TWO_PI + logDet);
        }
        preparedTime = t;
    }

    /**
     * Fills {@link #logits} with the log-joint densities of the point at {@code start}.
     *
     * @return their maximum
     */
    private double logJoint(double[] x, int start) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < components; k++) {
            double q = 0;
            for (int d = 0; d < dimension; d++) {
                final int kd = k * dimension + d;
                final double r = x[start + d] - alpha * means[kd];
                q += r * r / variances[kd];
            }
            final double l = logNormalisers[k] - 0.5 * q;
            logits[k] = l;
            max = Math.max(max, l);
        }
        return max;
    }

    /** @return \( \log p_t \) of the point at {@code start} (prepared time) */
    private double logSumExp(double[] x, int start) {
        final double max = logJoint(x, start);
        double sum = 0;
        for (int k = 0; k < components; k++) {
            sum += Math.exp(logits[k] - max);
        }
        return max + Math.log(sum);
    }

    /** Replaces {@link #logits} by the responsibilities of the point at {@code start}. */
    private void responsibilities(double[] x, int start) {
        final double max = logJoint(x, start);
        double sum = 0;
        for (int k = 0; k < components; k++) {
            // The largest term is exp(0) = 1, so the sum is in [1, K]: no 0/0.
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        for (int k = 0; k < components; k++) {
            logits[k] /= sum;
        }
    }

    @Override
    public String toString() {
        return "GaussianMixtureModel[K=" + components + ", D=" + dimension + ", " + schedule
                + ", " + timeMap + "]";
    }
}
