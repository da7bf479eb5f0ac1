package org.expint4j.integrate;

/**
 * Step-size control for embedded pairs, in one place (Hipparchus' {@code StepsizeHelper} is the
 * model): the proposal rule and the bounds of the {@link StepLoop}'s error control. With
 * \(\mathrm{err}\) the trial's {@link ErrorNorm} (by default the weighted RMS norm
 * \( \sqrt{\frac1n\sum_i ((u_{n+1,i} - \hat u_{n+1,i})/(\mathrm{atol}_i + \mathrm{rtol}\,
 * \max(|u_{n+1,i}|, |\hat u_{n+1,i}|)))^2} \)) and \(\hat p\) the embedded order, a trial is
 * accepted when \( \mathrm{err} \le 1 \), and the next step size is
 * \( h \cdot \min(\mathrm{maxGrowth}, \max(\mathrm{minReduction},
 * \mathrm{safety}\cdot\mathrm{err}^{-1/(\hat p+1)})) \), at most 1 right after a rejection unless
 * {@link #withGrowthAfterRejection} allows more, and at most {@code maxStep}.
 *
 * <p>Steps are measured in the integration time of the run's {@link TimeMap}. A trial that would
 * leave less than {@code 1 - stretch} of itself before the end, or would end within
 * {@code endTolerance} of the end (in user time), ends exactly on the end.
 *
 * <p>Immutable; the {@code with...} methods return modified copies.
 */
public final class StepSizeController {

    private final double absoluteTolerance;
    private final double[] absoluteTolerances;
    private final double relativeTolerance;
    private double safety = 0.9;
    private double minReduction = 0.2;
    private double maxGrowth = 5.0;
    private double minStep;
    private double maxStep = Double.POSITIVE_INFINITY;
    private double initialStep;
    private int maxSteps = 100_000;
    private double stretch = 0.99;
    private double endTolerance;
    private boolean growthAfterRejection;

    private StepSizeController(double atol, double[] atols, double rtol) {
        this.absoluteTolerance = atol;
        this.absoluteTolerances = atols;
        this.relativeTolerance = rtol;
    }

    private StepSizeController copy() {
        StepSizeController c = new StepSizeController(absoluteTolerance, absoluteTolerances, relativeTolerance);
        c.safety = safety;
        c.minReduction = minReduction;
        c.maxGrowth = maxGrowth;
        c.minStep = minStep;
        c.maxStep = maxStep;
        c.initialStep = initialStep;
        c.maxSteps = maxSteps;
        c.stretch = stretch;
        c.endTolerance = endTolerance;
        c.growthAfterRejection = growthAfterRejection;
        return c;
    }

