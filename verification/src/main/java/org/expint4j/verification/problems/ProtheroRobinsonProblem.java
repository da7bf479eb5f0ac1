package org.expint4j.verification.problems;

import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * The Prothero–Robinson problem \( u' = \lambda\,(u - \psi(t)) + \psi'(t) \) with
 * \( \psi(t) = \sin(\omega t + \theta) \) and \( u(0) = \psi(0) \), whose exact solution is
 * \( u = \psi \) for every \(\lambda\) (reference §3.4 item 3). Split as \( L = \lambda \),
 * \( N(t) = \psi'(t) - \lambda\psi(t) \): \(N\) does not depend on \(u\), so an exponential
 * Runge–Kutta method is again an exponential quadrature, but \(N\) itself is of size
 * \(|\lambda|\), outside the "non-stiff \(N\)" assumption of the stiff-order theory. In the stiff
 * limit the quadrature error terms decay like \( h^2\psi'''/(12\lambda) \), so methods look almost
 * exact there; the problem catches errors of the φ-functions at large \(|h\lambda|\) rather than
 * discriminating stage conditions.
 *
 * <p>Reference: A. Prothero, A. Robinson, Math. Comp. 28 (1974) 145–162.
 */
public final class ProtheroRobinsonProblem extends AnalyticProblem {

    private final double lambda;
    private final double omega;
    private final double theta;
    private final SemilinearProblem problem;

    /**
     * @param lambda \(\lambda\), finite (stiff when very negative)
     * @param omega \(\omega\), finite
     * @param theta the phase \(\theta\), finite
     * @param t1 the final time, positive (the span is \([0, t_1]\))
     */
    public ProtheroRobinsonProblem(double lambda, double omega, double theta, double t1) {
        super("prothero-robinson", "u' = lambda (u - psi) + psi', psi = sin(" + fmt(omega) + " t + " + fmt(theta)
                + "), lambda = " + fmt(lambda) + ", t in [0, " + fmt(t1) + "]", 0.0, t1);
        this.lambda = ScalarForcedProblem.finite("lambda", lambda);
        this.omega = ScalarForcedProblem.finite("omega", omega);
        this.theta = ScalarForcedProblem.finite("theta", theta);
        this.problem = SemilinearProblem.of(new ScalarLinearPart(lambda), 1,
                (t, u, out) -> out[0] = omega * Math.cos(omega * t + theta) - lambda * Math.sin(omega * t + theta));
    }

    /**
     * The registered default: \( \lambda = -10^4 \), \( \omega = 3 \), \( \theta = 0.5 \),
     * \( t \in [0, 1] \).
     *
     * @return the problem
     */
    public static ProtheroRobinsonProblem standard() {
        return new ProtheroRobinsonProblem(-1e4, 3, 0.5, 1);
    }

    /** @return \(\lambda\) */
    public double lambda() {
        return lambda;
    }

    @Override
    public SemilinearProblem problem() {
        return problem;
    }

    @Override
    public double[] exactSolution(double t) {
        return new double[] {Math.sin(omega * t + theta)};
    }
}
