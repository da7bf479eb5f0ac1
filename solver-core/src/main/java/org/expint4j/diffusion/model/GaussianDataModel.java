package org.expint4j.diffusion.model;

import java.util.Objects;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * The exact noise predictor of Gaussian data, an analytic diffusion model for tests and studies
 * (the setting of Pierret and Galerne, ICML 2025). Data \( x_0 \sim N(\mu, \mathrm{diag}(s^2)) \)
 * in dimension \(D\) diffuse to \( x_t \sim N(\alpha_t\mu, \mathrm{diag}(v_t)) \),
 * \( v_t = \alpha_t^2 s^2 + \sigma_t^2 \), per dimension. Then
 * \[ \epsilon^*(x, t) = -\sigma_t\nabla\log p_t(x) = \frac{\sigma_t (x - \alpha_t\mu)}{v_t},
 * \qquad x_0^*(x, t) = \mu + \frac{\alpha_t s^2 (x - \alpha_t\mu)}{v_t}, \]
 * and the probability-flow ODE keeps \( (x - \alpha_t\mu)/\sqrt{v_t} \) constant, so its exact
 * solution from \( x_T \) is
 * \[ x_t = \alpha_t\mu + \sqrt{v_t/v_T}\,(x_T - \alpha_T\mu). \]
 *
 * <p>As a {@link DiffusionModel} it is a {@linkplain ModelType#NOISE noise} predictor: it maps the
 * model time back to continuous time with its {@link ModelTimeMap}. Batches hold \(B\) samples of
 * dimension \(D\) back to back. Immutable and thread-safe.
 */
public final class GaussianDataModel extends AnalyticGaussianModel {

    /**
     * The largest \(|\mu_d|\) and \(s_d\) accepted, \(10^{150}\) (here and in
     * {@link GaussianMixtureModel}): their squares, the variances \(v_t\) and the squared distances
     * of samples to the means then stay finite, so every prediction is finite too.
     */
    public static final double MAX_MAGNITUDE = 1e150;

    /** \(\mu\). */
    private final double[] mean;

    /** \(s\). */
    private final double[] std;

    /**
     * @param mean \(\mu\), \(|\mu_d| \le\) {@link #MAX_MAGNITUDE}, dimension \(D \ge 1\)
     * @param std \(s\), in \((0,\) {@link #MAX_MAGNITUDE}\(]\), same dimension
     * @param schedule the noise schedule
     * @param timeMap the map the sampler uses for model times
     * @throws IllegalArgumentException if the lengths differ or are 0, or an entry is invalid (the
     *     message names its index and value)
     */
    public GaussianDataModel(double[] mean, double[] std, NoiseSchedule schedule,
            ModelTimeMap timeMap) {
        super(schedule, timeMap);
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean has length " + mean.length
                    + " and std has length " + std.length + "; need equal lengths >= 1");
        }
        for (int d = 0; d < mean.length; d++) {
            checkMean("mean[" + d + "]", mean[d]);
            checkStd("std[" + d + "]", std[d]);
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    static void checkMean(String name, double value) {
        if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
            throw new IllegalArgumentException(name + " = " + value + ", must be finite with magnitude <= "
                    + MAX_MAGNITUDE);
        }
    }

    static void checkStd(String name, double value) {
        if (!(value > 0 && value <= MAX_MAGNITUDE)) {
            throw new IllegalArgumentException(name + " = " + value + ", must be in (0, " + MAX_MAGNITUDE + "]");
        }
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    /** @return a copy of \(\mu\) */
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of \(s\) */
    public double[] std() {
        return std.clone();
    }

    /**
     * @param x batch of length \(BD\)
     * @param t continuous time
     * @param out receives \( \epsilon^*(x, t) = \sigma_t(x - \alpha_t\mu)/v_t \); may be {@code x}
     * @throws IllegalArgumentException if the lengths differ or are not a multiple of \(D\)
     */
    @Override
    public void noise(double[] x, double t, double[] out) {
        checkBatch(x, out);
        final double a = schedule.alpha(t);
        final double s = schedule.sigma(t);
        final double a2 = a * a;
        final double s2 = s * s;
        final int dim = mean.length;
        for (int i = 0; i < x.length; i++) {
            final int d = i % dim;
            final double v = a2 * (std[d] * std[d]) + s2;
            // Same operation order as GaussianMixtureModel with one component.
            out[i] = s * ((x[i] - a * mean[d]) / v);
        }
    }

    /**
     * @param x batch of length \(BD\)
     * @param t continuous time
     * @param out receives \( x_0^*(x, t) = \mu + \alpha_t s^2 (x - \alpha_t\mu)/v_t \); may be
     *     {@code x}
     * @throws IllegalArgumentException if the lengths differ or are not a multiple of \(D\)
     */
    public void data(double[] x, double t, double[] out) {
        checkBatch(x, out);
        final double a = schedule.alpha(t);
        final double s = schedule.sigma(t);
        final double a2 = a * a;
        final double s2 = s * s;
        final int dim = mean.length;
        for (int i = 0; i < x.length; i++) {
            final int d = i % dim;
            final double var = std[d] * std[d];
            // The gain a var / v first: a var (x - a mu) alone overflows for s near the limit.
            out[i] = mean[d] + (a * var / (a2 * var + s2)) * (x[i] - a * mean[d]);
        }
    }

    /**
     * The exact solution of the probability-flow ODE,
     * \( x_t = \alpha_t\mu + \sqrt{v_t/v_T}\,(x_T - \alpha_T\mu) \), for each sample.
     *
     * @param xT batch at time {@code tT}, length \(BD\)
     * @param tT the start time \(T\)
     * @param t the end time
     * @param out receives \( x_t \), same length; may be {@code xT}
     * @throws IllegalArgumentException if the lengths differ or are not a multiple of \(D\)
     */
    public void exactSolution(double[] xT, double tT, double t, double[] out) {
        checkBatch(xT, out);
        final double aT = schedule.alpha(tT);
        final double sT = schedule.sigma(tT);
        final double a = schedule.alpha(t);
        final double s = schedule.sigma(t);
        final int dim = mean.length;
        for (int i = 0; i < xT.length; i++) {
            final int d = i % dim;
            final double var = std[d] * std[d];
            final double vT = aT * aT * var + sT * sT;
            final double v = a * a * var + s * s;
            out[i] = a * mean[d] + Math.sqrt(v / vT) * (xT[i] - aT * mean[d]);
        }
    }

    @Override
    public String toString() {
        return "GaussianDataModel[D=" + mean.length + ", " + schedule + ", " + timeMap + "]";
    }
}
