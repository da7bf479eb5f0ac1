package org.expint4j.integrate;

/**
 * Step-size control for the adaptive driver, in one place (Hipparchus' {@code StepsizeHelper} is
 * the model). With \(u_{n+1}\) the solution and \(\hat u_{n+1}\) the embedded one of order
 * \(\hat p\), the error is the weighted RMS norm
 * \[ \mathrm{err} = \sqrt{\frac1n\sum_i \left(\frac{u_{n+1,i} - \hat u_{n+1,i}}
 *    {\mathrm{atol}_i + \mathrm{rtol}\,\max(|u_{n+1,i}|, |\hat u_{n+1,i}|)}\right)^2}; \]
 * a step is accepted when \( \mathrm{err} \le 1 \), and the next step size is
 * \( h \cdot \min(\mathrm{maxGrowth}, \max(\mathrm{minReduction},
 * \mathrm{safety}\cdot\mathrm{err}^{-1/(\hat p+1)})) \) (no growth right after a rejection).
 *
 * <p>Immutable; the {@code with...} methods return modified copies.
 */
public final class StepSizeController {

    private final double absoluteTolerance;
    private final double[] absoluteTolerances;
    private final double relativeTolerance;
    private final double safety;
    private final double minReduction;
    private final double maxGrowth;
    private final double minStep;
    private final double maxStep;
    private final double initialStep;
    private final int maxSteps;

    private StepSizeController(double atol, double[] atols, double rtol, double safety, double minReduction,
                               double maxGrowth, double minStep, double maxStep, double initialStep, int maxSteps) {
        this.absoluteTolerance = atol;
        this.absoluteTolerances = atols;
        this.relativeTolerance = rtol;
        this.safety = safety;
        this.minReduction = minReduction;
        this.maxGrowth = maxGrowth;
        this.minStep = minStep;
        this.maxStep = maxStep;
        this.initialStep = initialStep;
        this.maxSteps = maxSteps;
    }

    /**
     * A controller with scalar tolerances and defaults: safety 0.9, minimum reduction 0.2, maximum
     * growth 5, no minimum step (0), no maximum step (∞), automatic initial step, 100000 steps.
     *
     * @param atol absolute tolerance, {@code > 0}
     * @param rtol relative tolerance, {@code >= 0}
     * @return the controller
     * @throws IllegalArgumentException naming a tolerance that is not positive (atol) or
     *     negative (rtol), or not finite
     */
    public static StepSizeController of(double atol, double rtol) {
        checkPositive("absolute tolerance", atol);
        checkNonNegative("relative tolerance", rtol);
        return new StepSizeController(atol, null, rtol, 0.9, 0.2, 5.0, 0.0, Double.POSITIVE_INFINITY, 0.0, 100_000);
    }

    /**
     * A controller with per-component absolute tolerances.
     *
     * @param atol absolute tolerances, each {@code > 0} (copied)
     * @param rtol relative tolerance, {@code >= 0}
     * @return the controller
     */
    public static StepSizeController of(double[] atol, double rtol) {
        for (int i = 0; i < atol.length; i++) {
            checkPositive("absolute tolerance[" + i + "]", atol[i]);
        }
        checkNonNegative("relative tolerance", rtol);
        return new StepSizeController(Double.NaN, atol.clone(), rtol, 0.9, 0.2, 5.0, 0.0,
                Double.POSITIVE_INFINITY, 0.0, 100_000);
    }

