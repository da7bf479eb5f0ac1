package org.expint4j.diffusion.schedule;

/**
 * The variance-exploding schedule in the parametrisation of Karras et al. (2022, "Elucidating the
 * Design Space of Diffusion-Based Generative Models", EDM, Table 1), which k-diffusion and the
 * "Karras" samplers of diffusers use: \( x_t = x_0 + \sigma_t\epsilon \) with
 * \[ \alpha_t = 1, \qquad \sigma_t = t, \qquad \lambda_t = -\log t, \qquad t(\lambda) = e^{-\lambda}, \]
 * on \( t \in [\sigma_{\min}, \sigma_{\max}] \), by default EDM's \( [0.002, 80] \).
 *
 * <p><b>Why \( \sigma_t = t \).</b> Song et al. (2021) write the VE SDE with
 * \( \sigma(t) = \sigma_{\min}(\sigma_{\max}/\sigma_{\min})^t \) on \( [0, 1] \); EDM showed that
 * the time variable only reparametrises the probability-flow ODE and chose \( \sigma(t) = t \), so
 * time <i>is</i> the noise level. Models of that family are conditioned on \(\sigma\) (EDM's
 * \( c_{\mathrm{noise}} = \tfrac14\log\sigma \) is part of the network), and grids given in
 * \(\sigma\) (Karras, exponential) are grids in \(t\). With
 * {@link ModelTimeMap#CONTINUOUS} the model receives \(\sigma\) itself. DPM-Solver integrates in
 * \(\lambda\), where every choice of \(\sigma(t)\) gives the same steps.
 *
 * <p>\( T = \sigma_{\max} \) is the default start and \( \sigma_{\min} \) the default end of
 * sampling; any \( t > 0 \) is valid. Immutable.
 */
public final class VeSchedule implements DifferentiableSchedule {

    /** EDM's \(\sigma_{\min}\). */
    public static final double DEFAULT_SIGMA_MIN = 0.002;

    /** EDM's \(\sigma_{\max}\). */
    public static final double DEFAULT_SIGMA_MAX = 80;

    /** \(\sigma_{\min}\). */
    private final double sigmaMin;

    /** \(\sigma_{\max}\). */
    private final double sigmaMax;

    /** With EDM's \( \sigma_{\min} = 0.002 \), \( \sigma_{\max} = 80 \). */
    public VeSchedule() {
        this(DEFAULT_SIGMA_MIN, DEFAULT_SIGMA_MAX);
    }

    /**
     * @param sigmaMin \( \sigma_{\min} > 0 \), the default end of sampling
     * @param sigmaMax \( \sigma_{\max} > \sigma_{\min} \), finite, the final time \(T\)
     * @throws IllegalArgumentException otherwise, naming the value
     */
    public VeSchedule(double sigmaMin, double sigmaMax) {
        ScheduleMath.requireFinite(sigmaMin, "sigmaMin");
        ScheduleMath.requireFinite(sigmaMax, "sigmaMax");
        if (!(sigmaMin > 0)) {
            throw new IllegalArgumentException("sigmaMin = " + sigmaMin + ", must be positive");
        }
        if (!(sigmaMin < sigmaMax)) {
            throw new IllegalArgumentException(
                    "need sigmaMin < sigmaMax, got sigmaMin = " + sigmaMin + ", sigmaMax = " + sigmaMax);
        }
        this.sigmaMin = sigmaMin;
        this.sigmaMax = sigmaMax;
    }

    /** @return 0 */
    @Override
    public double logAlpha(double t) {
        return 0;
    }

    /** @return 1 */
    @Override
    public double alpha(double t) {
        return 1;
    }

    /** @return \( \sigma_t = t \) */
    @Override
    public double sigma(double t) {
        return t;
    }

    /** @return \( -\log t \) (NaN for \( t &lt; 0 \), \(+\infty\) at 0) */
    @Override
    public double lambda(double t) {
        return -Math.log(t);
    }

    /** @return \( e^{-\lambda} \) */
    @Override
    public double inverseLambda(double lambda) {
        return Math.exp(-lambda);
    }

    /** @return 0 */
    @Override
    public double alphaDerivative(double t) {
        return 0;
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

    /** @return \( \sigma_{\max} \) */
    @Override
    public double tMax() {
        return sigmaMax;
    }

    /** @return \( \sigma_{\min} \) */
    @Override
    public double tMin() {
        return sigmaMin;
    }

    @Override
    public String toString() {
        return "VeSchedule[sigmaMin=" + sigmaMin + ", sigmaMax=" + sigmaMax + "]";
    }
}
