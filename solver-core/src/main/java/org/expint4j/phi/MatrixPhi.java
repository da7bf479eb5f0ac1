package org.expint4j.phi;

/**
 * \( e^A \) and \( \varphi_k(A) \) for dense real square matrices, given as row-major
 * {@code double[n][n]} arrays.
 *
 * <p><b>Exponential.</b> Scaling and squaring with Padé approximants of degree up to 13
 * (Higham, SIAM J. Matrix Anal. Appl. 26(4), 2005); the number of squarings is the ceiling of
 * \( \log_2(\|A\|_1/\theta_{13}) \). Commons Math 3 has no matrix exponential, and Hipparchus'
 * takes the floor, which loses up to 7 digits (e.g. on \( \mathrm{diag}(-10.7, 10.7) \)).
 *
 * <p><b>\( \varphi \)-functions.</b> By Sidje (ACM TOMS 24(1), 1998, Thm. 1) and Al-Mohy &amp;
 * Higham (SIAM J. Sci. Comput. 33(2), 2011, Thm. 2.1), the exponential of the
 * \( n(p+1) \times n(p+1) \) block matrix
 * \[ \begin{pmatrix} A &amp; I &amp; &amp; \\ &amp; 0 &amp; \ddots &amp; \\ &amp; &amp; \ddots &amp; I \\
 *    &amp; &amp; &amp; 0 \end{pmatrix} \]
 * has first block row \( (e^A, \varphi_1(A), \dots, \varphi_p(A)) \). No formula that cancels
 * (such as \( A^{-1}(e^A - I) \)) is used, so singular \( A \) is fine. Cost
 * \( O((n(p+1))^3) \).
 *
 * <p><b>Accuracy</b> (relative error in the Frobenius norm,
 * \( \|\hat F - F\|_F / \|F\|_F \), for each \( F = \varphi_k(A) \), \( k \le 8 \), wherever
 * \( F \) is finite). At most \( 10^{-12} \) for \( \|A\|_1 \le 100 \), and up to
 * \( \|A\|_1 = 10^3 \) for symmetric, skew-symmetric (imaginary spectrum), triangular with
 * negative diagonal and diagonal matrices; the error of \( e^A \) grows like
 * \( u \|A\|_1 \) (measured \( 5 \cdot 10^{-13} \) at \( 10^3 \)), since the squarings
 * amplify the rounding of the Padé stage by \( 2^s \).
 * Outside that: (i) for non-normal matrices with eigenvalues of large modulus in the right
 * half-plane, the higher orders lose accuracy in the squarings: the \( \varphi_k \) block of
 * the square is \( 2^{-k}[e^W\varphi_k(W) + \sum_{i=1}^k \varphi_i(W)/(k-i)!] \), whose terms
 * cancel where \( |e^W| \) is comparable to \( |W|^{k-1}/(k-1)! \) (measured: \( 2 \cdot
 * 10^{-12} \) for \( k = 8 \) at \( \|A\|_1 = 200 \), up to \( 4 \cdot 10^{-10} \) for
 * \( k = 6 \) at \( 10^3 \), where 1-ulp changes of the entries of \( A \) move the exact
 * value by only \( 6 \cdot 10^{-14} \)); (ii) non-normal matrices with a strongly decaying
 * exponential are ill conditioned (measured \( 7 \cdot 10^{-12} \) for \( e^A \) at
 * \( \|A\|_1 = 10^3 \), where 1-ulp changes of the entries already move the exact
 * \( e^A \) by \( 1.6 \cdot 10^{-12} \)).
 *
 * <p><b>Special input.</b> Where entries of the result overflow they may come out infinite or
 * NaN. Empty, non-square or ragged input, a NaN or infinite entry (named with its row, column and
 * value), \( p \lt 0 \), \( p \gt \) {@link Phi#MAX_ORDER} and an augmented matrix of more
 * than {@code Integer.MAX_VALUE} entries throw {@link IllegalArgumentException}.
 */
