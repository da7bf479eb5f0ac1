package org.expint4j.verification.problems;

import org.expint4j.problem.DenseLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * A \(2\times 2\) problem with a dense, non-normal linear part and a manufactured solution:
 * \[ L = Q \begin{pmatrix} -1 &amp; \beta \\ 0 &amp; -\kappa \end{pmatrix} Q^{\mathsf T}, \qquad
 *    Q = \begin{pmatrix} \cos\alpha &amp; -\sin\alpha \\ \sin\alpha &amp; \cos\alpha \end{pmatrix}, \qquad
 *    N(t, u) = \begin{pmatrix} -u_1 u_2 \\ \tfrac12 u_1^2 \end{pmatrix} + g(t), \]
 * with the exact solution chosen first, \( u_\star(t) = (1 + \tfrac12\sin 2t,\ \cos t) \), and
 * \( g = u_\star' - L u_\star - f(u_\star) \). The eigenvalues are \(-1\) and \(-\kappa\), but for
 * \( \beta \gg \kappa - 1 \) the eigenvectors are nearly parallel and \(\|e^{tL}\|\) grows
 * transiently before it decays: scalar reasoning on the eigenvalues does not describe the
 * φ-functions, which must be computed as matrix functions (all entries of \(L\) are non-zero
 * for \( \alpha \notin \frac{\pi}{2}\mathbb{Z} \)). Exercises the dense φ path
 * ({@link org.expint4j.phi.MatrixPhi}) with a \(u\)-dependent \(N\).
 */
public final class NonNormalDenseProblem extends AnalyticProblem {

    private final double[][] l;
    private final SemilinearProblem problem;

    /**
     * @param kappa \(\kappa \gt 0\), the stiff eigenvalue's magnitude
     * @param beta \(\beta\), the non-normal coupling, finite
     * @param alpha the rotation angle \(\alpha\), finite
     * @throws IllegalArgumentException for a non-positive \(\kappa\) or non-finite values
     */
    public NonNormalDenseProblem(double kappa, double beta, double alpha) {
        super("nonnormal-2x2", "dense L = Q [[-1, beta], [0, -kappa]] Q^T, kappa = " + fmt(kappa) + ", beta = "
                + fmt(beta) + ", alpha = " + fmt(alpha) + ", N = (-u1 u2, u1^2/2) + g(t), u = (1 + sin(2t)/2, cos t)"
                + ", t in [0, 1]", 0.0, 1.0);
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        ScalarForcedProblem.finite("parameters", new double[] {beta, alpha});
        double co = Math.cos(alpha);
        double si = Math.sin(alpha);
        double[][] q = {{co, -si}, {si, co}};
        double[][] t = {{-1, beta}, {0, -kappa}};
        l = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                for (int k = 0; k < 2; k++) {
                    for (int m = 0; m < 2; m++) {
                        sum += q[i][k] * t[k][m] * q[j][m];
                    }
                }
                l[i][j] = sum;
            }
        }
        problem = SemilinearProblem.of(new DenseLinearPart(l), 2, this::nonlinear);
    }

    /**
     * The registered default: \( \kappa = 20 \), \( \beta = 50 \), \( \alpha = \pi/5 \).
     *
     * @return the problem
     */
    public static NonNormalDenseProblem standard() {
        return new NonNormalDenseProblem(20, 50, Math.PI / 5);
    }

    /** @return a copy of \(L\) */
    public double[][] matrix() {
        return new double[][] {l[0].clone(), l[1].clone()};
    }

    private void nonlinear(double t, double[] u, double[] out) {
        double e1 = 1 + 0.5 * Math.sin(2 * t);
        double e2 = Math.cos(t);
        double de1 = Math.cos(2 * t);
        double de2 = -Math.sin(t);
        double g1 = de1 - (l[0][0] * e1 + l[0][1] * e2) - (-e1 * e2);
        double g2 = de2 - (l[1][0] * e1 + l[1][1] * e2) - 0.5 * e1 * e1;
        out[0] = -u[0] * u[1] + g1;
        out[1] = 0.5 * u[0] * u[0] + g2;
    }

    @Override
    public SemilinearProblem problem() {
        return problem;
    }

    @Override
    public double[] exactSolution(double t) {
        return new double[] {1 + 0.5 * Math.sin(2 * t), Math.cos(t)};
    }
}
