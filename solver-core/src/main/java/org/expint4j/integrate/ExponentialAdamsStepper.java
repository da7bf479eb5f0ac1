package org.expint4j.integrate;

import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.VectorOps;

/**
 * Executes an {@link ExponentialAdams} method with variable step sizes. Each step evaluates
 * \(N(t_n, u_n)\) once, stores it in a ring of the last \(q\) values, and forms
 * \( u_{n+1} = e^{Z}u_n + h\sum_j \beta_j(Z) N_{n-j} \) as one fused weighted sum. The weights
 * depend on \(h\) and on the step-size ratios; they are recomputed only when either changes, and
 * the φ-functions of the last {@value ExponentialRungeKuttaStepper#CACHE_SIZE} step sizes are
 * cached. During start-up (fewer than \(q-1\) earlier values) it either lowers the order
 * ({@link ExponentialAdams.Startup#WARM_UP}) or takes a single-step starter step whose first
 * stage is the \(N(t_n, u_n)\) the history needs ({@link ExponentialAdams.Startup#STARTER}).
 *
 * @param <V> vector type
 */
public final class ExponentialAdamsStepper<V> implements Stepper<V> {

    private final ExponentialAdams method;
    private final MultistepCoefficients rule;
    private final LinearPart linearPart;
    private final Nonlinearity<V> nonlinearity;
    private final IntegrationStatistics statistics;
    private final VectorOps<V> ops;
    private final int q;
    private final V[] history;
    private final double[] historyTimes;
    private final ExponentialRungeKuttaStepper<V> starter;
    private final PhiTable[] tables = new PhiTable[ExponentialRungeKuttaStepper.CACHE_SIZE];
    private final double[] tableSteps = new double[ExponentialRungeKuttaStepper.CACHE_SIZE];
    private int lastTable;
    private final WeightRow<V>[] rows;
    private final double[] rowSteps;
    private final double[][] rowTheta;
    private final double[] theta;
    private final double[][] coefficients;
    /** Number of stored history values (at most q). */
    private int count;
    /** Ring index of the most recent value. */
    private int newest = -1;
    private double lastStageTime;
    private boolean lastStepWasStarter;
    /** Largest order the next steps may use (lower-order final steps). */
    private int orderLimit = Integer.MAX_VALUE;
    /** Whether the next step reads and writes scaled states ({@link #scaleNextStep}). */
    private boolean scaled;
    private double firstFactor;
    private double valueFactor;
    private double outputFactor = 1;
    /** The additive noise term of every step ({@link #noise}), or null. */
    private AdditiveNoise<V> noise;
    private V noiseBuffer;

    /**
     * @param method the method
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters to update
     */
    public ExponentialAdamsStepper(ExponentialAdams method, LinearPart linearPart, Nonlinearity<V> nonlinearity,
                                   VectorOps<V> ops, int length, IntegrationStatistics statistics) {
        this(method, ExponentialAdams::coefficients, linearPart, nonlinearity, ops, length, statistics);
    }

    /**
     * A stepper with another coefficient rule (for example DPM-Solver's published multistep
     * updates), using φ-functions up to \( arphi_q \).
     *
     * @param method the method (order, start-up, name)
     * @param rule the coefficient rule
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters to update
     */
    @SuppressWarnings("unchecked")
    public ExponentialAdamsStepper(ExponentialAdams method, MultistepCoefficients rule, LinearPart linearPart,
                                   Nonlinearity<V> nonlinearity, VectorOps<V> ops, int length,
                                   IntegrationStatistics statistics) {
        linearPart.checkStateLength(length);
        this.method = method;
        this.rule = rule;
        this.linearPart = linearPart;
        this.nonlinearity = nonlinearity;
        this.ops = ops;
        this.statistics = statistics;
        this.q = method.order();
        this.history = ops.newArray(q);
        for (int j = 0; j < q; j++) {
            history[j] = ops.allocate(length);
        }
        this.historyTimes = new double[q];
        this.starter = method.startup() == ExponentialAdams.Startup.STARTER && q > 1
                ? new ExponentialRungeKuttaStepper<>(method.starter(), linearPart, nonlinearity, ops, length, statistics)
                : null;
        for (int c = 0; c < tables.length; c++) {
            tables[c] = new PhiTable(linearPart, 1, q);
            tables[c].addScale(1.0);
            tableSteps[c] = Double.NaN;
        }
        this.rows = new WeightRow[q + 1];
        this.rowSteps = new double[q + 1];
        this.rowTheta = new double[q + 1][q];
        for (int p = 1; p <= q; p++) {
            rows[p] = new WeightRow<>(ops, linearPart, p + 1);
            rowSteps[p] = Double.NaN;
        }
        this.theta = new double[q];
        this.coefficients = new double[q][q];
    }

