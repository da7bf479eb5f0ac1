package org.expint4j.problem;

import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;
import org.expint4j.phi.MatrixPhi;

/**
 * A dense linear part \(L \in \mathbb{R}^{n\times n}\), for example a finite-difference or
 * Chebyshev discretisation of a diffusion operator. Its φ-weights \( \varphi_k(sL) \) are dense
 * matrices, computed by {@link MatrixPhi} (exponential of an augmented block matrix).
 */
public final class DenseLinearPart implements LinearPart {

    private final int n;
    private final double[] rowMajor;

    /**
     * @param matrix a square matrix with finite entries (copied)
     * @throws NullPointerException if {@code matrix} is null
     * @throws IllegalArgumentException if it is empty, not square, ragged or has a non-finite entry
     */
    public DenseLinearPart(double[][] matrix) {
        n = Objects.requireNonNull(matrix, "matrix").length;
        if (n == 0) {
            throw new IllegalArgumentException("dense linear part must not be empty");
        }
        rowMajor = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (matrix[i] == null || matrix[i].length != n) {
                throw new IllegalArgumentException("dense linear part must be square: row " + i
                        + " has length " + (matrix[i] == null ? "null" : String.valueOf(matrix[i].length))
                        + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                double v = matrix[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("L[" + i + "][" + j + "] must be finite, got " + v);
                }
                rowMajor[i * n + j] = v;
            }
        }
    }

    /**
     * @param matrix a square Commons Math matrix with finite entries (copied)
     * @throws NullPointerException if {@code matrix} is null
     * @throws IllegalArgumentException as {@link #DenseLinearPart(double[][])}
     */
    public DenseLinearPart(RealMatrix matrix) {
        this(Objects.requireNonNull(matrix, "matrix").getData());
    }

    /** @return a copy of the matrix */
    public double[][] matrix() {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowMajor, i * n, m[i], 0, n);
        }
        return m;
    }

    @Override
    public Kind kind() {
        return Kind.DENSE;
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public int weightLength() {
        return n * n;
    }

    @Override
    public void applyAdd(double[] u, double[] out) {
        Checks.sameLength("u", u.length, "linear part", n);
        Checks.sameLength("out", out.length, "linear part", n);
        if (u == out) {
            throw new IllegalArgumentException("dense applyAdd needs distinct u and out arrays");
        }
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                sum += rowMajor[row + j] * u[j];
            }
            out[i] += sum;
        }
    }

    @Override
    public void phi(double s, double[][] out) {
        Checks.weights(out, n * n);
        double[][] scaled = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                scaled[i][j] = s * rowMajor[i * n + j];
            }
        }
        double[][][] phis = MatrixPhi.phi(scaled, out.length - 1);
        for (int k = 0; k < out.length; k++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(phis[k][i], 0, out[k], i * n, n);
            }
        }
    }
}
