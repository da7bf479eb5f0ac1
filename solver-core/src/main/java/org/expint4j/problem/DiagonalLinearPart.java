package org.expint4j.problem;

import org.expint4j.phi.Phi;

/**
 * A real diagonal linear part \(L = \mathrm{diag}(d_0, \dots, d_{n-1})\), as in spectral
 * discretisations of dissipative PDEs (Kuramoto–Sivashinsky, Allen–Cahn) in Fourier space.
 */
public final class DiagonalLinearPart implements LinearPart {

    private final double[] diagonal;

    /**
     * @param diagonal the diagonal, at least one value, finite values (copied)
     * @throws NullPointerException if {@code diagonal} is null
     * @throws IllegalArgumentException if it is empty or a value is not finite
     */
    public DiagonalLinearPart(double[] diagonal) {
        this.diagonal = Checks.finiteCopy("diagonal", diagonal);
    }

    /** @return a copy of the diagonal */
    public double[] diagonal() {
        return diagonal.clone();
    }

    @Override
    public Kind kind() {
        return Kind.DIAGONAL;
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
        for (int i = 0; i < diagonal.length; i++) {
            out[i] += diagonal[i] * u[i];
        }
    }

    @Override
    public void phi(double s, double[][] out) {
        Checks.weights(out, diagonal.length);
        // All orders of an element in one call: Phi.phi(k, z) alone recomputes the lower orders
        // (and allocates) for every k. Phi guarantees the same bits either way.
        double[] values = new double[out.length];
        for (int i = 0; i < diagonal.length; i++) {
            Phi.phi(s * diagonal[i], values);
            for (int k = 0; k < out.length; k++) {
                out[k][i] = values[k];
            }
        }
    }
}