    @Override
    public ExponentialMethod method() {
        return method;
    }

    @Override
    public void reset() {
        count = 0;
        newest = -1;
        orderLimit = Integer.MAX_VALUE;
        scaled = false;
        if (starter != null) {
            starter.reset();
        }
    }

    @Override
    public void step(double t, double h, V u, V out) {
        advance(t, h, u, out, false);
    }

    @Override
    public double stepMaxAbs(double t, double h, V u, V out) {
        return advance(t, h, u, out, true);
    }

    /** One step; returns max |out_i| if {@code max}, else 0. */
    private double advance(double t, double h, V u, V out, boolean max) {
        if (u == out) {
            throw new IllegalArgumentException("step needs distinct input and output vectors");
        }
        if (count > 0 && !(h > 0 ? t > historyTimes[newest] : t < historyTimes[newest])) {
            throw new IllegalArgumentException("multistep history at t = " + historyTimes[newest]
                    + " does not precede the step from t = " + t + " with h = " + h + "; call reset() first");
        }
        newest = (newest + 1) % q;
        count = Math.min(count + 1, q);
        historyTimes[newest] = t;
        lastStageTime = t;
        if (starter != null && count < q) {
            // The starter's first stage is N(t, u): keep it as history instead of evaluating twice.
            lastStepWasStarter = true;
            double m = 0;
            if (max) {
                m = starter.stepMaxAbs(t, h, u, out);
            } else {
                starter.step(t, h, u, out);
            }
            ops.copy(starter.stageValue(0), history[newest]);
            return m;
        }
        lastStepWasStarter = false;
        nonlinearity.evaluate(t, u, history[newest]);
        statistics.addEvaluation();
        int p = Math.min(count, orderLimit);
        for (int j = 0; j < p; j++) {
            theta[j] = node(historyTimes[(newest - j + q) % q], t, h);
        }
        WeightRow<V> row = rows[p];
        if (rowSteps[p] != h || !sameTheta(rowTheta[p], p)) {
            PhiTable table = table(h);
            rule.compute(theta, p, coefficients);
            row.setWeight(0, table.phi(0, 1.0));
            for (int j = 0; j < p; j++) {
                table.startCombination();
                for (int m = 0; m < p; m++) {
                    table.accumulate(h * coefficients[j][m], m + 1, 1.0);
                }
                row.setWeight(j + 1, table.combination());
            }
            rowSteps[p] = h;
            System.arraycopy(theta, 0, rowTheta[p], 0, p);
        }
        row.setInput(0, u);
        for (int j = 0; j < p; j++) {
            row.setInput(j + 1, history[(newest - j + q) % q]);
        }
        if (noise != null) {
            double w = noise.fill(t, h, noiseBuffer);
            row.setNoise(w == 0 ? null : noiseBuffer, scaled ? w * outputFactor : w);
        }
        if (scaled) {
            scaled = false;
            return row.applyScaled(out, firstFactor, valueFactor, max);
        }
        if (max) {
            return row.applyMaxAbs(out);
        }
        row.apply(out);
        return 0;
    }

