package org.expint4j.verification.problems.pde;

import java.util.function.DoubleUnaryOperator;
import org.expint4j.problem.ComplexDiagonalLinearPart;
import org.expint4j.problem.DiagonalLinearPart;

/**
 * A periodic grid \(x_j = a + j\ell/n\), \(j = 0, \dots, n-1\), on \([a, a + \ell)\) with \(n\) a
 * power of two, and the Fourier representation of real functions on it used as the state of the
 * pseudo-spectral problems.
 *
 * <p><b>State layout.</b> A real function sampled at the grid is the trigonometric interpolant
 * \[ u(x) = \sum_{k=-n/2+1}^{n/2} \hat u_k\, e^{i\kappa_k (x - a)}, \qquad
 *    \kappa_k = \frac{2\pi k}{\ell}, \qquad \hat u_{-k} = \overline{\hat u_k}, \]
 * and the state stores only \(\hat u_0, \dots, \hat u_{n/2}\), interleaved as
 * \((\mathrm{Re}\,\hat u_0, \mathrm{Im}\,\hat u_0, \dots, \mathrm{Im}\,\hat u_{n/2})\), length
 * \(n + 2\). Hermitian symmetry is thereby built in: every state is a real function. The
 * imaginary parts of \(\hat u_0\) and \(\hat u_{n/2}\) are zero for real data and are ignored when
 * converting back (operators built here keep them zero). The coefficients are normalised,
 * \(\hat u_k = \frac1n \sum_j u(x_j) e^{-i\kappa_k(x_j - a)}\), so that \(\hat u_0\) is the mean
 * and amplitudes do not depend on \(n\); the factors \(1/n\) and \(n\) are powers of two and cost
 * no rounding.
 *
 * <p>Compared with storing all \(n\) complex coefficients, this halves the state and the
 * linear-algebra work of every stage, and a real solution cannot acquire a spurious imaginary part.
 *
 * <p>The conversions use work arrays only passed in by the caller and are allocation-free; a grid
 * itself is immutable.
 */
public final class FourierGrid {

    private final int n;
    private final double xMin;
    private final double length;
    private final RealFft fft;

    /**
     * @param n number of grid points, a power of two, at least 4
     * @param xMin left end \(a\) of the period
     * @param length the period \(\ell &gt; 0\)
     * @throws IllegalArgumentException for an invalid size or period
     */
    public FourierGrid(int n, double xMin, double length) {
        if (n < 4 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("grid size must be a power of two >= 4, got " + n);
        }
        if (!(length > 0) || !Double.isFinite(length) || !Double.isFinite(xMin)) {
            throw new IllegalArgumentException("period must be finite and positive, got [" + xMin + ", "
                    + xMin + " + " + length + ")");
        }
        this.n = n;
        this.xMin = xMin;
        this.length = length;
        this.fft = new RealFft(n);
    }

    /** @return the number of grid points \(n\) */
    public int size() {
        return n;
    }

    /** @return the length of a state vector, \(n + 2\) */
    public int stateLength() {
        return n + 2;
    }

    /** @return the left end \(a\) */
    public double xMin() {
        return xMin;
    }

    /** @return the period \(\ell\) */
    public double length() {
        return length;
    }

    /** @return the transform used by the conversions */
    public RealFft fft() {
        return fft;
    }

    /** @return a fresh array of the grid points \(x_j = a + j\ell/n\) */
    public double[] points() {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = xMin + j * length / n;
        }
        return x;
    }

    /**
     * @param k a mode index, \(0 \le k \le n/2\)
     * @return the wavenumber \(\kappa_k = 2\pi k/\ell\)
     */
    public double wavenumber(int k) {
        return 2 * Math.PI * k / length;
    }

    /**
     * Samples a function and returns its state.
     *
     * @param f the function of \(x\)
     * @return the normalised coefficients, length \(n + 2\)
     */
    public double[] sample(DoubleUnaryOperator f) {
        double[] state = new double[n + 2];
        for (int j = 0; j < n; j++) {
            state[j] = f.applyAsDouble(xMin + j * length / n);
        }
        toCoefficients(state, state);
        return state;
    }

    /**
     * Grid values to normalised coefficients.
     *
     * @param values \(u(x_j)\), length at least \(n\) (may be {@code state})
     * @param state receives \(\hat u_0, \dots, \hat u_{n/2}\), length at least \(n + 2\)
     */
    public void toCoefficients(double[] values, double[] state) {
        fft.forward(values, state);
        double scale = 1.0 / n;
        for (int i = 0; i < n + 2; i++) {
            state[i] *= scale;
        }
    }

    /**
     * Normalised coefficients to grid values.
     *
     * @param state the coefficients, length at least \(n + 2\); not modified unless it is
     *     {@code values}
     * @param values receives \(u(x_j)\), length at least \(n\)
     */
    public void toValues(double[] state, double[] values) {
        fft.inverse(state, values);
        for (int j = 0; j < n; j++) {
            values[j] *= n;
        }
    }

    /**
     * A real diagonal operator \(\hat u_k \mapsto s(\kappa_k)\,\hat u_k\) as a
     * {@link DiagonalLinearPart} on the interleaved state, each value repeated for the real and
     * imaginary part. For a real even symbol (\(\kappa^2 - \kappa^4\), \(-\varepsilon\kappa^2\))
     * this is cheaper than a complex diagonal with zero imaginary parts: real φ-functions, and
     * one multiplication per entry instead of a complex product.
     *
     * @param symbol \(s(\kappa)\)
     * @return the operator
     */
    public DiagonalLinearPart realDiagonal(DoubleUnaryOperator symbol) {
        double[] d = new double[n + 2];
        for (int k = 0; k <= n / 2; k++) {
            double s = symbol.applyAsDouble(wavenumber(k));
            d[2 * k] = s;
            d[2 * k + 1] = s;
        }
        return new DiagonalLinearPart(d);
    }

    /**
     * An imaginary diagonal operator \(\hat u_k \mapsto i\,s(\kappa_k)\,\hat u_k\) (an odd-order
     * derivative: \(\partial_x^3\) has \(s(\kappa) = -\kappa^3\)) as a
     * {@link ComplexDiagonalLinearPart}. At \(k = n/2\) the symbol is set to zero, the usual
     * convention for odd derivatives at the Nyquist mode (and at \(k = 0\) it is not used, so
     * the mean stays real): the mode \(\cos(\pi n (x-a)/\ell)\) has
     * no resolvable odd derivative, and a nonzero value would give the real coefficient
     * \(\hat u_{n/2}\) an imaginary part.
     *
     * @param symbol \(s(\kappa)\), real
     * @return the operator
     */
    public ComplexDiagonalLinearPart imaginaryDiagonal(DoubleUnaryOperator symbol) {
        double[] d = new double[n + 2];
        for (int k = 1; k < n / 2; k++) {
            d[2 * k + 1] = symbol.applyAsDouble(wavenumber(k));
        }
        return new ComplexDiagonalLinearPart(d);
    }

    /**
     * @param state the coefficients
     * @return \(\int u\,dx = \ell\,\hat u_0\)
     */
    public double integral(double[] state) {
        return length * state[0];
    }

    /**
     * @param state the coefficients
     * @return \(\int u^2\,dx = \ell \sum_k |\hat u_k|^2\) over all \(n\) modes (Parseval; equal to
     *     the trapezoidal rule on the grid values)
     */
    public double integralOfSquare(double[] state) {
        double sum = state[0] * state[0] + state[n] * state[n];
        for (int i = 2; i < n; i++) {
            sum += 2 * state[i] * state[i];
        }
        return length * sum;
    }
}