public final class MatrixPhi {

    /** Utility class. */
    private MatrixPhi() {
    }

    /**
     * The matrix exponential \( e^A \).
     *
     * @param a a square matrix, row-major, at least \( 1 \times 1 \)
     * @return \( e^A \), a new array
     * @throws IllegalArgumentException if {@code a} is empty, ragged or not square, or has a
     *     non-finite entry
     */
    public static double[][] exp(double[][] a) {
        final int n = checkSquare(a);
        final double[] flat = flatten(a, n);
        return unflatten(MatrixExponential.exp(flat, n), n, 0, n);
    }

    /**
     * \( \varphi_0(A), \dots, \varphi_p(A) \).
     *
     * @param a a square matrix, row-major, at least \( 1 \times 1 \)
     * @param p the highest order, \( p \ge 0 \)
     * @return {@code result[k]} \( = \varphi_k(A) \), each a new \( n \times n \) array
     * @throws IllegalArgumentException if {@code p < 0}, {@code p > }{@link Phi#MAX_ORDER},
     *     {@code a} is empty, ragged or not square, has a non-finite entry, or
     *     \( (n(p+1))^2 \) exceeds {@code Integer.MAX_VALUE}
     */
    public static double[][][] phi(double[][] a, int p) {
        if (p < 0 || p > Phi.MAX_ORDER) {
            throw new IllegalArgumentException("highest order p must be in [0, MAX_ORDER = " + Phi.MAX_ORDER
                + "], got p = " + p);
        }
        final int n = checkSquare(a);
        final long mLong = (long) n * (p + 1);
        if (mLong * mLong > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the augmented matrix of order n(p+1) = " + mLong + " (n = " + n
                + ", p = " + p + ") has more than Integer.MAX_VALUE entries");
        }
        final double[][][] result = new double[p + 1][][];
        final double[] flat = flatten(a, n);
        final int m = (int) mLong;
        final double[] big = new double[m * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, big, i * m, n);
        }
        for (int b = 0; b < p; b++) {
            for (int i = 0; i < n; i++) {
                big[(b * n + i) * m + (b + 1) * n + i] = 1.0;
            }
        }
        final double[] e = MatrixExponential.exp(big, m);
        for (int k = 0; k <= p; k++) {
            result[k] = unflatten(e, m, k * n, n);
        }
        return result;
    }

    /**
     * Checks that {@code a} is a non-empty square matrix of finite entries.
     *
     * @param a the matrix
     * @return its dimension
     */
    private static int checkSquare(double[][] a) {
        final int n = a.length;
        if (n == 0) {
            throw new IllegalArgumentException("matrix must be at least 1x1, got 0 rows");
        }
        for (int i = 0; i < n; i++) {
            if (a[i] == null || a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: " + n + " rows, but row " + i
                    + (a[i] == null ? " is null" : " has " + a[i].length + " columns"));
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(a[i][j])) {
                    // A NaN result would only say that something was wrong, not where.
                    throw new IllegalArgumentException("matrix entries must be finite, got a[" + i + "][" + j
                        + "] = " + a[i][j]);
                }
            }
        }
        return n;
    }

    /**
     * Copies to row-major flat storage.
     *
     * @param a the matrix
     * @param n dimension
     * @return the entries
     */
    private static double[] flatten(double[][] a, int n) {
        final double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }

    /**
     * Copies the \( n \times n \) block in rows \( 0..n-1 \), columns {@code col..col+n-1} of a
     * flat \( m \times m \) matrix.
     *
     * @param f flat matrix
     * @param m its dimension
     * @param col first column of the block
     * @param n block dimension
     * @return the block as a new array
     */
    private static double[][] unflatten(double[] f, int m, int col, int n) {
        final double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(f, i * m + col, r[i], 0, n);
        }
        return r;
    }
}
