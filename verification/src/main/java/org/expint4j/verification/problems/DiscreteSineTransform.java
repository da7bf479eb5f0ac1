package org.expint4j.verification.problems;

/**
 * The orthonormal discrete sine transform of type I on \(m = n_d - 1\) points,
 * \[ S_{jk} = \sqrt{2/n_d}\,\sin\frac{jk\pi}{n_d}, \qquad j, k = 1, \dots, n_d - 1. \]
 * \(S\) is symmetric and orthogonal, so \(S^{-1} = S\). Its columns are the eigenvectors of the
 * three-point finite-difference Laplacian with homogeneous Dirichlet conditions on a grid of
 * \(n_d\) subintervals of \([0, 1]\):
 * \[ \frac{1}{\Delta x^2}\,\mathrm{tridiag}(1, -2, 1) = S\,\Lambda\,S, \qquad
 *    \Lambda_{kk} = -\frac{4}{\Delta x^2}\sin^2\frac{k\pi}{2n_d}, \qquad \Delta x = 1/n_d. \]
 *
 * <p>Applied as a dense matrix–vector product (\(O(m^2)\), about \(4\cdot 10^4\) multiply-adds
 * for \(n_d = 200\)): fast enough for the verification problems, and exact to rounding with no
 * length restriction, unlike a radix-2 FFT. The sines are evaluated at arguments reduced modulo
 * \(2\pi\) exactly in integers, so every entry is correctly rounded up to an ulp or two.
 */
public final class DiscreteSineTransform {

    private final int subintervals;
    private final int m;
    private final double[] matrix;

    /**
     * @param subintervals \(n_d \ge 2\)
     * @throws IllegalArgumentException if {@code subintervals < 2}
     */
    public DiscreteSineTransform(int subintervals) {
        if (subintervals < 2) {
            throw new IllegalArgumentException("need at least 2 subintervals, got " + subintervals);
        }
        this.subintervals = subintervals;
        this.m = subintervals - 1;
        this.matrix = new double[m * m];
        double norm = Math.sqrt(2.0 / subintervals);
        for (int j = 1; j <= m; j++) {
            for (int k = 1; k <= m; k++) {
                long r = ((long) j * k) % (2L * subintervals); // sin(jkπ/n) = sin(rπ/n)
                matrix[(j - 1) * m + (k - 1)] = norm * Math.sin(Math.PI * r / subintervals);
            }
        }
    }

    /** @return the number of points \(m = n_d - 1\) */
    public int size() {
        return m;
    }

    /**
     * The eigenvalue of the finite-difference Laplacian belonging to column \(k\) of \(S\).
     *
     * @param k the mode, 1 to \(m\)
     * @return \( -4 n_d^2 \sin^2(k\pi/(2 n_d)) \)
     */
    public double laplacianEigenvalue(int k) {
        if (k < 1 || k > m) {
            throw new IllegalArgumentException("mode must be in 1.." + m + ", got " + k);
        }
        double s = Math.sin(k * Math.PI / (2.0 * subintervals));
        return -4.0 * subintervals * (double) subintervals * s * s;
    }

    /**
     * Computes {@code out} \(= S\,\){@code in}; since \(S^2 = I\) this is both the forward and the
     * inverse transform.
     *
     * @param in a vector of length \(m\) (not modified)
     * @param out receives the result, length \(m\), distinct from {@code in}
     * @throws IllegalArgumentException for wrong lengths or {@code in == out}
     */
    public void apply(double[] in, double[] out) {
        if (in.length != m || out.length != m) {
            throw new IllegalArgumentException("DST of size " + m + " applied to lengths " + in.length + ", "
                    + out.length);
        }
        if (in == out) {
            throw new IllegalArgumentException("the DST needs distinct input and output arrays");
        }
        for (int j = 0; j < m; j++) {
            double sum = 0;
            int row = j * m;
            for (int k = 0; k < m; k++) {
                sum += matrix[row + k] * in[k];
            }
            out[j] = sum;
        }
    }

    /**
     * @param in a vector of length \(m\) (not modified)
     * @return \(S\,\){@code in} in a new array
     */
    public double[] apply(double[] in) {
        double[] out = new double[m];
        apply(in, out);
        return out;
    }
}
