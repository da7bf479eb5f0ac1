package org.expint4j.phi;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The test oracle: \( \varphi_k(z) \) for real or complex \( z \) in {@link BigDecimal}
 * arithmetic, written to be obviously right rather than fast.
 *
 * <ul>
 * <li>\( |z| \le 1 \): the Taylor series \( \sum_j z^j/(j+k)! \) at 60 digits, summed until a
 *     term is below \( 10^{-70} \) of \( 1/k! \) (the series has at most a factor 3 of
 *     cancellation there).</li>
 * <li>\( |z| > 1 \): the closed form \( (e^z - \sum_{j<k} z^j/j!)/z^k \). The digits lost to
 *     cancellation in the numerator are measured and the evaluation is repeated with more digits
 *     until at least 40 remain.</li>
 * <li>\( e^z \): \( (\sum_{j} r^j/j!)^{2^m} \) with \( r = z/2^m \), \( |r| \le 2^{-8} \), with
 *     \( m \) guard digits for the squarings.</li>
 * </ul>
 * Results are pairs {re, im}.
 */
final class BigPhi {

    /** Utility class. */
    private BigPhi() {
    }

    /**
     * Real \( \varphi_k(z) \).
     *
     * @param k order
     * @param z finite argument
     * @return the value to at least 40 digits
     */
    static BigDecimal phi(int k, double z) {
        return phi(k, z, 0.0)[0];
    }

    /**
     * Complex \( \varphi_k(z) \).
     *
     * @param k order
     * @param re real part of z, finite
     * @param im imaginary part of z, finite
     * @return {re, im} to at least 40 digits (relative to the modulus)
     */
    static BigDecimal[] phi(int k, double re, double im) {
        final BigDecimal[] z = {new BigDecimal(re), new BigDecimal(im)};
        if (k == 0) {
            return exp(z, new MathContext(60));
        }
        if (Math.hypot(re, im) <= 1.0) {
            return taylor(k, z);
        }
        int digits = 60;
        while (true) {
            final MathContext mc = new MathContext(digits);
            BigDecimal[] num = exp(z, mc);
            double magnitude = log10(abs(num, mc));
            BigDecimal[] term = {BigDecimal.ONE, BigDecimal.ZERO};
            for (int j = 0; j < k; j++) {
                if (j > 0) {
                    term = divide(multiply(term, z, mc), BigDecimal.valueOf(j), mc);
                }
                num = new BigDecimal[] {num[0].subtract(term[0], mc), num[1].subtract(term[1], mc)};
                magnitude = Math.max(magnitude, log10(abs(term, mc)));
            }
            final double lost = magnitude - log10(abs(num, mc));
            if (digits - lost - 2 * Math.log10(k + 2) >= 40) {
                BigDecimal[] zk = {BigDecimal.ONE, BigDecimal.ZERO};
                for (int j = 0; j < k; j++) {
                    zk = multiply(zk, z, mc);
                }
                return divide(num, zk, mc);
            }
            digits = (int) Math.ceil(lost) + 60;
        }
    }

    /**
     * Taylor series for \( |z| \le 1 \).
     *
     * @param k order, \( k \ge 1 \)
     * @param z argument
     * @return the sum
     */
    private static BigDecimal[] taylor(int k, BigDecimal[] z) {
        final MathContext mc = new MathContext(60);
        BigDecimal f = BigDecimal.ONE;
        for (int j = 2; j <= k; j++) {
            f = f.multiply(BigDecimal.valueOf(j));
        }
        BigDecimal[] term = {BigDecimal.ONE.divide(f, mc), BigDecimal.ZERO};
        final BigDecimal stop = term[0].movePointLeft(70);
        BigDecimal[] sum = term;
        for (int j = 1; abs(term, mc).compareTo(stop) > 0; j++) {
            term = divide(multiply(term, z, mc), BigDecimal.valueOf(j + k), mc);
            sum = new BigDecimal[] {sum[0].add(term[0], mc), sum[1].add(term[1], mc)};
        }
        return sum;
    }

