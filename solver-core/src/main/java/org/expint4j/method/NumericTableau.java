package org.expint4j.method;

import org.expint4j.phi.Phi;

/**
 * An exponential Runge–Kutta tableau in floating point, as executed: nodes \(c_i\) and entries
 * \( \sum_m q_m \varphi_{k_m}(s_m Z) \) with real coefficients and argument scales. Catalogue
 * tableaux convert to it once ({@link #of}); per-step coefficient rules (DPM-Solver picks its
 * intermediate nodes \(r_1, r_2\) from the time grid at every step) overwrite it in place without
 * allocating. Every mutation advances {@link #version()}, so a stepper knows when to recompute
 * its weights.
 *
 * <p>Rows {@code 1..stages-1} are the stage rows \(a_{ij}\); row {@link #outputRow()} holds
 * \(b_j\) and row {@link #embeddedRow()} \(\hat b_j\) (if present). The weight of \(u_n\) in row
 * \(i\) is always \( \varphi_0(c_i Z) \) (and \( \varphi_0(Z) \) in the output rows).
 *
 * <p>Every index (stage, entry, term) and every value is checked: a bad one throws
 * {@link IllegalArgumentException} naming it and the valid range.
 */
public final class NumericTableau {

    /**
     * Largest number of stages, 64: catalogue methods have at most 7, and the storage grows as
     * stages squared times {@link #MAX_TERMS}.
     */
    public static final int MAX_STAGES = 64;

    /** Largest number of terms per entry, 64 (catalogue entries have at most 4). */
    public static final int MAX_TERMS = 64;

    private final int stages;
    private final boolean embedded;
    private final int maxK;
    private final int maxTerms;
    private final double[] nodes;
    private final int[][] count;
    private final int[][][] ks;
    private final double[][][] scales;
    private final double[][][] coefficients;
    private long version;

    /**
     * An empty tableau (all entries zero, all nodes zero).
     *
     * @param stages number of stages, {@code 1..}{@link #MAX_STAGES}
     * @param embedded whether it has embedded weights
     * @param maxK largest φ index any entry may use, {@code 0..}{@link Phi#MAX_ORDER}
     * @param maxTerms largest number of terms per entry, {@code 1..}{@link #MAX_TERMS}
     * @throws IllegalArgumentException if a size is outside its range
     */
    public NumericTableau(int stages, boolean embedded, int maxK, int maxTerms) {
        checkRange("stages", stages, 1, MAX_STAGES);
        checkRange("maxK", maxK, 0, Phi.MAX_ORDER);
        checkRange("maxTerms", maxTerms, 1, MAX_TERMS);
        this.stages = stages;
        this.embedded = embedded;
        this.maxK = maxK;
        this.maxTerms = maxTerms;
        this.nodes = new double[stages];
        int rows = stages + 2;
        count = new int[rows][stages];
        ks = new int[rows][stages][maxTerms];
        scales = new double[rows][stages][maxTerms];
        coefficients = new double[rows][stages][maxTerms];
    }

    /**
     * Converts an exact tableau.
     *
     * @param tableau the tableau
     * @return its floating-point form
     */
    public static NumericTableau of(ExponentialRungeKuttaTableau tableau) {
        int s = tableau.stages();
        int terms = 1;
        for (PhiCombination e : tableau.entries()) {
            terms = Math.max(terms, e.terms().size());
        }
        NumericTableau n = new NumericTableau(s, tableau.hasEmbedded(), tableau.maxK(), terms);
        for (int i = 0; i < s; i++) {
            n.setNode(i, tableau.c(i).doubleValue());
            for (int j = 0; j < i; j++) {
                n.set(i, j, tableau.a(i, j));
            }
            n.set(n.outputRow(), i, tableau.b(i));
            if (tableau.hasEmbedded()) {
                n.set(n.embeddedRow(), i, tableau.bHat(i));
            }
        }
        return n;
    }

    private void set(int row, int column, PhiCombination entry) {
        clear(row, column);
        for (PhiTerm t : entry.terms()) {
            addTerm(row, column, t.coefficient().doubleValue(), t.k(), t.node().doubleValue());
        }
    }

    /** @return the number of stages */
    public int stages() {
        return stages;
    }

    /** @return whether embedded weights exist */
    public boolean hasEmbedded() {
        return embedded;
    }

    /** @return the largest φ index allowed */
    public int maxK() {
        return maxK;
    }

    /** @return the largest number of terms per entry */
    public int maxTerms() {
        return maxTerms;
    }

    /** @return the row index of the output weights \(b\) */
    public int outputRow() {
        return stages;
    }

