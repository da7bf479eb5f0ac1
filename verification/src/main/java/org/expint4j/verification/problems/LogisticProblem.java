package org.expint4j.verification.problems;

import java.util.SplittableRandom;
import org.expint4j.phi.Phi;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * The Bernoulli (logistic) equation \( u' = \lambda u - \mu u^2 \), \( u(0) = u_0 \), split as
 * \( L = \lambda \), \( N(u) = -\mu u^2 \), with the closed form
 * \[ u(t) = \frac{u_0 e^{\lambda t}}{1 + \mu u_0\, t\,\varphi_1(\lambda t)}, \]
 * which needs no special case at \(\lambda = 0\) (\( t\varphi_1(\lambda t) = (e^{\lambda t} -
 * 1)/\lambda \)). A non-stiff scalar problem with a \(u\)-dependent \(N\): unlike
 * \(u' = \lambda u + g(t)\) the stage values matter, so every method shows its classical order
 * (for a scalar problem the order conditions up to order 4 are those of systems).
 */
public final class LogisticProblem extends AnalyticProblem {

    private final double lambda;
    private final double mu;
    private final double u0;
    private final SemilinearProblem problem;

    /**
     * @param lambda \(\lambda\), finite
     * @param mu \(\mu \ge 0\), finite
     * @param u0 \(u_0 \gt 0\), finite (then the denominator stays positive for \(t \ge 0\))
     * @param t1 the final time, positive
     * @throws IllegalArgumentException for values outside these ranges
     */
    public LogisticProblem(double lambda, double mu, double u0, double t1) {
        super("logistic", "u' = lambda u - mu u^2, lambda = " + fmt(lambda) + ", mu = " + fmt(mu) + ", u(0) = "
                + fmt(u0) + ", t in [0, " + fmt(t1) + "]", 0.0, t1);
        ScalarForcedProblem.finite("lambda", lambda);
        if (!(mu >= 0) || !Double.isFinite(mu) || !(u0 > 0) || !Double.isFinite(u0)) {
            throw new IllegalArgumentException("need finite mu >= 0 and u0 > 0, got mu = " + mu + ", u0 = " + u0);
        }
        this.lambda = lambda;
        this.mu = mu;
        this.u0 = u0;
        this.problem = SemilinearProblem.of(new ScalarLinearPart(lambda), 1, (t, u, out) -> out[0] = -mu * u[0] * u[0]);
    }

    /**
     * The registered default: logistic growth \( \lambda = 1 \), \( \mu = 2 \), \( u_0 = 0.1 \),
     * \( t \in [0, 2] \).
     *
     * @return the problem
     */
    public static LogisticProblem standard() {
        return new LogisticProblem(1, 2, 0.1, 2);
    }

    /**
     * Random parameters for property tests: \( \lambda \in [-2, 2] \), \( \mu \in [0.5, 3] \),
     * \( u_0 \in [0.1, 1] \), \( t \in [0, 2] \): Lipschitz constants of \(N\) up to about 6,
     * and solutions that move enough for high-order methods to stay above the rounding floor.
     *
     * @param random the source
     * @return the problem
     */
    public static LogisticProblem random(SplittableRandom random) {
        return new LogisticProblem(random.nextDouble(-2, 2), random.nextDouble(0.5, 3), random.nextDouble(0.1, 1), 2);
    }

    @Override
    public SemilinearProblem problem() {
        return problem;
    }

    @Override
    public double[] exactSolution(double t) {
        if (t == 0) {
            return new double[] {u0};
        }
        return new double[] {u0 * Math.exp(lambda * t) / (1 + mu * u0 * t * Phi.phi(1, lambda * t))};
    }
}
