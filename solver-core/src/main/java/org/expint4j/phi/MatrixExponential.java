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
        final double[] out = new double[n * n];
        new Workspace(n).exp(a, n, out);
        return out;
    }

    /**
     * The scratch matrices of one exponential, allocated once for dimensions up to a capacity
     * so that repeated exponentials of small matrices (the projected matrices of
     * {@link KrylovPhi}) allocate nothing. Not thread-safe: one workspace per caller.
     */
    static final class Workspace {
        private final int capacity;
        private final double[] a2;
        private final double[] a4;
        private final double[] a6;
        private final double[] id;
        private final double[] w1;
        private final double[] w2;
        private final double[] w;
        private final double[] u;
        private final double[] z1;
        private final double[] v;
        private final double[] scaled;
        private double[] r;
        private double[] t;

        /** @param capacity the largest dimension this workspace serves */
        Workspace(int capacity) {
            this.capacity = capacity;
            final int size = capacity * capacity;
            a2 = new double[size];
            a4 = new double[size];
            a6 = new double[size];
            id = new double[size];
            w1 = new double[size];
            w2 = new double[size];
            w = new double[size];
            u = new double[size];
            z1 = new double[size];
            v = new double[size];
            scaled = new double[size];
            r = new double[size];
            t = new double[size];
        }

        /** @return the largest dimension served */
        int capacity() {
            return capacity;
        }

        /**
         * \( e^A \) into {@code out}; the same operations in the same order as the allocating
         * {@link MatrixExponential#exp(double[], int)}, hence the same bits.
         *
         * @param a the matrix, row-major \( n \times n \) in its first \( n^2 \) entries
         * @param n the dimension, at most the capacity
         * @param out receives \( e^A \) in its first \( n^2 \) entries; not {@code a}
         */
        void exp(double[] a, int n, double[] out) {
            final double norm = norm1(a, n);
            for (int i = 0; i < 4; i++) {
                if (norm <= THETA[i]) {
                    final double[] b = i == 0 ? B3 : i == 1 ? B5 : i == 2 ? B7 : B9;
                    pade(a, n, b);
                    System.arraycopy(r, 0, out, 0, n * n);
                    return;
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
            for (int i = 0; i < n * n; i++) {
                scaled[i] = Math.scalb(a[i], -s);
            }
            pade13(scaled, n);
            for (int i = 0; i < s; i++) {
                multiply(r, r, n, t);
                final double[] swap = r;
                r = t;
                t = swap;
            }
            System.arraycopy(r, 0, out, 0, n * n);
        }

        /**
         * The [m/m] Padé approximant for \( m \le 9 \) into {@code r}: \( U = A\sum_j
         * b_{2j+1}A^{2j} \), \( V = \sum_j b_{2j} A^{2j} \), \( r = (V - U)^{-1}(V + U) \).
         */
        private void pade(double[] a, int n, double[] b) {
            final int m = b.length - 1;
            multiply(a, a, n, a2);
            identity(id, n);
            double[] pow = w;
            identity(pow, n);
            double[] next = w1;
            java.util.Arrays.fill(z1, 0, n * n, 0.0);
            java.util.Arrays.fill(v, 0, n * n, 0.0);
            for (int j = 0; 2 * j <= m; j++) {
                addScaled(v, b[2 * j], pow, n);
                addScaled(z1, b[2 * j + 1], pow, n);
                if (2 * j + 2 <= m) {
                    multiply(pow, a2, n, next);
                    final double[] swap = pow;
                    pow = next;
                    next = swap;
                }
            }
            multiply(a, z1, n, u);
            solveRational(u, v, n);
        }

        /** The [13/13] approximant with Higham's evaluation scheme (six products) into {@code r}. */
        private void pade13(double[] a, int n) {
            final double[] b = B13;
            final int size = n * n;
            multiply(a, a, n, a2);
            multiply(a2, a2, n, a4);
            multiply(a4, a2, n, a6);
            identity(id, n);
            java.util.Arrays.fill(w1, 0, size, 0.0);
            addScaled(w1, b[13], a6, n);
            addScaled(w1, b[11], a4, n);
            addScaled(w1, b[9], a2, n);
            java.util.Arrays.fill(w2, 0, size, 0.0);
            addScaled(w2, b[7], a6, n);
            addScaled(w2, b[5], a4, n);
            addScaled(w2, b[3], a2, n);
            addScaled(w2, b[1], id, n);
            multiply(a6, w1, n, w);
            addScaled(w, 1.0, w2, n);
            multiply(a, w, n, u);
            java.util.Arrays.fill(z1, 0, size, 0.0);
            addScaled(z1, b[12], a6, n);
            addScaled(z1, b[10], a4, n);
            addScaled(z1, b[8], a2, n);
            multiply(a6, z1, n, v);
            addScaled(v, b[6], a6, n);
            addScaled(v, b[4], a4, n);
            addScaled(v, b[2], a2, n);
            addScaled(v, b[0], id, n);
            solveRational(u, v, n);
        }

        /**
         * Solves \( (V - U) R = V + U \) into {@code r} by Gaussian elimination with partial
         * pivoting; {@code t} holds \( V - U \). The choice of \( \theta_m \) keeps
         * \( V - U \) well conditioned (Higham 2005, §2).
         */
        private void solveRational(double[] uu, double[] vv, int n) {
            final double[] q = t;
            for (int i = 0; i < n * n; i++) {
                q[i] = vv[i] - uu[i];
                r[i] = vv[i] + uu[i];
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
        }
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
        multiply(a, b, n, c);
        return c;
    }

    /**
     * \( C = AB \) into the first \( n^2 \) entries of {@code c}, which is neither {@code a}
     * nor {@code b}.
     *
     * @param a left factor
     * @param b right factor
     * @param n dimension
     * @param c the product
     */
    static void multiply(double[] a, double[] b, int n, double[] c) {
        java.util.Arrays.fill(c, 0, n * n, 0.0);
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
    }

    /**
     * Writes \( I_n \) into the first \( n^2 \) entries.
     *
     * @param id the target
     * @param n dimension
     */
    private static void identity(double[] id, int n) {
        java.util.Arrays.fill(id, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) {
            id[i * n + i] = 1.0;
        }
    }

    /**
     * \( Y \leftarrow Y + cX \) on the first \( n^2 \) entries.
     *
     * @param y accumulator
     * @param c scalar
     * @param x addend
     * @param n dimension
     */
    private static void addScaled(double[] y, double c, double[] x, int n) {
        for (int i = 0; i < n * n; i++) {
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
