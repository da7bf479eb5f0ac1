package org.expint4j.linear;

import java.util.Arrays;
import java.util.Objects;

/**
 * A square sparse matrix in compressed sparse row (CSR) form, as a {@link LinearOperator} on
 * {@code double[]}: row \( i \) holds the entries {@code values[k]} in columns
 * {@code columns[k]} for \( k \in [\mathrm{rowStart}_i, \mathrm{rowStart}_{i+1}) \)
 * (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., SIAM 2003, §3.4).
 *
 * <p>The arrays are validated and copied at construction: \( n \ge 1 \), {@code rowStart} of
 * length \( n+1 \) starting at 0 and non-decreasing up to the number of entries, column indices
 * in \( [0, n) \) and strictly increasing within each row (no duplicates), finite values. Each
 * violation throws {@link IllegalArgumentException} naming the offending index and value.
 * Symmetry (\( a_{ij} = a_{ji} \) exactly, structure included) is detected at construction and
 * reported by {@link #isSymmetric()}.
 *
 * <p>{@link #apply} computes each \( (Av)_i \) as one left-to-right sum over the row's entries
 * and allocates nothing. Instances are immutable and may be shared by threads.
 */
public final class CsrMatrix implements LinearOperator<double[]> {

    private final int n;
    private final int[] rowStart;
    private final int[] columns;
    private final double[] values;
    private final boolean symmetric;

