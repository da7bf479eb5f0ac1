package org.expint4j.verification.bench;

import java.util.SplittableRandom;
import org.expint4j.phi.MatrixPhi;
import org.expint4j.phi.Phi;
import org.expint4j.problem.ComplexDiagonalLinearPart;
import org.expint4j.problem.DiagonalLinearPart;

/**
 * Throughput of the φ-functions in the three representations an integrator needs them: a scalar
 * (all orders at once, and one order at a time), the diagonal of a real or complex diagonal
 * linear part, and a dense matrix (exponential of the augmented matrix). These costs are what
 * the steppers' weight caches save on every step with an unchanged step size.
 */
public final class PhiWorkload {

    private final int orders;
    private final double[] arguments;
    private final double[] scalarOut;
    private final DiagonalLinearPart diagonal;
    private final ComplexDiagonalLinearPart complexDiagonal;
    private final double[][] diagonalOut;
    private final double[][] complexOut;
    private final double[][] dense;
    private int next;
    private double sink;

    /**
     * @param maxK highest order \(\varphi_K\) computed
     * @param n length of the diagonal (complex: \(n\) complex entries)
     * @param denseN order of the dense matrix
     */
    public PhiWorkload(int maxK, int n, int denseN) {
        orders = maxK + 1;
        final SplittableRandom rnd = new SplittableRandom(5);
        // Arguments h*lambda of stiff problems: mostly negative, a few beyond the Taylor radius.
        arguments = new double[64];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = -20 * rnd.nextDouble() + 1;
        }
        scalarOut = new double[orders];
        final double[] d = new double[n];
        final double[] c = new double[2 * n];
        for (int i = 0; i < n; i++) {
            // A Fourier-like spectrum: -k^2 (real), -k^2 + i k^3 / 100 (complex).
            final double k = i % 512;
            d[i] = -k * k;
            c[2 * i] = -k * k;
            c[2 * i + 1] = k * k * k / 100;
        }
        diagonal = new DiagonalLinearPart(d);
        complexDiagonal = new ComplexDiagonalLinearPart(c);
        diagonalOut = new double[orders][n];
        complexOut = new double[orders][2 * n];
        dense = new double[denseN][denseN];
        for (int r = 0; r < denseN; r++) {
            for (int col = 0; col < denseN; col++) {
                dense[r][col] = (rnd.nextDouble() - 0.5) / Math.sqrt(denseN);
            }
            dense[r][r] -= 2;
        }
    }

    /** \( \varphi_0, \dots, \varphi_K \) of one real argument, all at once. */
    public void scalarAll() {
        Phi.phi(arguments[next++ & 63], scalarOut);
    }

    /** The same one order at a time with {@link Phi#phi(int, double)}. */
    public void scalarEach() {
        final double z = arguments[next++ & 63];
        for (int k = 0; k < orders; k++) {
            sink += Phi.phi(k, z);
        }
    }

    /** \( \varphi_k(0.01 \cdot \mathrm{diag}) \) of the real diagonal part, \(k \le K\). */
    public void diagonal() {
        diagonal.phi(0.01, diagonalOut);
    }

    /** \( \varphi_k(0.01 \cdot \mathrm{diag}) \) of the complex diagonal part, \(k \le K\). */
    public void complexDiagonal() {
        complexDiagonal.phi(0.01, complexOut);
    }

    /** \( \varphi_0(A), \dots, \varphi_K(A) \) of the dense matrix. */
    public void dense() {
        sink += MatrixPhi.phi(dense, orders - 1)[orders - 1][0][0];
    }

    /** @return a value depending on every result, for a benchmark to consume */
    public double probe() {
        return sink + scalarOut[orders - 1] + diagonalOut[orders - 1][0] + complexOut[orders - 1][1];
    }
}
