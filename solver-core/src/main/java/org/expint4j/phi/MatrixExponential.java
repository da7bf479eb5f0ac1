package org.expint4j.phi;

/**
 * Scaling and squaring with Padé approximants of degree 3, 5, 7, 9 or 13 (Higham, SIAM J.
 * Matrix Anal. Appl. 26(4):1179–1193, 2005, Algorithm 2.3) on square row-major
 * {@code double[n*n]} storage.
 *
 * <p>The degree is the smallest \( m \) with \( \|A\|_1 \le \theta_m \); above \( \theta_{13} \)
 * the matrix is scaled by \( 2^{-s} \) with \( s = \lceil \log_2(\|A\|_1/\theta_{13}) \rceil \),
 * the <em>ceiling</em>, so that the scaled norm never exceeds \( \theta_{13} \): with the floor
 * the [13/13] approximant can be applied at norm up to \( 2\theta_{13} \approx 10.7 \), where its
 * error is about \( 10^{-7} \).
 */
final class MatrixExponential {

    /** Norm bounds \( \theta_m \) for degrees 3, 5, 7, 9, 13 (Higham 2005, Table 2.3). */
    private static final double[] THETA = {
        1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0,
        5.371920351148152e0};

    /** Padé numerator coefficients \( b_j \) of degree 3. */
    private static final double[] B3 = {120, 60, 12, 1};
    /** Degree 5. */
    private static final double[] B5 = {30240, 15120, 3360, 420, 30, 1};
    /** Degree 7. */
    private static final double[] B7 = {17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1};
    /** Degree 9. */
    private static final double[] B9 = {
        17643225600.0, 8821612800.0, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1};
    /** Degree 13. */
    private static final double[] B13 = {
        64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
        129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920,
        40840800, 960960, 16380, 182, 1};

    /** Utility class. */
    private MatrixExponential() {
    }

