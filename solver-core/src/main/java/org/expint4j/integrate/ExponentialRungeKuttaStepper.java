package org.expint4j.integrate;

import java.util.Arrays;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.NumericTableau;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.VectorOps;

/**
 * Executes an explicit exponential Runge–Kutta tableau: each stage and the output is one fused
 * weighted sum over \(u_n\) and the stage values \(N_j\), with weights
 * \( \varphi_0(c_i Z) \) and \( h\,a_{ij}(Z) \); zero entries are skipped. The weights of the
 * last {@value #CACHE_SIZE} step sizes are cached (per tableau version), so a fixed-step run
 * evaluates the φ-functions once, or twice if its last step is shorter. A per-step coefficient
 * rule may rewrite the {@link NumericTableau} between steps; the stepper notices the new version
 * and recomputes its weights.
 *
 * @param <V> vector type
 */
public final class ExponentialRungeKuttaStepper<V> implements Stepper<V> {

    /** Number of step sizes whose weights are kept. */
    static final int CACHE_SIZE = 2;

    private final ExponentialMethod method;
    private final NumericTableau tableau;
    private final LinearPart linearPart;
    private final Nonlinearity<V> nonlinearity;
    private final IntegrationStatistics statistics;
    private final VectorOps<V> ops;
    private final int stages;
    private final V[] stageValues;
    private final V stageState;
    private final V embedded;
    private final double[] stageTimes;
    @SuppressWarnings("unchecked")
    private final WeightSet[] cache = new ExponentialRungeKuttaStepper.WeightSet[CACHE_SIZE];
    private WeightSet current;
    private int evaluatedStages;

    /**
     * A stepper for a catalogue method.
     *
     * @param method the method
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters to update
     */
    public ExponentialRungeKuttaStepper(ExponentialRungeKuttaMethod method, LinearPart linearPart,
                                        Nonlinearity<V> nonlinearity, VectorOps<V> ops, int length,
                                        IntegrationStatistics statistics) {
        this(method, NumericTableau.of(method.tableau()), linearPart, nonlinearity, ops, length, statistics);
    }

    /**
     * A stepper for a tableau that a coefficient rule may rewrite between steps.
     *
     * @param method what the tableau implements (name and orders, for reports)
     * @param tableau the tableau, read at every step
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters to update
     */
    public ExponentialRungeKuttaStepper(ExponentialMethod method, NumericTableau tableau, LinearPart linearPart,
                                        Nonlinearity<V> nonlinearity, VectorOps<V> ops, int length,
                                        IntegrationStatistics statistics) {
        linearPart.checkStateLength(length);
        this.method = method;
        this.tableau = tableau;
        this.linearPart = linearPart;
        this.nonlinearity = nonlinearity;
        this.ops = ops;
        this.statistics = statistics;
        this.stages = tableau.stages();
        this.stageValues = ops.newArray(stages);
        for (int i = 0; i < stages; i++) {
            stageValues[i] = ops.allocate(length);
        }
        this.stageState = ops.allocate(length);
        this.embedded = tableau.hasEmbedded() ? ops.allocate(length) : null;
        this.stageTimes = new double[stages];
        for (int c = 0; c < CACHE_SIZE; c++) {
            cache[c] = new WeightSet();
        }
    }

    @Override
    public ExponentialMethod method() {
        return method;
    }

    /** @return the tableau this stepper executes */
    public NumericTableau tableau() {
        return tableau;
    }

    @Override
    public void reset() {
        evaluatedStages = 0;
    }

    @Override
    public void step(double t, double h, V u, V out) {
        stages(t, h, u, out);
        current.rows[tableau.outputRow()].apply(out);
    }

    @Override
    public double stepMaxAbs(double t, double h, V u, V out) {
        stages(t, h, u, out);
        return current.rows[tableau.outputRow()].applyMaxAbs(out);
    }

    /** Everything of a step but the output row. */
    private void stages(double t, double h, V u, V out) {
        if (u == out) {
            throw new IllegalArgumentException("step needs distinct input and output vectors");
        }
        current = weightsFor(h);
        current.setState(u);
        evaluatedStages = 0;
        evaluate(0, t, u);
        for (int i = 1; i < stages; i++) {
            current.rows[i].apply(stageState);
            evaluate(i, t + tableau.node(i) * h, stageState);
        }
    }

