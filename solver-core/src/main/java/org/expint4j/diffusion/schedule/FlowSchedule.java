package org.expint4j.diffusion.schedule;

/**
 * The flow-matching / rectified-flow schedule of Stable Diffusion 3 and Flux (Lipman et al. 2023,
 * "Flow Matching for Generative Modeling"; Liu et al. 2023, "Flow Straight and Fast"; Esser et al.
 * 2024, SD3): the straight path \( x_t = (1 - t)\,x_0 + t\,\epsilon \), so
 * \[ \alpha_t = 1 - t, \qquad \sigma_t = t, \qquad \lambda_t = \mathrm{log1p}(-t) - \log t,
 * \qquad t(\lambda) = \frac{1}{1 + e^{\lambda}}, \]
 * on \( t \in (0, 1) \), with \( \dot\alpha_t = -1 \), \( \dot\sigma_t = 1 \) and the velocity
 * \( v = \epsilon - x_0 \) such models predict ({@code ModelType.FLOW_VELOCITY}).
 *
 * <p><b>Evaluation.</b> \( \log\alpha_t \) uses {@code log1p} so that \(\lambda\) keeps its relative
 * precision as \( t \to 0 \); \( t(\lambda) \) is \( e^{-\lambda}/(1 + e^{-\lambda}) \) for
 * \( \lambda > 0 \), so that neither form overflows and both keep the small result relative.
 *
 * <p><b>Range.</b> \(\alpha_1 = 0\) makes the data-prediction state \(x/\alpha\) infinite, so
 * sampling starts below 1: by default at \( T = 1 - 10^{-3} \) and ends at \( 10^{-3} \), the
 * clamps of the flow DPM-Solver of Sana (NVlabs/Sana, {@code time_uniform_flow}). Outside
 * \( (0, 1) \) \(\lambda\) is not finite. Immutable.
 */
public final class FlowSchedule implements DifferentiableSchedule {

    /** The default end of sampling, \(10^{-3}\). */
    public static final double DEFAULT_T_MIN = 1e-3;

    /** The default start of sampling, \(1 - 10^{-3}\). */
    public static final double DEFAULT_T_MAX = 1 - 1e-3;

    /** \(T\). */
    private final double tMax;

    /** Default end of sampling. */
    private final double tMin;

    /** On \( [10^{-3}, 1 - 10^{-3}] \). */
    public FlowSchedule() {
        this(DEFAULT_T_MIN, DEFAULT_T_MAX);
    }

    /**
     * @param tMin the default end of sampling, in \( (0, 1) \)
     * @param tMax the start of sampling \(T\), in \( (t_{\min}, 1) \)
     * @throws IllegalArgumentException otherwise, naming the value
     */
    public FlowSchedule(double tMin, double tMax) {
        if (!(tMin > 0 && tMin < 1)) {
            throw new IllegalArgumentException("flow time tMin = " + tMin + " is outside (0, 1)");
        }
        if (!(tMax > 0 && tMax < 1)) {
            throw new IllegalArgumentException("flow time tMax = " + tMax + " is outside (0, 1)");
        }
        if (!(tMin < tMax)) {
            throw new IllegalArgumentException("need tMin < tMax, got tMin = " + tMin + ", tMax = " + tMax);
        }
        this.tMin = tMin;
        this.tMax = tMax;
    }

    /** @return \( \mathrm{log1p}(-t) \) */
    @Override
    public double logAlpha(double t) {
        return Math.log1p(-t);
    }

    /** @return \( 1 - t \) (exact for \( t \ge 1/2 \)) */
    @Override
    public double alpha(double t) {
        return 1 - t;
    }

    /** @return \( t \) */
    @Override
    public double sigma(double t) {
        return t;
    }

    /** @return \( \mathrm{log1p}(-t) - \log t \), NaN or infinite outside \( (0, 1) \) */
    @Override
    public double lambda(double t) {
        return Math.log1p(-t) - Math.log(t);
    }

    /** @return \( 1/(1 + e^{\lambda}) \), evaluated as \( e^{-\lambda}/(1 + e^{-\lambda}) \) for \( \lambda > 0 \) */
    @Override
    public double inverseLambda(double lambda) {
        if (lambda > 0) {
            final double e = Math.exp(-lambda);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(lambda));
    }

    /** @return \(-1\) */
    @Override
    public double alphaDerivative(double t) {
        return -1;
    }

    /** @return 1 */
    @Override
    public double sigmaDerivative(double t) {
        return 1;
    }

    /** @return {@code false} */
    @Override
    public boolean isVariancePreserving() {
        return false;
    }

    /** @return \(T\) (default \( 1 - 10^{-3} \)) */
    @Override
    public double tMax() {
        return tMax;
    }

    /** @return the default end of sampling (default \(10^{-3}\)) */
    @Override
    public double tMin() {
        return tMin;
    }

    @Override
    public String toString() {
        return "FlowSchedule[tMin=" + tMin + ", tMax=" + tMax + "]";
    }
}