    /**
     * \( e^A \).
     *
     * @param a the matrix, row-major \( n \times n \), finite entries
     * @param n the dimension
     * @return \( e^A \), row-major, a new array
     */
    static double[] exp(double[] a, int n) {
        final double norm = norm1(a, n);
        for (int i = 0; i < 4; i++) {
            if (norm <= THETA[i]) {
                final double[][] b = {B3, B5, B7, B9};
                return pade(a, n, b[i]);
            }
        }
        int s = 0;
        if (norm > THETA[4]) {
            s = Math.getExponent(norm / THETA[4]);
            // getExponent is the floor of log2; make it the ceiling.
            if (Math.scalb(THETA[4], s) < norm) {
                s++;
            }
        }
        final double[] scaled = new double[n * n];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = Math.scalb(a[i], -s);
        }
        double[] r = pade13(scaled, n);
        for (int i = 0; i < s; i++) {
            r = multiply(r, r, n);
        }
        return r;
    }

    /**
     * The [m/m] Padé approximant for \( m \le 9 \): \( U = A\sum_j b_{2j+1}A^{2j} \),
     * \( V = \sum_j b_{2j} A^{2j} \), \( r = (V - U)^{-1}(V + U) \).
     *
     * @param a the matrix
     * @param n dimension
     * @param b the coefficients \( b_0..b_m \)
     * @return \( r_m(A) \)
     */
    private static double[] pade(double[] a, int n, double[] b) {
        final int m = b.length - 1;
        final double[] a2 = multiply(a, a, n);
        double[] pow = identity(n);
        final double[] u0 = new double[n * n];
        final double[] v = new double[n * n];
        for (int j = 0; 2 * j <= m; j++) {
            addScaled(v, b[2 * j], pow);
            addScaled(u0, b[2 * j + 1], pow);
            if (2 * j + 2 <= m) {
                pow = multiply(pow, a2, n);
            }
        }
        return solveRational(multiply(a, u0, n), v, n);
    }

    /**
     * The [13/13] approximant with Higham's evaluation scheme (six matrix products).
     *
     * @param a the scaled matrix
     * @param n dimension
     * @return \( r_{13}(A) \)
     */
    private static double[] pade13(double[] a, int n) {
        final double[] b = B13;
        final double[] a2 = multiply(a, a, n);
        final double[] a4 = multiply(a2, a2, n);
        final double[] a6 = multiply(a4, a2, n);
        final double[] id = identity(n);
        final double[] w1 = new double[n * n];
        addScaled(w1, b[13], a6);
        addScaled(w1, b[11], a4);
        addScaled(w1, b[9], a2);
        final double[] w2 = new double[n * n];
        addScaled(w2, b[7], a6);
        addScaled(w2, b[5], a4);
        addScaled(w2, b[3], a2);
        addScaled(w2, b[1], id);
        final double[] w = multiply(a6, w1, n);
        addScaled(w, 1.0, w2);
        final double[] u = multiply(a, w, n);
        final double[] z1 = new double[n * n];
        addScaled(z1, b[12], a6);
        addScaled(z1, b[10], a4);
        addScaled(z1, b[8], a2);
        final double[] v = multiply(a6, z1, n);
        addScaled(v, b[6], a6);
        addScaled(v, b[4], a4);
        addScaled(v, b[2], a2);
        addScaled(v, b[0], id);
        return solveRational(u, v, n);
    }

    /**
     * Solves \( (V - U) R = V + U \) by Gaussian elimination with partial pivoting. The choice of
     * \( \theta_m \) keeps \( V - U \) well conditioned (Higham 2005, §2).
     *
     * @param u odd part
     * @param v even part
     * @param n dimension
     * @return \( R \)
     */
    private static double[] solveRational(double[] u, double[] v, int n) {
        final double[] q = new double[n * n];
        final double[] r = new double[n * n];
        for (int i = 0; i < q.length; i++) {
            q[i] = v[i] - u[i];
            r[i] = v[i] + u[i];
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int i = c + 1; i < n; i++) {
                if (Math.abs(q[i * n + c]) > Math.abs(q[piv * n + c])) {
                    piv = i;
                }
            }
            if (piv != c) {
                swapRows(q, n, piv, c);
                swapRows(r, n, piv, c);
            }
            final double d = q[c * n + c];
            for (int i = c + 1; i < n; i++) {
                final double f = q[i * n + c] / d;
                if (f != 0.0) {
                    for (int j = c; j < n; j++) {
                        q[i * n + j] -= f * q[c * n + j];
                    }
                    for (int j = 0; j < n; j++) {
                        r[i * n + j] -= f * r[c * n + j];
                    }
                }
            }
        }
        for (int c = n - 1; c >= 0; c--) {
            final double d = q[c * n + c];
            for (int j = 0; j < n; j++) {
                double s = r[c * n + j];
                for (int k = c + 1; k < n; k++) {
                    s -= q[c * n + k] * r[k * n + j];
                }
                r[c * n + j] = s / d;
            }
        }
        return r;
    }

    /**
     * Matrix 1-norm (largest absolute column sum).
     *
     * @param a matrix
     * @param n dimension
     * @return \( \|A\|_1 \)
     */
    static double norm1(double[] a, int n) {
        double max = 0.0;
        for (int j = 0; j < n; j++) {
            double s = 0.0;
            for (int i = 0; i < n; i++) {
                s += Math.abs(a[i * n + j]);
            }
            max = Math.max(max, s);
        }
        return max;
    }

    /**
     * Product \( AB \), i-k-j loop order for row-major storage; zero entries of \( A \) (the
     * block structure of the augmented matrices) are skipped.
     *
     * @param a left factor
     * @param b right factor
     * @param n dimension
     * @return \( AB \)
     */
    static double[] multiply(double[] a, double[] b, int n) {
        final double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                final double aik = a[i * n + k];
                if (aik != 0.0) {
                    for (int j = 0; j < n; j++) {
                        c[i * n + j] += aik * b[k * n + j];
                    }
                }
            }
        }
        return c;
    }

    /**
     * Identity matrix.
     *
     * @param n dimension
     * @return \( I_n \)
     */
    private static double[] identity(int n) {
        final double[] id = new double[n * n];
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1.0;
        }
        return id;
    }

    /**
     * \( Y \leftarrow Y + cX \).
     *
     * @param y accumulator
     * @param c scalar
     * @param x addend
     */
    private static void addScaled(double[] y, double c, double[] x) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
    }

    /**
     * Swaps two rows.
     *
     * @param a matrix
     * @param n dimension
     * @param i first row
     * @param j second row
     */
    private static void swapRows(double[] a, int n, int i, int j) {
        for (int k = 0; k < n; k++) {
            final double t = a[i * n + k];
            a[i * n + k] = a[j * n + k];
            a[j * n + k] = t;
        }
    }
}
