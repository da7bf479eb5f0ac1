package org.expint4j.integrate;

import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * Stiff manufactured problems with \(u\)-dependent, coupled nonlinearity (reference §3.4 item 4):
 * \(L = \mathrm{diag}(-1, -\kappa)\), \(N(t,u) = (-u_1^2 + 10u_2,\; u_1^2) + g(t)\), with \(g\)
 * chosen so that a given \(u(t)\) is the exact solution.
 *
 * <p>{@link #create}: \(u = (2 + \sin t,\; (1 + \tfrac12\cos 2t)/\kappa)\), the stiff component
 * on its slow manifold, so \(g\) and its derivatives are bounded independently of \(\kappa\): the
 * setting of stiff-order theory (Hochbruck–Ostermann), where each method shows its stiff order.
 *
 * <p>{@link #createStiffForcing}: \(u = (2 + \sin t,\; 1 + \tfrac12\cos 2t)\), which forces
 * \(g_2 = O(\kappa)\): \(N\) is itself stiff, outside the theory (as in Prothero–Robinson), and
 * methods whose stiff order rests on weakened conditions lose order.
 */
final class ManufacturedStiffProblem {

    private ManufacturedStiffProblem() {
    }

    static SemilinearProblem create(double kappa) {
        return problem(kappa, 1.0 / kappa);
    }

    static SemilinearProblem createStiffForcing(double kappa) {
        return problem(kappa, 1.0);
    }

    private static SemilinearProblem problem(double kappa, double scale2) {
        double[] d = {-1.0, -kappa};
        return SemilinearProblem.of(new DiagonalLinearPart(d), 2, (t, u, out) -> {
            double e1 = 2 + Math.sin(t);
            double e2 = scale2 * (1 + 0.5 * Math.cos(2 * t));
            double de1 = Math.cos(t);
            double de2 = -scale2 * Math.sin(2 * t);
            double g1 = de1 - d[0] * e1 - (-e1 * e1 + 10 * e2);
            double g2 = de2 - d[1] * e2 - e1 * e1;
            out[0] = -u[0] * u[0] + 10 * u[1] + g1;
            out[1] = u[0] * u[0] + g2;
        });
    }

    static double[] exact(double kappa, double t) {
        return new double[] {2 + Math.sin(t), (1 + 0.5 * Math.cos(2 * t)) / kappa};
    }

    static double[] exactStiffForcing(double t) {
        return new double[] {2 + Math.sin(t), 1 + 0.5 * Math.cos(2 * t)};
    }
}
