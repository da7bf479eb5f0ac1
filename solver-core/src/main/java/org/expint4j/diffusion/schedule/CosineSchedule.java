package org.expint4j.diffusion.schedule;

/**
 * The continuous cosine schedule of Nichol and Dhariwal (2021) as DPM-Solver's reference had it
 * until April 2023 (and UniPC still has it):
 * \[ \log\alpha_t = \log\cos\left(\frac{t + s}{1 + s}\cdot\frac\pi2\right)
 * - \log\cos\left(\frac{s}{1 + s}\cdot\frac\pi2\right), \qquad s = 0.008, \]
 * on \( t \in [0, T] \) with \(T\) truncated to 0.9946 because \( \log\alpha \to -\infty \) as
 * \( t \to 1 \) (paper, App. D.4). The default end of sampling is \(10^{-3}\).
 *
 * <p><b>Evaluation.</b> The difference of logarithms cancels as \( t \to 0 \). With
 * \( c = \pi/(2(1+s)) \), \( b = cs \) and \( d = ct \), the ratio of cosines is
 * \( \cos(b + d)/\cos b = 1 - 2\sin^2(d/2) - \tan b \sin d \), so
 * \( \log\alpha_t = \mathrm{log1p}(-2\sin^2(d/2) - \tan b\,\sin d) \), two terms of one sign.
 * The inverse solves \( \cos y = \alpha\cos b \) for \( y = b + d \) without {@code acos} near 1:
 * \( 1 - \cos y = 2\sin^2(b/2) - \cos b\,\mathrm{expm1}(\log\alpha) \) gives
 * \( y = 2\arcsin\sqrt{(1 - \cos y)/2} \), and
 * \( \cos b - \cos y = 2\sin\frac{y+b}2 \sin\frac{y-b}2 = -\cos b\,\mathrm{expm1}(\log\alpha) \)
 * gives \( d = y - b \) directly, so \( t = d/c \) keeps its relative precision as \( t \to 0 \).
 * Both equal the reference's closed forms mathematically.
 *
 * <p>Immutable.
 */
public final class CosineSchedule implements DifferentiableSchedule {

    /** Default offset \(s\). */
    public static final double DEFAULT_S = 0.008;

    /** Default final time \(T\). */
    public static final double DEFAULT_T_MAX = 0.9946;

    /** Offset \(s\). */
    private final double s;

    /** Final time \(T\). */
    private final double tMax;

    /** \( c = \pi / (2(1+s)) \): \( d = ct \). */
    private final double c;

    /** \( \tan b \), \( b = cs \). */
    private final double tanB;

    /** \( \cos b \). */
    private final double cosB;

    /** \( 2\sin^2(b/2) = 1 - \cos b \). */
    private final double oneMinusCosB;

    /** \( b = cs \). */
    private final double b;

    /** With \(s = 0.008\), \(T = 0.9946\). */
    public CosineSchedule() {
        this(DEFAULT_S, DEFAULT_T_MAX);
    }

    /**
     * @param s the offset, {@code > 0}
     * @param tMax the final time, in \((10^{-3}, 1)\)
     * @throws IllegalArgumentException otherwise
     */
    public CosineSchedule(double s, double tMax) {
        if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("s = " + s + ", must be positive and finite");
        }
        if (!(tMax > 1e-3 && tMax < 1)) {
            throw new IllegalArgumentException("tMax = " + tMax + ", must be in (1e-3, 1)");
        }
        this.s = s;
        this.tMax = tMax;
        this.c = Math.PI / (2 * (1 + s));
        this.b = c * s;
        this.tanB = Math.tan(b);
        this.cosB = Math.cos(b);
        final double sinHalfB = Math.sin(b / 2);
        this.oneMinusCosB = 2 * sinHalfB * sinHalfB;
    }

    /** @return the offset \(s\) */
    public double s() {
        return s;
    }

    /**
     * @param t the time
     * @return \( \mathrm{log1p}(-2\sin^2(ct/2) - \tan(cs)\sin(ct)) \)
     */
    @Override
    public double logAlpha(double t) {
        final double d = c * t;
        final double sinHalfD = Math.sin(d / 2);
        return Math.log1p(-2 * sinHalfD * sinHalfD - tanB * Math.sin(d));
    }

    /**
     * @param lambda the half log-SNR
     * @return \(t\) with \( \lambda_t = \lambda \), in \([0, 1]\)
     */
    @Override
    public double inverseLambda(double lambda) {
        // cos b - cos y = -cos b * expm1(log alpha) >= 0.
        final double gap = -cosB * Math.expm1(ScheduleMath.logAlphaOfLambda(lambda));
        final double y = 2 * Math.asin(Math.sqrt((oneMinusCosB + gap) / 2));
        final double d = 2 * Math.asin(gap / (2 * Math.sin((y + b) / 2)));
        return d / c;
    }

    /**
     * @param t the time
     * @return \( \dot\alpha_t = -c\,\alpha_t \tan(c(t + s)) \), \( c = \pi/(2(1+s)) \)
     */
    @Override
    public double alphaDerivative(double t) {
        return -c * Math.tan(b + c * t) * alpha(t);
    }

    /** @return \(T\) (default 0.9946) */
    @Override
    public double tMax() {
        return tMax;
    }

    /** @return \(10^{-3}\) */
    @Override
    public double tMin() {
        return 1e-3;
    }

    @Override
    public String toString() {
        return "CosineSchedule[s=" + s + ", T=" + tMax + "]";
    }
}