    /**
     * @param n the dimension, {@code >= 1}
     * @param rowStart row pointers, length {@code n + 1} (copied)
     * @param columns column index of each entry (copied)
     * @param values value of each entry, same length as {@code columns} (copied)
     * @throws NullPointerException if an array is null
     * @throws IllegalArgumentException naming the first invalid size, index or value
     */
    public CsrMatrix(int n, int[] rowStart, int[] columns, double[] values) {
        Objects.requireNonNull(rowStart, "rowStart");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(values, "values");
        if (n < 1) {
            throw new IllegalArgumentException("dimension n = " + n + ", must be >= 1");
        }
        if (rowStart.length != n + 1) {
            throw new IllegalArgumentException("rowStart has length " + rowStart.length + ", expected n + 1 = "
                + (n + 1));
        }
        if (columns.length != values.length) {
            throw new IllegalArgumentException("columns has length " + columns.length + " but values has length "
                + values.length);
        }
        if (rowStart[0] != 0) {
            throw new IllegalArgumentException("rowStart[0] = " + rowStart[0] + ", must be 0");
        }
        if (rowStart[n] != values.length) {
            throw new IllegalArgumentException("rowStart[n] = rowStart[" + n + "] = " + rowStart[n]
                + ", must equal the number of entries " + values.length);
        }
        for (int i = 0; i < n; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("rowStart must be non-decreasing, got rowStart[" + i + "] = "
                    + rowStart[i] + " > rowStart[" + (i + 1) + "] = " + rowStart[i + 1]);
            }
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                final int j = columns[k];
                if (j < 0 || j >= n) {
                    throw new IllegalArgumentException("column index columns[" + k + "] = " + j + " (row " + i
                        + ") is outside [0, " + n + ")");
                }
                if (k > rowStart[i] && j <= columns[k - 1]) {
                    throw new IllegalArgumentException("column indices of row " + i
                        + " must be strictly increasing, got " + columns[k - 1] + " then " + j + " at entry " + k);
                }
                if (!Double.isFinite(values[k])) {
                    throw new IllegalArgumentException("matrix entries must be finite, got A[" + i + "][" + j
                        + "] = " + values[k] + " (entry " + k + ")");
                }
            }
        }
        this.n = n;
        this.rowStart = rowStart.clone();
        this.columns = columns.clone();
        this.values = values.clone();
        this.symmetric = detectSymmetry();
    }

    /**
     * The sparse form of a dense matrix, keeping its non-zero entries.
     *
     * @param a a square matrix, row-major, at least \( 1 \times 1 \), finite entries
     * @return the matrix in CSR form
     * @throws IllegalArgumentException if {@code a} is empty, ragged, not square or has a
     *     non-finite entry (named)
     */
    public static CsrMatrix fromDense(double[][] a) {
        final int n = Objects.requireNonNull(a, "a").length;
        if (n == 0) {
            throw new IllegalArgumentException("matrix must be at least 1x1, got 0 rows");
        }
        int nnz = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: " + n + " rows, but row " + i
                    + (a[i] == null ? " is null" : " has " + a[i].length + " columns"));
            }
            for (int j = 0; j < n; j++) {
                if (a[i][j] != 0.0) {
                    nnz++;
                }
            }
        }
        final int[] start = new int[n + 1];
        final int[] cols = new int[nnz];
        final double[] vals = new double[nnz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // NaN != 0, so a NaN entry is kept and refused by the constructor, named.
                if (a[i][j] != 0.0) {
                    cols[k] = j;
                    vals[k++] = a[i][j];
                }
            }
            start[i + 1] = k;
        }
        return new CsrMatrix(n, start, cols, vals);
    }

    /**
     * Assembles a matrix from coordinate (triplet) form, summing duplicate entries, as finite
     * element and finite difference assemblies produce them.
     *
     * @param n the dimension, {@code >= 1}
     * @param rows row index of each triplet, in \( [0, n) \)
     * @param cols column index of each triplet, in \( [0, n) \)
     * @param vals value of each triplet, finite
     * @return the matrix in CSR form, explicit zeros from cancelling duplicates kept
     * @throws IllegalArgumentException naming the first invalid length, index or value
     */
    public static CsrMatrix fromTriplets(int n, int[] rows, int[] cols, double[] vals) {
        if (n < 1) {
            throw new IllegalArgumentException("dimension n = " + n + ", must be >= 1");
        }
        final int t = Objects.requireNonNull(rows, "rows").length;
        if (Objects.requireNonNull(cols, "cols").length != t || Objects.requireNonNull(vals, "vals").length != t) {
            throw new IllegalArgumentException("triplet arrays differ in length: rows " + t + ", cols "
                + cols.length + ", vals " + vals.length);
        }
        final long[] keys = new long[t];
        for (int k = 0; k < t; k++) {
            if (rows[k] < 0 || rows[k] >= n || cols[k] < 0 || cols[k] >= n) {
                throw new IllegalArgumentException("triplet " + k + " has index (" + rows[k] + ", " + cols[k]
                    + ") outside [0, " + n + ")");
            }
            if (!Double.isFinite(vals[k])) {
                throw new IllegalArgumentException("matrix entries must be finite, got A[" + rows[k] + "]["
                    + cols[k] + "] = " + vals[k] + " (triplet " + k + ")");
            }
            // Sort key (row, column, original position): duplicates are then summed in input order.
            keys[k] = (long) rows[k] * n + cols[k];
        }
        final Integer[] order = new Integer[t];
        for (int k = 0; k < t; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> keys[x] != keys[y] ? Long.compare(keys[x], keys[y]) : Integer.compare(x, y));
        final int[] start = new int[n + 1];
        final int[] c = new int[t];
        final double[] v = new double[t];
        int nnz = 0;
        long previous = -1;
        for (int q = 0; q < t; q++) {
            final int k = order[q];
            if (keys[k] == previous) {
                v[nnz - 1] += vals[k];
            } else {
                c[nnz] = cols[k];
                v[nnz] = vals[k];
                start[rows[k] + 1]++;
                nnz++;
                previous = keys[k];
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        return new CsrMatrix(n, start, Arrays.copyOf(c, nnz), Arrays.copyOf(v, nnz));
    }

    @Override
    public int dimension() {
        return n;
    }

    /** @return the number of stored entries */
    public int nonZeros() {
        return values.length;
    }

    /** @return {@code true} if \( a_{ij} = a_{ji} \) exactly for all \( i, j \) */
    @Override
    public boolean isSymmetric() {
        return symmetric;
    }

    /**
     * @param i row
     * @param j column
     * @return the entry \( a_{ij} \) (0 where none is stored)
     * @throws IllegalArgumentException if an index is outside \( [0, n) \)
     */
    public double get(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IllegalArgumentException("index (" + i + ", " + j + ") outside [0, " + n + ")");
        }
        final int k = Arrays.binarySearch(columns, rowStart[i], rowStart[i + 1], j);
        return k >= 0 ? values[k] : 0.0;
    }

    /** @return the matrix as a new dense row-major array */
    public double[][] toDense() {
        final double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                a[i][columns[k]] = values[k];
            }
        }
        return a;
    }

    /** @return \( \|A\|_1 \), the largest absolute column sum */
    public double normOne() {
        final double[] sums = new double[n];
        for (int k = 0; k < values.length; k++) {
            sums[columns[k]] += Math.abs(values[k]);
        }
        double max = 0;
        for (double s : sums) {
            max = Math.max(max, s);
        }
        return max;
    }

    @Override
    public void apply(double[] v, double[] out) {
        if (v == null || out == null) {
            throw new IllegalArgumentException(v == null ? "v is null" : "out is null");
        }
        if (v.length != n || out.length != n) {
            throw new IllegalArgumentException("operator of dimension " + n + " applied to v of length " + v.length
                + " into out of length " + out.length);
        }
        if (v == out) {
            throw new IllegalArgumentException("out must not be the same array as v");
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                s += values[k] * v[columns[k]];
            }
            out[i] = s;
        }
    }

    private boolean detectSymmetry() {
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                final int j = columns[k];
                if (j != i) {
                    final int t = Arrays.binarySearch(columns, rowStart[j], rowStart[j + 1], i);
                    // Bit equality: -0.0 and 0.0 count as equal, as in arithmetic.
                    if (t < 0 ? values[k] != 0.0 : values[t] != values[k]) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