    private void evaluate(int stage, double time, V state) {
        stageTimes[stage] = time;
        nonlinearity.evaluate(time, state, stageValues[stage]);
        statistics.addEvaluation();
        evaluatedStages = stage + 1;
    }

    @Override
    public int firstNonFiniteStage() {
        for (int i = 0; i < evaluatedStages; i++) {
            if (!Double.isFinite(ops.maxAbs(stageValues[i]))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public double stageTime(int stage) {
        return stageTimes[stage];
    }

    /**
     * @param stage a stage index
     * @return the value of \(N\) at that stage of the last step (owned by the stepper)
     */
    public V stageValue(int stage) {
        return stageValues[stage];
    }

    @Override
    public boolean hasEmbedded() {
        return embedded != null;
    }

    @Override
    public V embeddedSolution(V u) {
        if (embedded == null) {
            throw new UnsupportedOperationException(method.name() + " has no embedded solution");
        }
        current.rows[tableau.embeddedRow()].apply(embedded);
        return embedded;
    }

    private WeightSet weightsFor(double h) {
        long version = tableau.version();
        for (WeightSet w : cache) {
            if (w.h == h && w.version == version) {
                return w;
            }
        }
        // Replace the set not used by the previous step.
        WeightSet w = cache[0] == current ? cache[1] : cache[0];
        w.compute(h, version);
        return w;
    }

    /** The weights of every row for one step size and tableau version. */
    private final class WeightSet {

        private double h = Double.NaN;
        private long version = -1;
        private final PhiTable table;
        @SuppressWarnings("unchecked")
        private final WeightRow<V>[] rows = new WeightRow[stages + 2];
        private final int[][] columns = new int[stages + 2][];
        private final int[] pattern = new int[stages];

        WeightSet() {
            int maxScales = (stages + 2) * stages * tableau.maxTerms() + stages + 1;
            table = new PhiTable(linearPart, maxScales, tableau.maxK());
        }

        void compute(double step, long tableauVersion) {
            table.clear();
            table.addScale(1.0);
            for (int i = 0; i < stages; i++) {
                table.addScale(tableau.node(i));
            }
            for (int row = 1; row < rows.length; row++) {
                if (!hasRow(row)) {
                    continue;
                }
                for (int j = 0; j < width(row); j++) {
                    for (int m = 0; m < tableau.terms(row, j); m++) {
                        table.addScale(tableau.scale(row, j, m));
                    }
                }
            }
            statistics.addPhiEvaluations(table.compute(step));
            for (int row = 1; row < rows.length; row++) {
                if (hasRow(row)) {
                    fillRow(row, step);
                }
            }
            h = step;
            version = tableauVersion;
        }

        private boolean hasRow(int row) {
            return row < stages || row == tableau.outputRow() || (row == tableau.embeddedRow() && tableau.hasEmbedded());
        }

        private int width(int row) {
            return row < stages ? row : stages;
        }

        private void fillRow(int row, double step) {
            int n = 0;
            for (int j = 0; j < width(row); j++) {
                if (tableau.terms(row, j) > 0) {
                    pattern[n++] = j;
                }
            }
            // Rebuild the fused sum only when the sparsity pattern changes (never for a fixed tableau).
            if (columns[row] == null || !Arrays.equals(columns[row], 0, columns[row].length, pattern, 0, n)) {
                columns[row] = Arrays.copyOf(pattern, n);
                rows[row] = new WeightRow<>(ops, linearPart, n + 1);
                for (int m = 0; m < n; m++) {
                    rows[row].setInput(m + 1, stageValues[columns[row][m]]);
                }
            }
            double c = row < stages ? tableau.node(row) : 1.0;
            rows[row].setWeight(0, table.phi(0, c));
            for (int m = 0; m < n; m++) {
                int j = columns[row][m];
                table.startCombination();
                for (int term = 0; term < tableau.terms(row, j); term++) {
                    table.accumulate(step * tableau.coefficient(row, j, term), tableau.k(row, j, term),
                            tableau.scale(row, j, term));
                }
                rows[row].setWeight(m + 1, table.combination());
            }
        }

        void setState(V u) {
            for (int row = 1; row < rows.length; row++) {
                if (rows[row] != null) {
                    rows[row].setInput(0, u);
                }
            }
        }
    }
}
