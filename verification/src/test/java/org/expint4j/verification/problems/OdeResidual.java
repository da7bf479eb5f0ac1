package org.expint4j.verification.problems;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks that an exact solution solves its ODE: the fourth-order central difference
 * \( (-u(t+2\delta) + 8u(t+\delta) - 8u(t-\delta) + u(t-2\delta))/(12\delta) \) against
 * \(Lu + N(t, u)\). With \(\delta = 10^{-3}\) the truncation error is
 * \( \delta^4\|u^{(5)}\|/30 \le 4\cdot 10^{-12}\) for the frequencies and rates used (at most
 * \(5^5\) times an amplitude of order one), and the rounding of the difference quotient is about
 * \( 10^{-16}\|u\|/\delta = 10^{-13}\|u\| \); the right-hand side rounds at
 * \( 10^{-16}(\|Lu\| + \|N\|) \) per operation, with up to a few hundred terms for a dense
 * \(L\). A tolerance of \( 10^{-9}\max(1, \|Lu\|_\infty, \|N\|_\infty) \) keeps three orders of
 * magnitude to spare while a wrong sign or factor anywhere shows as an \(O(1)\) residual.
 */
final class OdeResidual {

    private OdeResidual() {
    }

    static double residual(BenchmarkProblem p, double t) {
        double delta = 1e-3;
        double[] a = p.exactSolution(t - 2 * delta);
        double[] b = p.exactSolution(t - delta);
        double[] c = p.exactSolution(t + delta);
        double[] d = p.exactSolution(t + 2 * delta);
        double[] u = p.exactSolution(t);
        int n = u.length;
        double[] rhs = new double[n];
        p.problem().computeDerivatives(t, u, rhs);
        double[] nl = new double[n];
        p.problem().nonlinear(t, u, nl);
        double[] lu = new double[n];
        p.problem().linearPart().applyAdd(u, lu);
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double fd = (-d[i] + 8 * c[i] - 8 * b[i] + a[i]) / (12 * delta);
            worst = Math.max(worst, Math.abs(fd - rhs[i]));
            scale = Math.max(scale, Math.max(Math.abs(nl[i]), Math.abs(lu[i])));
        }
        return worst / scale;
    }

    static void assertSolves(BenchmarkProblem p, double t, String what) {
        double r = residual(p, t);
        assertTrue(r <= 1e-9, () -> what + ": relative ODE residual " + r + " of " + p);
    }
}
