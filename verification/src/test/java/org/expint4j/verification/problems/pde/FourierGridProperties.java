package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Fourier state layout: conversions, Parseval integrals, the operators built on it, and the
 * pseudo-spectral flux, on random trigonometric polynomials whose derivatives are known in closed
 * form.
 */
class FourierGridProperties {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 12).map(i -> 0x5DEECE66DL * i + 11);
    }

    /** \(u(x) = \sum_{k \le K} a_k \cos(k\kappa_1 x) + b_k \sin(k\kappa_1 x)\), random coefficients. */
    record TrigPolynomial(double[] a, double[] b, double kappa1) {

        static TrigPolynomial random(long seed, int maxMode, double length) {
            SplittableRandom random = new SplittableRandom(seed);
            double[] a = new double[maxMode + 1];
            double[] b = new double[maxMode + 1];
            for (int k = 0; k <= maxMode; k++) {
                a[k] = random.nextDouble(-1, 1);
                b[k] = k == 0 ? 0 : random.nextDouble(-1, 1);
            }
            return new TrigPolynomial(a, b, 2 * Math.PI / length);
        }

        /** @return \(\sum_k (k\kappa_1)^{order}(|a_k| + |b_k|)\), the scale of the rounding errors */
        double scale(int order) {
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                sum += Math.pow(k * kappa1, order) * (Math.abs(a[k]) + Math.abs(b[k]));
            }
            return sum;
        }

        /** The {@code order}-th derivative at x. */
        double derivative(int order, double x) {
            double sum = 0;
            for (int k = 0; k < a.length; k++) {
                double w = k * kappa1;
                double phase = k * kappa1 * x + order * Math.PI / 2;
                sum += Math.pow(w, order) * (a[k] * Math.cos(phase) + b[k] * Math.sin(phase));
            }
            return sum;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void valuesAndCoefficientsRoundTrip(long seed) {
        FourierGrid grid = new FourierGrid(64, -1.5, 3.0);
        TrigPolynomial p = TrigPolynomial.random(seed, 31, grid.length());
        double[] state = grid.sample(x -> p.derivative(0, x));
        double[] values = new double[64];
        grid.toValues(state, values);
        double[] x = grid.points();
        for (int j = 0; j < 64; j++) {
            assertEquals(p.derivative(0, x[j]), values[j], 1e-14 * p.scale(0), "seed " + seed + " x_" + j);
        }
        // The mean is the k = 0 coefficient, and the two coefficients of a real function that must be real are.
        assertEquals(p.a()[0], state[0], 1e-15 * p.scale(0), "seed " + seed + ": mean");
        assertEquals(0.0, state[1], 0.0, "seed " + seed);
        assertEquals(0.0, state[65], 0.0, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void integralsAgreeWithTheTrapezoidalRule(long seed) {
        FourierGrid grid = new FourierGrid(32, 0.0, 5.0);
        TrigPolynomial p = TrigPolynomial.random(seed, 16, grid.length());
        double[] state = grid.sample(x -> p.derivative(0, x));
        double sum = 0;
        double sumSquares = 0;
        for (double x : grid.points()) {
            double u = p.derivative(0, x);
            sum += u;
            sumSquares += u * u;
        }
        double h = grid.length() / grid.size();
        assertEquals(h * sum, grid.integral(state), 1e-13, "seed " + seed);
        assertEquals(h * sumSquares, grid.integralOfSquare(state), 1e-12, "seed " + seed);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void diagonalOperatorsDifferentiate(long seed) {
        FourierGrid grid = new FourierGrid(64, 0.0, 2 * Math.PI);
        // Modes below the Nyquist mode, where odd derivatives are defined.
        TrigPolynomial p = TrigPolynomial.random(seed, 31, grid.length());
        double[] state = grid.sample(x -> p.derivative(0, x));
        double[] second = new double[66];
        grid.realDiagonal(k -> -k * k).applyAdd(state, second);
        double[] minusThird = new double[66];
        grid.imaginaryDiagonal(k -> k * k * k).applyAdd(state, minusThird);
        double[] x = grid.points();
        double[] values = new double[64];
        // 1e-13: the closed form's own rounding of k x (up to 200) times k^3 dominates.
        grid.toValues(second, values);
        for (int j = 0; j < 64; j++) {
            assertEquals(p.derivative(2, x[j]), values[j], 1e-13 * p.scale(2), "seed " + seed + ": u_xx at x_" + j);
        }
        grid.toValues(minusThird, values);
        for (int j = 0; j < 64; j++) {
            assertEquals(-p.derivative(3, x[j]), values[j], 1e-13 * p.scale(3), "seed " + seed + ": -u_xxx at x_" + j);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void quadraticFluxIsExactWithoutAliasing(long seed) {
        // Modes below n/4: u^2 has modes below the Nyquist mode and nothing aliases.
        ViscousBurgers burgers = new ViscousBurgers(64, 0.1, 1.0);
        FourierGrid grid = burgers.grid();
        TrigPolynomial p = TrigPolynomial.random(seed, 15, grid.length());
        double[] state = grid.sample(x -> p.derivative(0, x));
        double[] flux = new double[66];
        burgers.nonlinear(0.0, state, flux);
        assertEquals(0.0, flux[0], 0.0, "seed " + seed + ": the flux has zero mean exactly");
        assertEquals(0.0, flux[1], 0.0, "seed " + seed);
        assertEquals(0.0, flux[65], 0.0, "seed " + seed);
        double[] values = new double[64];
        grid.toValues(flux, values);
        double[] x = grid.points();
        for (int j = 0; j < 64; j++) {
            double expected = -p.derivative(0, x[j]) * p.derivative(1, x[j]);
            assertEquals(expected, values[j], 1e-14 * p.scale(0) * p.scale(1), "seed " + seed + ": -u u_x at x_" + j);
        }
    }

    @Test
    void rejectsBadGrids() {
        assertThrows(IllegalArgumentException.class, () -> new FourierGrid(2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FourierGrid(48, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new FourierGrid(64, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FourierGrid(64, Double.NaN, 1));
    }
}