    /**
     * A controller with scalar tolerances and defaults: safety 0.9, minimum reduction 0.2, maximum
     * growth 5, no minimum step (0), no maximum step (∞), automatic initial step, 100000 steps,
     * stretch 0.99, end tolerance 0.
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
        return new StepSizeController(atol, null, rtol);
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
        return new StepSizeController(Double.NaN, atol.clone(), rtol);
    }

    /**
     * @param value safety factor in (0, 1]
     * @return a copy with that safety factor
     */
    public StepSizeController withSafety(double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("safety factor must be in (0, 1], got " + value);
        }
        StepSizeController c = copy();
        c.safety = value;
        return c;
    }

    /**
     * @param reduction smallest step factor, in [0, 1) (0: no limit)
     * @param growth largest step factor, {@code > 1} (∞: no limit)
     * @return a copy with those limits
     */
    public StepSizeController withFactorLimits(double reduction, double growth) {
        if (!(reduction >= 0 && reduction < 1)) {
            throw new IllegalArgumentException("minimum reduction factor must be in [0, 1), got " + reduction);
        }
        if (!(growth > 1)) {
            throw new IllegalArgumentException("maximum growth factor must be > 1, got " + growth);
        }
        StepSizeController c = copy();
        c.minReduction = reduction;
        c.maxGrowth = growth;
        return c;
    }

    /**
     * @param value whether the step may grow right after a rejection (the reference adaptive
     *     DPM-Solver's rule); by default it may not
     * @return a copy with that rule
     */
    public StepSizeController withGrowthAfterRejection(boolean value) {
        StepSizeController c = copy();
        c.growthAfterRejection = value;
        return c;
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
        StepSizeController c = copy();
        c.minStep = min;
        c.maxStep = max;
        return c;
    }

    /**
     * @param h the first trial |h|, {@code > 0}; 0 selects one hundredth of the interval
     * @return a copy with that initial step
     */
    public StepSizeController withInitialStep(double h) {
        checkNonNegative("initial step", h);
        StepSizeController c = copy();
        c.initialStep = h;
        return c;
    }

    /**
     * @param steps most steps (accepted plus rejected), {@code >= 1}
     * @return a copy with that limit
     */
    public StepSizeController withMaxSteps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("maximum number of steps must be >= 1, got " + steps);
        }
        StepSizeController c = copy();
        c.maxSteps = steps;
        return c;
    }

    /**
     * @param fraction a trial of at least this fraction of the remaining interval is stretched to
     *     end on it, in (0, 1]; default 0.99, which avoids a sliver of a last step
     * @param tolerance a trial ending within this user time of the end ends on it, {@code >= 0};
     *     default 0
     * @return a copy with those rules
     */
    public StepSizeController withEndRules(double fraction, double tolerance) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("stretch fraction must be in (0, 1], got " + fraction);
        }
        checkNonNegative("end tolerance", tolerance);
        StepSizeController c = copy();
        c.stretch = fraction;
        c.endTolerance = tolerance;
        return c;
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

    /**
     * The error control of one run to {@code t1}.
     *
     * @param t1 the user time to end at
     * @param embeddedOrder \(\hat p\) of the pair
     * @return a fresh control for {@link StepLoop#run}
     */
    public StepControl control(double t1, int embeddedOrder) {
        return new ErrorControl(t1, embeddedOrder);
    }

    /** The per-run state: the proposed step and whether the last trial was rejected. */
    private final class ErrorControl extends StepControl {

        private final int embeddedOrder;
        private TimeMap map;
        private double tau1;
        private double direction;
        private double proposed;
        private boolean rejected;

        ErrorControl(double t1, int embeddedOrder) {
            super(t1);
            this.embeddedOrder = embeddedOrder;
        }

        @Override
        public void start(double t0, double tau0, TimeMap timeMap) {
            map = timeMap;
            tau1 = map.integrationTime(end);
            direction = Math.signum(tau1 - tau0);
            double span = Math.abs(tau1 - tau0);
            proposed = Math.min(Math.min(initialStep > 0 ? initialStep : span / 100, span), maxStep);
        }

        @Override
        public boolean finished(double t) {
            return t == end;
        }

        @Override
        public void plan(double t, double tau) {
            nextTime = end;
            nextTau = tau1;
            step = tau1 - tau;
            if (proposed >= Math.abs(tau1 - tau) * stretch) {
                return;
            }
            double inner = tau + direction * proposed;
            double time = map.userTime(inner);
            // Never past the end: a trial that reaches it, or ends within the tolerance of it, ends on it.
            if (Math.abs(time - end) > endTolerance && (time - end) * (t - end) > 0) {
                nextTime = time;
                nextTau = map.integrationTime(time);
                step = nextTau == inner ? direction * proposed : nextTau - tau;
            }
        }

        @Override
        public boolean measuresError() {
            return true;
        }

        @Override
        public boolean accept(double error) {
            // An estimate that overflowed with finite states is a rejection like any other.
            boolean accepted = error <= 1;
            double f = error == 0 ? maxGrowth : safety * Math.pow(error, -1.0 / (embeddedOrder + 1));
            f = Math.min(maxGrowth, Math.max(minReduction, f));
            proposed = Math.min(Math.abs(step) * (rejected && !growthAfterRejection ? Math.min(1.0, f) : f), maxStep);
            rejected = !accepted;
            return accepted;
        }

        @Override
        public int maxTrials() {
            return maxSteps;
        }

        @Override
        public String stepSizeProblem(double tau) {
            if (proposed < minStep) {
                return "step size " + proposed + " fell below the minimum " + minStep;
            }
            return proposed > Math.ulp(tau) * 4 ? null : "step size " + proposed + " underflows";
        }
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
