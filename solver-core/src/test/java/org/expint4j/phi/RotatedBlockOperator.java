package org.expint4j.phi;

import java.util.SplittableRandom;

import org.expint4j.linear.LinearOperator;

/**
 * A test matrix with an exactly known φ-action: \( A = Q T Q^T \), \( Q \) a product of three
 * random Householder reflections (dense and orthogonal, applied in \( O(n) \)), \( T \) block
 * diagonal with \( 2\times 2 \) upper triangular blocks \( \begin{pmatrix} a &amp; b \\ 0 &amp;
 * c\end{pmatrix} \) (non-normal for \( b \ne 0 \)) or, for a symmetric matrix, diagonal. Then
 * \( \varphi_k(A) = Q \varphi_k(T) Q^T \) with \( \varphi_k(T) \) of each block
 * \( \begin{pmatrix} \varphi_k(a) &amp; b\,\varphi_k[a, c] \\ 0 &amp; \varphi_k(c)
 * \end{pmatrix} \), \( \varphi_k[a,c] = (\varphi_k(a) - \varphi_k(c))/(a - c) \), from the
 * scalar {@link Phi}. Eigenvalues are kept apart by a factor in \( [1.5, 3] \), so the divided
 * difference loses at most about \( \log_{10}((k+1)/|a-c|) \) digits where \( |a| \) is small.
 * The reference shares no code with the Krylov method or with {@link MatrixPhi}.
 */
final class RotatedBlockOperator implements LinearOperator<double[]> {

    private final int n;
    private final double[][] reflectors;
    private final double[] diag;
    /** Superdiagonal of T at even rows (block couplings); zero for odd rows. */
    private final double[] upper;
    private final boolean symmetric;
    private final double[] work;

    /**
     * @param rnd the random source
     * @param n the dimension
     * @param norm the spectral radius: eigenvalues are \( -\mathrm{norm}\cdot 10^{-U(0, 2.5)} \)
     *     with one at \( -\mathrm{norm} \)
     * @param nonNormality the couplings \( b \) are \( \pm \)nonNormality times \( |a| \)
     *     (0 with {@code symmetric})
     * @param symmetric whether \( T \) is diagonal
     */
    RotatedBlockOperator(SplittableRandom rnd, int n, double norm, double nonNormality, boolean symmetric) {
        this.n = n;
        this.symmetric = symmetric;
        reflectors = new double[3][n];
        for (double[] u : reflectors) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                u[i] = rnd.nextDouble(-1, 1);
                s += u[i] * u[i];
            }
            final double scale = 1 / Math.sqrt(s);
            for (int i = 0; i < n; i++) {
                u[i] *= scale;
            }
        }
        diag = new double[n];
        upper = new double[n];
        for (int i = 0; i < n; i += 2) {
            final double a = -norm * Math.pow(10, -rnd.nextDouble(0, 2.5));
            diag[i] = i == 0 ? -norm : a;
            if (i + 1 < n) {
                diag[i + 1] = diag[i] / rnd.nextDouble(1.5, 3);
                if (!symmetric) {
                    upper[i] = (rnd.nextBoolean() ? 1 : -1) * nonNormality * Math.abs(diag[i]);
                }
            }
        }
        work = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public boolean isSymmetric() {
        return symmetric;
    }

    @Override
    public void apply(double[] v, double[] out) {
        System.arraycopy(v, 0, work, 0, n);
        reflectAll(work, true);
        for (int i = 0; i < n; i++) {
            out[i] = diag[i] * work[i] + (i + 1 < n ? upper[i] * work[i + 1] : 0);
        }
        reflectAll(out, false);
    }

    /**
     * \( \sum_{k=0}^{p} \varphi_k(\tau A) v_k \).
     *
     * @param tau the scale
     * @param v the vectors (null entries are zero)
     * @param p the highest order
     * @return the exact action, rounded
     */
    double[] exactPhi(double tau, double[][] v, int p) {
        final double[] result = new double[n];
        final double[] y = new double[n];
        final double[] phiA = new double[p + 1];
        final double[] phiC = new double[p + 1];
        for (int k = 0; k <= p; k++) {
            if (v[k] == null) {
                continue;
            }
            final double[] x = v[k].clone();
            reflectAll(x, true);
            for (int i = 0; i < n; i += 2) {
                final double a = tau * diag[i];
                Phi.phi(a, phiA);
                if (i + 1 == n) {
                    y[i] = phiA[k] * x[i];
                    continue;
                }
                final double c = tau * diag[i + 1];
                Phi.phi(c, phiC);
                final double divided = (phiA[k] - phiC[k]) / (a - c);
                y[i] = phiA[k] * x[i] + tau * upper[i] * divided * x[i + 1];
                y[i + 1] = phiC[k] * x[i + 1];
            }
            for (int i = 0; i < n; i++) {
                result[i] += y[i];
            }
        }
        reflectAll(result, false);
        return result;
    }

    /** \( Q^T x \) (transpose) or \( Q x \), in place. */
    private void reflectAll(double[] x, boolean transpose) {
        for (int r = 0; r < 3; r++) {
            final double[] u = reflectors[transpose ? 2 - r : r];
            double d = 0;
            for (int i = 0; i < n; i++) {
                d += u[i] * x[i];
            }
            for (int i = 0; i < n; i++) {
                x[i] -= 2 * d * u[i];
            }
        }
    }
}
