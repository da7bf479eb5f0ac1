package org.expint4j.method;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;

/**
 * Exponential Adams weights with the history interpolated in a variable \(v(\tau)\) instead of
 * the integration time \(\tau\): \(N(\tau_n + s) \approx \sum_j N_{n-j}\,\ell_j(v(\tau_n + s))\)
 * with \(\ell_j\) the Lagrange basis on the nodes \(v_j = v(\tau_n + \theta_j h)\), integrated
 * against the exact propagator:
 * \[ w_j = h \int_0^1 e^{(1-u)Z}\, \ell_j\big(v(\tau_n + u h)\big)\, du. \]
 * With \(v(\tau) = \tau\) these are the exponential Adams weights
 * ({@link ExponentialAdams#coefficients}); DEIS (Zhang and Chen, ICLR 2023, arXiv 2204.13902)
 * interpolates the noise prediction in \(\rho = \sigma_t/\alpha_t = e^{-\lambda}\) (ρAB) or in
 * the diffusion time \(t\) (tAB). A rule exact for polynomials of degree \(\lt p\) in \(v\) is
 * of order \(p\) wherever \(v\) is a smooth, monotone function of \(\tau\).
 *
 * <p>The integral is a 16-point Gauss–Legendre rule on \([0, 1]\): the integrand is analytic, so
 * the rule's error decays like \(\varrho^{-32}\) with \(\varrho\) the Bernstein ellipse of the
 * integrand's nearest singularity; for \(|Z| \le 5\) and the variables above (entire in
 * \(\tau\) for ρ; for \(t(\lambda)\) of the linear VP schedule singular \(\pi/2\) off the real
 * axis) it is below \(10^{-14}\) relative for \(|h| \le 1.5\), and it is compared with a
 * 64-point rule in the tests. \(\ell_j\) is evaluated as a product of differences of the
 * \(v\)-values, without forming polynomial coefficients.
 *
 * <p>Not thread-safe (it reuses its node buffer); allocates nothing per call.
 */
public final class InterpolatedExponentialAdams implements MultistepWeights {

    private static final int POINTS = 16;
    private static final double[] U = new double[POINTS];
    private static final double[] W = new double[POINTS];

    static {
        GaussIntegrator rule = new GaussIntegratorFactory().legendre(POINTS, 0, 1);
        for (int q = 0; q < POINTS; q++) {
            U[q] = rule.getPoint(q);
            W[q] = rule.getWeight(q);
        }
    }

    private final DoubleUnaryOperator variable;
    private final String name;
    private final double[] nodes = new double[ExponentialAdams.MAX_ORDER];

    /**
     * @param variable \(v(\tau)\), smooth and strictly monotone over the integration interval
     * @param name the variable's name, for messages (e.g. {@code "rho"})
     */
    public InterpolatedExponentialAdams(DoubleUnaryOperator variable, String name) {
        this.variable = Objects.requireNonNull(variable, "variable");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * @throws IllegalArgumentException if {@code p} exceeds {@link ExponentialAdams#MAX_ORDER}
     *     or two nodes have the same \(v\) (the variable is not monotone there)
     */
    @Override
    public void compute(double tau, double h, double z, double[] theta, int p, double[] weights) {
        if (p < 1 || p > ExponentialAdams.MAX_ORDER) {
            throw new IllegalArgumentException("order must be in [1, " + ExponentialAdams.MAX_ORDER + "], got " + p);
        }
        for (int k = 0; k < p; k++) {
            nodes[k] = variable.applyAsDouble(tau + theta[k] * h);
            for (int m = 0; m < k; m++) {
                if (nodes[m] == nodes[k]) {
                    throw new IllegalArgumentException("interpolation nodes " + m + " and " + k + " have the same "
                            + name + " = " + nodes[k] + " (at tau = " + (tau + theta[k] * h) + ")");
                }
            }
        }
        java.util.Arrays.fill(weights, 0, p, 0.0);
        for (int q = 0; q < POINTS; q++) {
            double v = variable.applyAsDouble(tau + U[q] * h);
            double kernel = h * W[q] * Math.exp((1 - U[q]) * z);
            for (int j = 0; j < p; j++) {
                double l = 1;
                for (int m = 0; m < p; m++) {
                    if (m != j) {
                        l *= (v - nodes[m]) / (nodes[j] - nodes[m]);
                    }
                }
                weights[j] += kernel * l;
            }
        }
    }

    /** @return e.g. {@code "exponential Adams interpolating in rho"} */
    @Override
    public String toString() {
        return "exponential Adams interpolating in " + name;
    }
}
