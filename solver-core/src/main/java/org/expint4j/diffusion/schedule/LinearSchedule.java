package org.expint4j.diffusion.schedule;

/**
 * The continuous linear variance-preserving schedule of score-based SDEs (Song et al. 2021; the
 * reference's {@code NoiseScheduleVP('linear')}): \( \beta(t) = \beta_0 + t(\beta_1 - \beta_0) \)
 * on \( t \in [0, 1] \), so
 * \[ \log\alpha_t = -\tfrac14 t^2 (\beta_1 - \beta_0) - \tfrac12 t \beta_0 . \]
 * The inverse is evaluated in the cancellation-free form of the reference: with
 * \( \tau = 2(\beta_1 - \beta_0)\log(1 + e^{-2\lambda}) \) and \( \Delta = \beta_0^2 + \tau \),
 * \[ t(\lambda) = \frac{\tau}{(\sqrt\Delta + \beta_0)(\beta_1 - \beta_0)}, \]
 * which equals the root \( (\sqrt{\Delta} - \beta_0)/(\beta_1 - \beta_0) \) of the quadratic
 * without subtracting nearly equal numbers as \(t \to 0\).
 *
 * <p>\(T = 1\); the default end of sampling is \(10^{-3}\) (the reference's \(1/N\) with
 * {@code total_N = 1000}). Defaults \(\beta_0 = 0.1\), \(\beta_1 = 20\). Immutable.
 */
public final class LinearSchedule implements DifferentiableSchedule {

    /** Default \(\beta_0\). */
    public static final double DEFAULT_BETA0 = 0.1;

    /** Default \(\beta_1\). */
    public static final double DEFAULT_BETA1 = 20;

    /** \(\beta_0\). */
    private final double beta0;

    /** \(\beta_1\). */
    private final double beta1;

    /** With \(\beta_0 = 0.1\), \(\beta_1 = 20\). */
    public LinearSchedule() {
        this(DEFAULT_BETA0, DEFAULT_BETA1);
    }

    /**
     * @param beta0 \(\beta(0) \ge 0\)
     * @param beta1 \(\beta(1) > \beta_0\), finite
     * @throws IllegalArgumentException otherwise
     */
    public LinearSchedule(double beta0, double beta1) {
        ScheduleMath.requireFinite(beta0, "beta0");
        ScheduleMath.requireFinite(beta1, "beta1");
        if (!(beta0 >= 0 && beta1 > beta0)) {
            throw new IllegalArgumentException(
                    "need 0 <= beta0 < beta1, got beta0 = " + beta0 + ", beta1 = " + beta1);
        }
        this.beta0 = beta0;
        this.beta1 = beta1;
    }

    /** @return \(\beta_0\) */
    public double beta0() {
        return beta0;
    }

    /** @return \(\beta_1\) */
    public double beta1() {
        return beta1;
    }

    /**
     * @param t the time
     * @return \( -\tfrac14 t^2 (\beta_1 - \beta_0) - \tfrac12 t \beta_0 \)
     */
    @Override
    public double logAlpha(double t) {
        return -0.25 * (t * t) * (beta1 - beta0) - 0.5 * t * beta0;
    }

    /**
     * @param lambda the half log-SNR
     * @return \( \tau / ((\sqrt{\beta_0^2 + \tau} + \beta_0)(\beta_1 - \beta_0)) \) with
     *     \( \tau = 2(\beta_1 - \beta_0)\log(1 + e^{-2\lambda}) \)
     */
    @Override
    public double inverseLambda(double lambda) {
        final double tau = 2 * (beta1 - beta0) * ScheduleMath.logAddExp(-2 * lambda, 0);
        final double delta = beta0 * beta0 + tau;
        return tau / (Math.sqrt(delta) + beta0) / (beta1 - beta0);
    }

    /**
     * @param t the time
     * @return \( \dot\alpha_t = \alpha_t\,\tfrac{\mathrm{d}}{\mathrm{d}t}\log\alpha_t
     *     = -\tfrac12\alpha_t(\beta_0 + t(\beta_1 - \beta_0)) \)
     */
    @Override
    public double alphaDerivative(double t) {
        return -0.5 * (beta0 + t * (beta1 - beta0)) * alpha(t);
    }

    /** @return 1 */
    @Override
    public double tMax() {
        return 1;
    }

    /** @return \(10^{-3}\) */
    @Override
    public double tMin() {
        return 1e-3;
    }

    @Override
    public String toString() {
        return "LinearSchedule[beta0=" + beta0 + ", beta1=" + beta1 + "]";
    }
}
