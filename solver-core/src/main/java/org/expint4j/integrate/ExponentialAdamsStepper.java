package org.expint4j.integrate;

import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.MultistepWeights;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
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
 * <p><b>Corrector</b> (optional, a second {@link MultistepCoefficients} rule on the nodes
 * \( (1, 0, \theta_1, \dots) \); UniC of UniPC, Zhao et al. 2023, or the exact exponential
 * Adams–Moulton rule). A corrected step of order \(p\) predicts
 * \( \tilde u_{n+1} = e^Z u_n + h\sum_{j\lt p}\beta_j N_{n-j} \), evaluates
 * \( \tilde N_{n+1} = N(t_{n+1}, \tilde u_{n+1}) \) and returns
 * \( u_{n+1} = e^Z u_n + h\beta^c_{-1}\tilde N_{n+1} + h\sum_{j\lt p}\beta^c_j N_{n-j} \), a second
 * fused sum from the same inputs (order \(p+1\) from \(p+1\) values). \( \tilde N_{n+1} \)
 * becomes the history value of \(t_{n+1}\): the next step evaluates nothing at its start, so
 * the corrector costs no evaluation except on the final step. What the caller, the observers and
 * any correction of the state between steps see is the corrected \(u_{n+1}\); the history
 * keeps \(N\) at the predicted state (as UniPC's reference code does, also when an
 * \(x_t\)-correction changes the state afterwards). {@link #correctNextStep}{@code (false)} makes
 * a step predictor-only and evaluation-free at its end, as UniPC's final step is; otherwise every
 * step is corrected, the last one too. Single-step starter steps are not corrected.
 *
 * <p><b>Per-step weights</b> (optional, instead of a φ rule; scalar linear parts): a
 * {@link MultistepWeights} rule gives the numbers \(w_j\) of the step from where it lies, for
 * methods that interpolate the history in another variable (DEIS); they are recomputed at every
 * step. <b>Noise</b> (optional): {@link #noise} adds \(w_n\xi_n\) to every step's sum.
 *
 * @param <V> vector type
 */
public final class ExponentialAdamsStepper<V> implements Stepper<V> {

    private final ExponentialAdams method;
    private final MultistepCoefficients rule;
    /** The corrector rule, or null. */
    private final MultistepCoefficients corrector;
    /** Per-step scalar weights replacing {@link #rule} (DEIS), or null. */
    private final MultistepWeights weights;
    private final double[] weightValues;
    private final double[] oneWeight = new double[1];
    /** Ring size: q, or q + 1 with a corrector (the predicted value joins q older ones). */
    private final int slots;
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
    private final WeightRow<V>[] correctorRows;
    private final double[] correctorSteps;
    private final double[][] correctorTheta;
    /** Corrector nodes (1, θ_0, ..., θ_{p-1}). */
    private final double[] nodes;
    /** Whether the next step is corrected (when there is a corrector). */
    private boolean correctNext = true;
    /** Whether history[newest] already holds N at the next step's start (the corrector's evaluation). */
    private boolean pending;
    private double pendingTime;
    /** Whether the last step evaluated N at its start (stage 0) and at its end (stage 1). */
    private boolean evaluatedStart;
    private boolean evaluatedEnd;
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
     * updates), using φ-functions up to \( \varphi_q \).
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
        this(method, rule, null, linearPart, nonlinearity, ops, length, statistics);
    }

    /**
     * A predictor–corrector stepper (see the class description): after the prediction of order
     * \(p\) the {@code corrector} rule, given the \(p+1\) nodes \((1, 0, \theta_1, \dots)\), corrects
     * with the evaluation at the predicted state, using φ-functions up to \( \varphi_{q+1} \).
     *
     * @param method the method (order, start-up, name)
     * @param rule the predictor's coefficient rule
     * @param corrector the corrector's coefficient rule, or {@code null} for none
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters to update
     */
    public ExponentialAdamsStepper(ExponentialAdams method, MultistepCoefficients rule,
                                   MultistepCoefficients corrector, LinearPart linearPart,
                                   Nonlinearity<V> nonlinearity, VectorOps<V> ops, int length,
                                   IntegrationStatistics statistics) {
        this(method, rule, null, corrector, linearPart, nonlinearity, ops, length, statistics);
    }

    /**
     * A stepper whose predictor weights are numbers computed at every step from where the step
     * lies ({@link MultistepWeights}: exponential Adams interpolating in another variable, DEIS);
     * for a scalar linear part only. The weights are recomputed at every step (there is no
     * reuse across steps of equal size, since they may depend on \(\tau_n\)).
     *
     * @param method the method (order, start-up, name)
     * @param weights the weight rule
     * @param linearPart \(L\), scalar
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters to update
     * @throws IllegalArgumentException for a linear part that is not scalar
     */
    public ExponentialAdamsStepper(ExponentialAdams method, MultistepWeights weights, LinearPart linearPart,
                                   Nonlinearity<V> nonlinearity, VectorOps<V> ops, int length,
                                   IntegrationStatistics statistics) {
        this(method, ExponentialAdams::coefficients, java.util.Objects.requireNonNull(weights, "weights"), null,
                linearPart, nonlinearity, ops, length, statistics);
        if (linearPart.kind() != LinearPart.Kind.SCALAR) {
            throw new IllegalArgumentException("per-step scalar weights need a scalar linear part, not "
                    + linearPart.kind());
        }
    }

    @SuppressWarnings("unchecked")
    private ExponentialAdamsStepper(ExponentialAdams method, MultistepCoefficients rule, MultistepWeights weights,
                                    MultistepCoefficients corrector, LinearPart linearPart,
                                    Nonlinearity<V> nonlinearity, VectorOps<V> ops, int length,
                                    IntegrationStatistics statistics) {
        linearPart.checkStateLength(length);
        this.method = method;
        this.rule = rule;
        this.weights = weights;
        this.weightValues = new double[method.order()];
        this.corrector = corrector;
        this.linearPart = linearPart;
        this.nonlinearity = nonlinearity;
        this.ops = ops;
        this.statistics = statistics;
        this.q = method.order();
        this.slots = corrector == null ? q : q + 1;
        this.history = ops.newArray(slots);
        for (int j = 0; j < slots; j++) {
            history[j] = ops.allocate(length);
        }
        this.historyTimes = new double[slots];
        this.starter = method.startup() == ExponentialAdams.Startup.STARTER && q > 1
                ? new ExponentialRungeKuttaStepper<>(method.starter(), linearPart, nonlinearity, ops, length, statistics)
                : null;
        boolean constant = rule.hasConstantTerm() || corrector != null && corrector.hasConstantTerm();
        for (int c = 0; c < tables.length; c++) {
            tables[c] = new PhiTable(linearPart, constant ? 2 : 1, corrector == null ? q : q + 1);
            tables[c].addScale(1.0);
            if (constant) {
                // φ_1(0) = 1: the constant weights
                tables[c].addScale(0.0);
            }
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
        this.coefficients = new double[q + 1][q + 2];
        this.correctorRows = new WeightRow[corrector == null ? 0 : q + 1];
        this.correctorSteps = new double[correctorRows.length];
        this.correctorTheta = new double[correctorRows.length][q];
        for (int p = 1; p < correctorRows.length; p++) {
            correctorRows[p] = new WeightRow<>(ops, linearPart, p + 2);
            correctorSteps[p] = Double.NaN;
        }
        this.nodes = new double[q + 1];
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
        pending = false;
        correctNext = true;
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
        evaluatedStart = false;
        evaluatedEnd = false;
        boolean correct = corrector != null && correctNext;
        correctNext = true;
        if (pending) {
            // The last step's corrector evaluated N here; the loop's time may differ from t_n + h by rounding.
            if (Math.abs(t - pendingTime) > 4 * (Math.ulp(t) + Math.ulp(h))) {
                throw new IllegalArgumentException("the corrector evaluated N at t = " + pendingTime
                        + " but the step starts from t = " + t + "; call reset() first");
            }
            pending = false;
            historyTimes[newest] = t;
            lastStageTime = t;
            return predict(t, h, u, out, max, correct);
        }
        if (count > 0 && !(h > 0 ? t > historyTimes[newest] : t < historyTimes[newest])) {
            throw new IllegalArgumentException("multistep history at t = " + historyTimes[newest]
                    + " does not precede the step from t = " + t + " with h = " + h + "; call reset() first");
        }
        newest = (newest + 1) % slots;
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
        evaluatedStart = true;
        return predict(t, h, u, out, max, correct);
    }

    /** The prediction from the history ending at {@code newest}, then the correction if {@code correct}. */
    private double predict(double t, double h, V u, V out, boolean max, boolean correct) {
        int p = Math.min(count, orderLimit);
        for (int j = 0; j < p; j++) {
            theta[j] = node(historyTimes[slot(j)], t, h);
        }
        WeightRow<V> row = rows[p];
        if (weights != null) {
            fillScalarWeights(row, t, h, p);
        } else if (rowSteps[p] != h || !sameTheta(rowTheta[p], p)) {
            fillWeights(row, rule, theta, p, h);
            rowSteps[p] = h;
            System.arraycopy(theta, 0, rowTheta[p], 0, p);
        }
        row.setInput(0, u);
        for (int j = 0; j < p; j++) {
            row.setInput(j + 1, history[slot(j)]);
        }
        if (noise != null) {
            double w = noise.fill(t, h, noiseBuffer);
            row.setNoise(w == 0 ? null : noiseBuffer, scaled ? w * outputFactor : w);
        }
        boolean scaledStep = scaled;
        scaled = false;
        double m = apply(row, out, scaledStep, max && !correct);
        if (!correct) {
            return m;
        }
        // UniC: N at the predicted state becomes the history value of t + h.
        int next = (newest + 1) % slots;
        double tNext = t + h;
        nonlinearity.evaluate(tNext, out, history[next]);
        statistics.addEvaluation();
        evaluatedEnd = true;
        WeightRow<V> corrected = correctorRows[p];
        if (correctorSteps[p] != h || !sameTheta(correctorTheta[p], p)) {
            nodes[0] = 1;
            System.arraycopy(theta, 0, nodes, 1, p);
            fillWeights(corrected, corrector, nodes, p + 1, h);
            correctorSteps[p] = h;
            System.arraycopy(theta, 0, correctorTheta[p], 0, p);
        }
        corrected.setInput(0, u);
        corrected.setInput(1, history[next]);
        for (int j = 0; j < p; j++) {
            corrected.setInput(j + 2, history[slot(j)]);
        }
        m = apply(corrected, out, scaledStep, max);
        newest = next;
        count = Math.min(count + 1, q);
        historyTimes[newest] = tNext;
        pending = true;
        pendingTime = tNext;
        return m;
    }

    /** Ring index of the value j steps before the newest. */
    private int slot(int j) {
        return (newest - j + slots) % slots;
    }

    /** Row weights: \(e^Z\), then \( h\beta_j(Z) \) of {@code r} on {@code n} nodes. */
    private void fillWeights(WeightRow<V> row, MultistepCoefficients r, double[] nodeValues, int n, double h) {
        PhiTable table = table(h);
        r.compute(nodeValues, n, coefficients);
        row.setWeight(0, table.phi(0, 1.0));
        boolean constant = r.hasConstantTerm();
        for (int j = 0; j < n; j++) {
            table.startCombination();
            for (int m = 0; m < n; m++) {
                table.accumulate(h * coefficients[j][m], m + 1, 1.0);
            }
            if (constant) {
                table.accumulate(h * coefficients[j][n], 1, 0.0);
            }
            row.setWeight(j + 1, table.combination());
        }
    }

    /** Row weights of a {@link MultistepWeights} rule: \(e^Z\), then its numbers for this step. */
    private void fillScalarWeights(WeightRow<V> row, double t, double h, int p) {
        PhiTable table = table(h);
        double[] expZ = table.phi(0, 1.0);
        row.setWeight(0, expZ);
        weights.compute(t, h, h * ((ScalarLinearPart) linearPart).lambda(), theta, p, weightValues);
        for (int j = 0; j < p; j++) {
            oneWeight[0] = weightValues[j];
            row.setWeight(j + 1, oneWeight);
        }
    }

    private double apply(WeightRow<V> row, V out, boolean scaledStep, boolean max) {
        if (scaledStep) {
            return row.applyScaled(out, firstFactor, valueFactor, max);
        }
        if (max) {
            return row.applyMaxAbs(out);
        }
        row.apply(out);
        return 0;
    }

    /**
     * Whether the next step (only) is corrected, for a stepper with a corrector (default: every
     * step is). An uncorrected step evaluates nothing at its end, so the next step evaluates
     * \(N\) at its start as without a corrector: how UniPC's final step saves the evaluation.
     *
     * @param value whether to correct the next step
     */
    public void correctNextStep(boolean value) {
        correctNext = value;
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
        if (value != null && corrector != null) {
            // The corrected sum would need the step's noise too: not defined.
            throw new UnsupportedOperationException("a noise term cannot be combined with a corrector");
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
        int end = evaluatedEnd ? newest : -1;
        int start = evaluatedEnd ? slot(1) : newest;
        if (evaluatedStart && !Double.isFinite(ops.maxAbs(history[start]))) {
            return 0;
        }
        return end >= 0 && !Double.isFinite(ops.maxAbs(history[end])) ? 1 : -1;
    }

    @Override
    public double stageTime(int stage) {
        if (lastStepWasStarter) {
            return starter.stageTime(stage);
        }
        return stage == 1 ? pendingTime : lastStageTime;
    }
}
