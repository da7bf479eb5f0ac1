package org.expint4j.problem;

import java.util.Objects;

import org.expint4j.phi.Phi;

/**
 * A complex diagonal linear part \(L = \mathrm{diag}(d_0, \dots, d_{m-1})\),
 * \(d_j \in \mathbb{C}\), acting on interleaved complex vectors
 * \((\mathrm{Re}\,u_0, \mathrm{Im}\,u_0, \mathrm{Re}\,u_1, \dots)\) of length \(2m\). Dispersive
 * spectral problems need it: KdV in Fourier space has \(L = i k^3\).
 */
public final class ComplexDiagonalLinearPart implements LinearPart {

    private final double[] diagonal;

    /**
     * @param diagonalInterleaved the diagonal as {@code (re0, im0, re1, im1, ...)}, even length
     *     at least 2, finite values (copied)
     * @throws NullPointerException if the diagonal is null
     * @throws IllegalArgumentException for an empty or odd length or a non-finite value
     */
    public ComplexDiagonalLinearPart(double[] diagonalInterleaved) {
        Objects.requireNonNull(diagonalInterleaved, "diagonal");
        if (diagonalInterleaved.length % 2 != 0) {
            throw new IllegalArgumentException("interleaved complex diagonal needs an even length, got "
                    + diagonalInterleaved.length);
        }
        this.diagonal = Checks.finiteCopy("diagonal", diagonalInterleaved);
    }

    /** @return a copy of the interleaved diagonal */
    public double[] diagonal() {
        return diagonal.clone();
    }

    @Override
    public Kind kind() {
        return Kind.COMPLEX_DIAGONAL;
    }

    @Override
    public int dimension() {
        return diagonal.length;
    }

    @Override
    public int weightLength() {
        return diagonal.length;
    }

    @Override
    public void applyAdd(double[] u, double[] out) {
        Checks.sameLength("u", u.length, "linear part", diagonal.length);
        Checks.sameLength("out", out.length, "linear part", diagonal.length);
        for (int i = 0; i < diagonal.length; i += 2) {
            double dr = diagonal[i];
            double di = diagonal[i + 1];
            double ur = u[i];
            double ui = u[i + 1];
            out[i] += dr * ur - di * ui;
            out[i + 1] += dr * ui + di * ur;
        }
    }

    @Override
    public void phi(double s, double[][] out) {
        Checks.weights(out, diagonal.length);
        double[] values = new double[2 * out.length];
        for (int i = 0; i < diagonal.length; i += 2) {
            Phi.phiComplex(s * diagonal[i], s * diagonal[i + 1], values);
            for (int k = 0; k < out.length; k++) {
                out[k][i] = values[2 * k];
                out[k][i + 1] = values[2 * k + 1];
            }
        }
    }
}
