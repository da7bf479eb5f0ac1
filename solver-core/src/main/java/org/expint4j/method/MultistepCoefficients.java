package org.expint4j.method;

/**
 * A coefficient rule of an exponential multistep method: the weights
 * \( \beta_j(Z) = \sum_{m\lt p} \gamma_{jm}\, \varphi_{m+1}(Z) \) of
 * \( u_{n+1} = e^Z u_n + h\sum_{j\lt p} \beta_j(Z) N_{n-j} \) for the history nodes
 * \( \theta_j = (t_{n-j} - t_n)/h \). {@link ExponentialAdams#coefficients} is the exact rule
 * (exact integration of the interpolating polynomial); DPM-Solver's published multistep updates
 * are other rules.
 */
@FunctionalInterface
public interface MultistepCoefficients {

    /**
     * @param theta the nodes, {@code theta[0] = 0}, then decreasing (forward) or increasing
     *     (backward)
     * @param p the number of history values used, the order of this step
     * @param gamma output: {@code gamma[j][m]} for {@code j, m < p}
     */
    void compute(double[] theta, int p, double[][] gamma);
}
