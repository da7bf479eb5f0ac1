package org.expint4j.method;

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
 */
public final class NumericTableau {

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
     * @param stages number of stages, {@code >= 1}
     * @param embedded whether it has embedded weights
     * @param maxK largest φ index any entry may use
     * @param maxTerms largest number of terms per entry
     */
    public NumericTableau(int stages, boolean embedded, int maxK, int maxTerms) {
        if (stages < 1 || maxK < 0 || maxTerms < 1) {
            throw new IllegalArgumentException("invalid tableau size: stages=" + stages + ", maxK=" + maxK
                    + ", maxTerms=" + maxTerms);
        }
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
        return nodes[i];
    }

    /**
     * @param i stage index
     * @param c the node, finite
     */
    public void setNode(int i, double c) {
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
     * @param q the coefficient
     * @param k the φ index, {@code 0..maxK}
     * @param s the argument scale
     */
    public void addTerm(int row, int column, double q, int k, double s) {
        checkEntry(row, column);
        if (k < 0 || k > maxK) {
            throw new IllegalArgumentException("φ index " + k + " outside 0.." + maxK);
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
        return count[row][column];
    }

    /**
     * @param row row index
     * @param column column index
     * @param term term index
     * @return the φ index of that term
     */
    public int k(int row, int column, int term) {
        return ks[row][column][term];
    }

    /**
     * @param row row index
     * @param column column index
     * @param term term index
     * @return the argument scale of that term
     */
    public double scale(int row, int column, int term) {
        return scales[row][column][term];
    }

    /**
     * @param row row index
     * @param column column index
     * @param term term index
     * @return the coefficient of that term
     */
    public double coefficient(int row, int column, int term) {
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
        double sum = 0;
        for (int m = 0; m < count[row][column]; m++) {
            sum += coefficients[row][column][m] * org.expint4j.phi.Phi.phi(ks[row][column][m], scales[row][column][m] * z);
        }
        return sum;
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