    /**
     * Makes the next step (only) read and write scaled states, for a scalar linear part: with
     * \(y\) the variable the method integrates, the step is given \(u = a\,y_n\), writes
     * \(\mathrm{out} = b\,y_{n+1}\), and the nonlinearity, called with the scaled state \(u\)
     * as it is, writes \(v\) with \(N(t_n, y_n) = c\,v\). The factors go into the step's
     * scalar weights, \( (b/a)\,\varphi_0 \) and \( b\,c\,h\beta_j \), so the scaling costs
     * no pass over the vectors. This is how the DPM-Solver sampler steps in \(x\) while
     * integrating in \(x/\alpha_t\) or \(x/\sigma_t\). \(c\) must be the same for every step
     * of a run, since the history keeps the values \(v\).
     *
     * @param a the scale of the input state, non-zero
     * @param b the scale of the output state
     * @param c the factor from the nonlinearity's values to \(N\)
     * @throws UnsupportedOperationException if the next step would be a starter step, which
     *     cannot take scaled states
     */
    public void scaleNextStep(double a, double b, double c) {
        if (starter != null && count + 1 < q) {
            throw new UnsupportedOperationException("scaled states need warm-up start, not a starter");
        }
        scaled = true;
        firstFactor = b / a;
        valueFactor = b * c;
        outputFactor = b;
    }

    /**
     * Gives every following step an additive noise term \( w_n\xi_n \) in its fused sum (a
     * stochastic exponential Adams method; {@link AdditiveNoise}), with \(\xi_n\) filled into a
     * buffer allocated here, once. On a scaled step ({@link #scaleNextStep}) the weight, given in
     * the integrated variable \(y\), is multiplied by the output scale \(b\).
     *
     * @param value the noise, or {@code null} for none (the default)
     * @throws UnsupportedOperationException with a single-step starter, whose stages take no noise
     */
    public void noise(AdditiveNoise<V> value) {
        if (value != null && starter != null) {
            throw new UnsupportedOperationException("a noise term needs warm-up start, not a starter");
        }
        noise = value;
        for (int p = 1; p <= q; p++) {
            rows[p].setNoise(null, 0);
        }
        if (value != null && noiseBuffer == null) {
            noiseBuffer = ops.allocate(ops.length(history[0]));
        }
    }

    /**
     * Limits the order of the following steps (DPM-Solver's lower-order final steps); the history
     * is kept, so the limit can be raised again.
     *
     * @param limit the largest order, {@code >= 1}
     */
    public void limitOrder(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("order limit must be >= 1, got " + limit);
        }
        orderLimit = limit;
    }

    /**
     * The node \( \theta = (t_{n-j} - t_n)/h \). On a uniform grid it is an integer, but
     * computed from rounded times it wobbles by a few ulps of the times from step to step, and
     * every wobble would recompute the weights (for a diagonal part, passes over n-vectors each
     * step). A value within the rounding error of the times from an integer is therefore taken as
     * that integer, so that uniform grids reuse their weights.
     */
    private static double node(double past, double t, double h) {
        double theta = (past - t) / h;
        double nearest = Math.rint(theta);
        double roundingError = 4 * (Math.ulp(past) + Math.ulp(t)) / Math.abs(h) + 4 * Math.ulp(theta);
        return Math.abs(theta - nearest) <= roundingError ? nearest : theta;
    }

    private boolean sameTheta(double[] stored, int p) {
        for (int j = 0; j < p; j++) {
            if (stored[j] != theta[j]) {
                return false;
            }
        }
        return true;
    }

    private PhiTable table(double h) {
        for (int c = 0; c < tables.length; c++) {
            if (tableSteps[c] == h) {
                lastTable = c;
                return tables[c];
            }
        }
        int c = (lastTable + 1) % tables.length;
        statistics.addPhiEvaluations(tables[c].compute(h));
        tableSteps[c] = h;
        lastTable = c;
        return tables[c];
    }

    @Override
    public int firstNonFiniteStage() {
        if (lastStepWasStarter) {
            return starter.firstNonFiniteStage();
        }
        return newest >= 0 && !Double.isFinite(ops.maxAbs(history[newest])) ? 0 : -1;
    }

    @Override
    public double stageTime(int stage) {
        return lastStepWasStarter ? starter.stageTime(stage) : lastStageTime;
    }
}
