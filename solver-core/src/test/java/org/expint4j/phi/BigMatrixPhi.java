package org.expint4j.phi;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The dense test oracle: \( \varphi_0(A), \dots, \varphi_p(A) \) in {@link BigDecimal}.
 *
 * <p>\( X = A/2^m \) with \( \|X\|_1 \le 1/2 \); \( \varphi_k(X) = \sum_j X^j/(j+k)! \) summed
 * until \( 2^{-j}/j! \) is below the working precision; then \( m \) times
 * \( \varphi_0(2X) = \varphi_0(X)^2 \) and
 * \( \varphi_j(2X) = 2^{-j}[\varphi_0(X)\varphi_j(X) + \sum_{i=1}^{j} \varphi_i(X)/(j-i)!] \)
 * (exact identities, since \( X \) commutes with itself). It is evaluated at two precisions,
 * 30 digits apart, and the precision is raised until the two agree to \( 10^{-30} \) relative,
 * so digits lost in the doublings cannot go unnoticed. It shares no code with
 * {@link MatrixPhi}.
 */
final class BigMatrixPhi {

    /** Utility class. */
    private BigMatrixPhi() {
    }

    /**
     * \( \varphi_k(A) \), \( k = 0..p \), as doubles rounded from a verified high-precision value.
     *
     * @param a the matrix
     * @param p highest order
     * @return {@code [k][i][j]}
     */
    static double[][][] phi(double[][] a, int p) {
        int digits = 50;
        while (true) {
            final BigDecimal[][][] lo = phi(a, p, digits);
            final BigDecimal[][][] hi = phi(a, p, digits + 30);
            boolean agree = true;
            for (int k = 0; k <= p && agree; k++) {
                agree = relativeDifference(lo[k], hi[k]) < 1e-30;
            }
            if (agree) {
                final double[][][] r = new double[p + 1][a.length][a.length];
                for (int k = 0; k <= p; k++) {
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < a.length; j++) {
                            r[k][i][j] = hi[k][i][j].doubleValue();
                        }
                    }
                }
                return r;
            }
            digits += 50;
        }
    }

    /**
     * The evaluation at a given precision.
     *
     * @param a matrix
     * @param p highest order
     * @param digits working precision
     * @return {@code [k][i][j]}
     */
    static BigDecimal[][][] phi(double[][] a, int p, int digits) {
        final int n = a.length;
        final MathContext mc = new MathContext(digits);
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (double[] row : a) {
                s += Math.abs(row[j]);
            }
            norm = Math.max(norm, s);
        }
        final int m = norm <= 0.5 ? 0 : Math.getExponent(norm) + 2;
        final BigDecimal scale = BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(m));
        final BigDecimal[][] x = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = new BigDecimal(a[i][j]).multiply(scale);
            }
        }
        // ||X^j||/(j+k)! <= 2^-j/j!: stop once that is below 10^-(digits+5).
        int terms = 1;
        for (double lg = 0; lg < digits + 5; terms++) {
            lg += Math.log10(2.0 * terms);
        }
        BigDecimal[][][] f = new BigDecimal[p + 1][][];
        for (int k = 0; k <= p; k++) {
            f[k] = zero(n);
        }
        BigDecimal[][] pow = identity(n);
        BigDecimal fact = BigDecimal.ONE; // j!
        for (int j = 0; j < terms; j++) {
            if (j > 0) {
                pow = multiply(pow, x, mc);
                fact = fact.multiply(BigDecimal.valueOf(j));
            }
            BigDecimal denom = fact; // (j+k)!
            for (int k = 0; k <= p; k++) {
                if (k > 0) {
                    denom = denom.multiply(BigDecimal.valueOf(j + k));
                }
                addScaled(f[k], pow, BigDecimal.ONE.divide(denom, mc), mc);
            }
        }
        final BigDecimal[] invFact = new BigDecimal[p + 1];
        BigDecimal fk = BigDecimal.ONE;
        for (int k = 0; k <= p; k++) {
            if (k > 0) {
                fk = fk.multiply(BigDecimal.valueOf(k));
            }
            invFact[k] = BigDecimal.ONE.divide(fk, mc);
        }
        for (int level = 0; level < m; level++) {
            final BigDecimal[][][] g = new BigDecimal[p + 1][][];
            g[0] = multiply(f[0], f[0], mc);
            BigDecimal half = BigDecimal.ONE;
            for (int j = 1; j <= p; j++) {
                half = half.multiply(new BigDecimal("0.5"));
                final BigDecimal[][] s = multiply(f[0], f[j], mc);
                for (int i = 1; i <= j; i++) {
                    addScaled(s, f[i], invFact[j - i], mc);
                }
                for (BigDecimal[] row : s) {
                    for (int c = 0; c < n; c++) {
                        row[c] = row[c].multiply(half);
                    }
                }
                g[j] = s;
            }
            f = g;
        }
        return f;
    }

    /**
     * Frobenius-norm relative difference \( \|A - B\|_F / \|B\|_F \) of two matrices.
     *
     * @param a first
     * @param b reference
     * @return the relative difference (as a double)
     */
    private static double relativeDifference(BigDecimal[][] a, BigDecimal[][] b) {
        final MathContext mc = new MathContext(20);
        BigDecimal num = BigDecimal.ZERO;
        BigDecimal den = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                final BigDecimal d = a[i][j].subtract(b[i][j], mc);
                num = num.add(d.multiply(d, mc), mc);
                den = den.add(b[i][j].multiply(b[i][j], mc), mc);
            }
        }
        if (den.signum() == 0) {
            return num.signum() == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(num.divide(den, mc).doubleValue());
    }

    private static BigDecimal[][] zero(int n) {
        final BigDecimal[][] z = new BigDecimal[n][n];
        for (BigDecimal[] row : z) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        return z;
    }

    private static BigDecimal[][] identity(int n) {
        final BigDecimal[][] z = zero(n);
        for (int i = 0; i < n; i++) {
            z[i][i] = BigDecimal.ONE;
        }
        return z;
    }

    private static BigDecimal[][] multiply(BigDecimal[][] a, BigDecimal[][] b, MathContext mc) {
        final int n = a.length;
        final BigDecimal[][] c = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int k = 0; k < n; k++) {
                    s = s.add(a[i][k].multiply(b[k][j], mc), mc);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    private static void addScaled(BigDecimal[][] y, BigDecimal[][] x, BigDecimal c, MathContext mc) {
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[i][j] = y[i][j].add(x[i][j].multiply(c, mc), mc);
            }
        }
    }
}