    /** @return the row index of the embedded weights \(\hat b\) */
    public int embeddedRow() {
        return stages + 1;
    }

    /** @return a counter that changes on every mutation */
    public long version() {
        return version;
    }

    /**
     * @param i stage index
     * @return \(c_i\)
     */
    public double node(int i) {
        checkStage(i);
        return nodes[i];
    }

    /**
     * @param i stage index, {@code 0..stages-1}
     * @param c the node, finite
     * @throws IllegalArgumentException if the index is out of range or {@code c} is not finite
     */
    public void setNode(int i, double c) {
        checkStage(i);
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("node c[" + i + "] must be finite, got " + c);
        }
        nodes[i] = c;
        version++;
    }

    /**
     * Sets an entry to zero.
     *
     * @param row row index
     * @param column column index (stage), {@code < row} for stage rows
     */
    public void clear(int row, int column) {
        checkEntry(row, column);
        count[row][column] = 0;
        version++;
    }

    /**
     * Adds \( q\,\varphi_k(sZ) \) to an entry.
     *
     * @param row row index
     * @param column column index
     * @param q the coefficient, finite
     * @param k the φ index, {@code 0..maxK}
     * @param s the argument scale, finite
     * @throws IllegalArgumentException if the entry does not exist, is full, or an argument is out
     *     of range
     */
    public void addTerm(int row, int column, double q, int k, double s) {
        checkEntry(row, column);
        if (k < 0 || k > maxK) {
            throw new IllegalArgumentException("φ index " + k + " outside 0.." + maxK);
        }
        // A NaN weight would surface only as a NaN state, steps later.
        if (!Double.isFinite(q) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("term of entry (" + row + ", " + column + ") needs a finite "
                    + (Double.isFinite(q) ? "scale, got s = " + s : "coefficient, got q = " + q));
        }
        int n = count[row][column];
        if (n == maxTerms) {
            throw new IllegalArgumentException("entry (" + row + ", " + column + ") already has " + maxTerms + " terms");
        }
        ks[row][column][n] = k;
        scales[row][column][n] = s;
        coefficients[row][column][n] = q;
        count[row][column] = n + 1;
        version++;
    }

    /**
     * @param row row index
     * @param column column index
     * @return the number of terms of the entry (0 for a zero entry)
     */
    public int terms(int row, int column) {
        checkEntry(row, column);
        return count[row][column];
    }

    /**
     * @param row row index
     * @param column column index
     * @param term term index
     * @return the φ index of that term
     */
    public int k(int row, int column, int term) {
        checkTerm(row, column, term);
        return ks[row][column][term];
    }

    /**
     * @param row row index
     * @param column column index
     * @param term term index
     * @return the argument scale of that term
     */
    public double scale(int row, int column, int term) {
        checkTerm(row, column, term);
        return scales[row][column][term];
    }

    /**
     * @param row row index
     * @param column column index
     * @param term term index
     * @return the coefficient of that term
     */
    public double coefficient(int row, int column, int term) {
        checkTerm(row, column, term);
        return coefficients[row][column][term];
    }

    /**
     * Evaluates an entry at a scalar \(Z = z\) (tests and diagnostics).
     *
     * @param row row index
     * @param column column index
     * @param z the scalar
     * @return the entry's value
     */
    public double value(int row, int column, double z) {
        checkEntry(row, column);
        double sum = 0;
        for (int m = 0; m < count[row][column]; m++) {
            sum += coefficients[row][column][m] * Phi.phi(ks[row][column][m], scales[row][column][m] * z);
        }
        return sum;
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + ", must be in " + min + ".." + max);
        }
    }

    private void checkStage(int i) {
        if (i < 0 || i >= stages) {
            throw new IllegalArgumentException("no node c[" + i + "] in a " + stages + "-stage tableau (stages 0.."
                    + (stages - 1) + ")");
        }
    }

    private void checkTerm(int row, int column, int term) {
        checkEntry(row, column);
        if (term < 0 || term >= count[row][column]) {
            throw new IllegalArgumentException("no term " + term + " in entry (" + row + ", " + column + "), which has "
                    + count[row][column] + (count[row][column] == 1 ? " term" : " terms"));
        }
    }

    private void checkEntry(int row, int column) {
        boolean stageRow = row >= 1 && row < stages && column >= 0 && column < row;
        boolean outRow = (row == stages || (row == stages + 1 && embedded)) && column >= 0 && column < stages;
        if (!stageRow && !outRow) {
            throw new IllegalArgumentException("no entry (" + row + ", " + column + ") in a " + stages
                    + "-stage tableau" + (embedded ? " with embedded weights" : ""));
        }
    }
}