    /**
     * \( e^z \) by scaling, Taylor and squaring.
     *
     * @param z argument
     * @param mc the precision wanted
     * @return \( e^z \)
     */
    static BigDecimal[] exp(BigDecimal[] z, MathContext mc) {
        final double mag = Math.max(Math.abs(z[0].doubleValue()), Math.abs(z[1].doubleValue()));
        final int m = Math.max(0, Math.getExponent(mag) + 1) + 8;
        final MathContext w = new MathContext(mc.getPrecision() + m / 3 + 10);
        final BigDecimal scale = BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(m)); // exact
        final BigDecimal[] r = {z[0].multiply(scale), z[1].multiply(scale)};
        BigDecimal[] term = {BigDecimal.ONE, BigDecimal.ZERO};
        BigDecimal[] sum = term;
        final BigDecimal stop = BigDecimal.ONE.movePointLeft(w.getPrecision() + 5);
        for (int j = 1; abs(term, w).compareTo(stop) > 0; j++) {
            term = divide(multiply(term, r, w), BigDecimal.valueOf(j), w);
            sum = new BigDecimal[] {sum[0].add(term[0], w), sum[1].add(term[1], w)};
        }
        for (int i = 0; i < m; i++) {
            sum = multiply(sum, sum, w);
        }
        return new BigDecimal[] {sum[0].round(mc), sum[1].round(mc)};
    }

    /**
     * Relative error \( |c - e| / |e| \) of a double result against the oracle; where \( |e| \)
     * is below the normal range it is measured against {@code Double.MIN_NORMAL} instead
     * (gradual underflow cannot do better).
     *
     * @param re computed real part
     * @param im computed imaginary part
     * @param exact the oracle value
     * @return the relative error as a double ({@code +inf} for non-finite computed values)
     */
    static double relativeError(double re, double im, BigDecimal[] exact) {
        if (!Double.isFinite(re) || !Double.isFinite(im)) {
            return Double.POSITIVE_INFINITY;
        }
        final MathContext mc = new MathContext(30);
        final BigDecimal[] d = {new BigDecimal(re).subtract(exact[0]), new BigDecimal(im).subtract(exact[1])};
        BigDecimal den = abs(exact, mc);
        final BigDecimal floor = new BigDecimal(Double.MIN_NORMAL);
        if (den.compareTo(floor) < 0) {
            den = floor;
        }
        return abs(d, mc).divide(den, mc).doubleValue();
    }

    /**
     * Relative error of a real double result.
     *
     * @param computed computed value
     * @param exact oracle value
     * @return the relative error
     */
    static double relativeError(double computed, BigDecimal exact) {
        return relativeError(computed, 0.0, new BigDecimal[] {exact, BigDecimal.ZERO});
    }

    /**
     * Approximate \( \log_{10} |x| \), good to a fraction of a digit; \( -\infty \) for zero.
     *
     * @param x the value
     * @return its decimal logarithm
     */
    static double log10(BigDecimal x) {
        if (x.signum() == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        final BigDecimal lead = x.abs().movePointLeft(x.precision() - x.scale() - 1);
        return Math.log10(lead.doubleValue()) + (x.precision() - x.scale() - 1);
    }

    /**
     * Modulus of a complex number.
     *
     * @param a complex number {re, im}
     * @param mc precision
     * @return \( |a| \)
     */
    static BigDecimal abs(BigDecimal[] a, MathContext mc) {
        if (a[1].signum() == 0) {
            return a[0].abs();
        }
        if (a[0].signum() == 0) {
            return a[1].abs();
        }
        return a[0].multiply(a[0], mc).add(a[1].multiply(a[1], mc), mc).sqrt(mc);
    }

    /**
     * Complex product.
     *
     * @param a first factor
     * @param b second factor
     * @param mc precision
     * @return \( ab \)
     */
    static BigDecimal[] multiply(BigDecimal[] a, BigDecimal[] b, MathContext mc) {
        return new BigDecimal[] {
            a[0].multiply(b[0], mc).subtract(a[1].multiply(b[1], mc), mc),
            a[0].multiply(b[1], mc).add(a[1].multiply(b[0], mc), mc)};
    }

    /**
     * Complex number divided by a real one.
     *
     * @param a dividend
     * @param b real divisor
     * @param mc precision
     * @return \( a/b \)
     */
    static BigDecimal[] divide(BigDecimal[] a, BigDecimal b, MathContext mc) {
        return new BigDecimal[] {a[0].divide(b, mc), a[1].divide(b, mc)};
    }

    /**
     * Complex quotient.
     *
     * @param a dividend
     * @param b divisor, nonzero
     * @param mc precision
     * @return \( a/b \)
     */
    static BigDecimal[] divide(BigDecimal[] a, BigDecimal[] b, MathContext mc) {
        final MathContext w = new MathContext(mc.getPrecision() + 5, RoundingMode.HALF_EVEN);
        final BigDecimal den = b[0].multiply(b[0], w).add(b[1].multiply(b[1], w), w);
        final BigDecimal[] n = multiply(a, new BigDecimal[] {b[0], b[1].negate()}, w);
        return new BigDecimal[] {n[0].divide(den, mc), n[1].divide(den, mc)};
    }
}
