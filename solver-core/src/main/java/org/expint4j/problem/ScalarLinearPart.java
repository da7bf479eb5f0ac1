package org.expint4j.problem;

import org.expint4j.phi.Phi;

/**
 * A scalar linear part \(L = \lambda I\), acting on state vectors of any length. In λ-time the
 * DPM-Solver ODEs have \(L = +1\) (noise prediction) and \(L = -1\) (data prediction).
 *
 * @param lambda the scalar, finite
 */
public record ScalarLinearPart(double lambda) implements LinearPart {

    /**
     * @param lambda the scalar
     * @throws IllegalArgumentException if it is not finite
     */
    public ScalarLinearPart {
        if (!Double.isFinite(lambda)) {
            throw new IllegalArgumentException("scalar linear part must be finite, got " + lambda);
        }
    }

    @Override
    public Kind kind() {
        return Kind.SCALAR;
    }

    @Override
    public int dimension() {
        return -1;
    }

    @Override
    public int weightLength() {
        return 1;
    }

    @Override
    public void applyAdd(double[] u, double[] out) {
        Checks.sameLength("u", u.length, "out", out.length);
        for (int i = 0; i < u.length; i++) {
            out[i] += lambda * u[i];
        }
    }

    @Override
    public void phi(double s, double[][] out) {
        Checks.weights(out, 1);
        double z = s * lambda;
        for (int k = 0; k < out.length; k++) {
            out[k][0] = Phi.phi(k, z);
        }
    }
}