    /**
     * @param value safety factor in (0, 1]
     * @return a copy with that safety factor
     */
    public StepSizeController withSafety(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("safety factor must be in (0, 1], got " + value);
        }
        return new StepSizeController(absoluteTolerance, absoluteTolerances, relativeTolerance, value, minReduction,
                maxGrowth, minStep, maxStep, initialStep, maxSteps);
    }

    /**
     * @param reduction smallest step factor, in (0, 1)
     * @param growth largest step factor, {@code > 1}
     * @return a copy with those limits
     */
    public StepSizeController withFactorLimits(double reduction, double growth) {
        if (!(reduction > 0 && reduction < 1)) {
            throw new IllegalArgumentException("minimum reduction factor must be in (0, 1), got " + reduction);
        }
        if (!(growth > 1) || Double.isInfinite(growth)) {
            throw new IllegalArgumentException("maximum growth factor must be finite and > 1, got " + growth);
        }
        return new StepSizeController(absoluteTolerance, absoluteTolerances, relativeTolerance, safety, reduction,
                growth, minStep, maxStep, initialStep, maxSteps);
    }

    /**
     * @param min smallest allowed |h|, {@code >= 0}
     * @param max largest allowed |h|, {@code > min}
     * @return a copy with those bounds
     */
    public StepSizeController withStepBounds(double min, double max) {
        checkNonNegative("minimum step", min);
        if (!(max > min)) {
            throw new IllegalArgumentException("maximum step " + max + " must exceed minimum step " + min);
        }
        return new StepSizeController(absoluteTolerance, absoluteTolerances, relativeTolerance, safety, minReduction,
                maxGrowth, min, max, initialStep, maxSteps);
    }

    /**
     * @param h the first trial |h|, {@code > 0}; 0 selects one hundredth of the interval
     * @return a copy with that initial step
     */
    public StepSizeController withInitialStep(double h) {
        checkNonNegative("initial step", h);
        return new StepSizeController(absoluteTolerance, absoluteTolerances, relativeTolerance, safety, minReduction,
                maxGrowth, minStep, maxStep, h, maxSteps);
    }

    /**
     * @param steps most steps (accepted plus rejected), {@code >= 1}
     * @return a copy with that limit
     */
    public StepSizeController withMaxSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("maximum number of steps must be >= 1, got " + steps);
        }
        return new StepSizeController(absoluteTolerance, absoluteTolerances, relativeTolerance, safety, minReduction,
                maxGrowth, minStep, maxStep, initialStep, steps);
    }

    /** @return the scalar absolute tolerance, NaN if per-component tolerances are set */
    public double absoluteTolerance() {
        return absoluteTolerance;
    }

    /** @return a copy of the per-component absolute tolerances, or {@code null} */
    public double[] absoluteTolerances() {
        return absoluteTolerances == null ? null : absoluteTolerances.clone();
    }

    /** @return the relative tolerance */
    public double relativeTolerance() {
        return relativeTolerance;
    }

    /** @return the smallest allowed |h| */
    public double minStep() {
        return minStep;
    }

    /** @return the largest allowed |h| */
    public double maxStep() {
        return maxStep;
    }

    /** @return the maximum number of steps */
    public int maxSteps() {
        return maxSteps;
    }

    /**
     * @param span \(|t_1 - t_0|\)
     * @return the first trial |h|, within the step bounds
     */
    public double initialStep(double span) {
        double h = initialStep > 0 ? initialStep : span / 100;
        return clamp(Math.min(h, span));
    }

    /**
     * The step factor for an error estimate.
     *
     * @param error the weighted RMS error
     * @param embeddedOrder \(\hat p\)
     * @param afterRejection whether the previous trial was rejected (then the factor is at most 1)
     * @return the factor to apply to |h|
     */
    public double factor(double error, int embeddedOrder, boolean afterRejection) {
        double f = error == 0 ? maxGrowth : safety * Math.pow(error, -1.0 / (embeddedOrder + 1));
        f = Math.min(maxGrowth, Math.max(minReduction, f));
        return afterRejection ? Math.min(1.0, f) : f;
    }

    /**
     * @param h a proposed |h|
     * @return |h| limited to the maximum step (the minimum is checked by the driver)
     */
    public double clamp(double h) {
        return Math.min(h, maxStep);
    }

    private static void checkPositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    private static void checkNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
        }
    }
}
