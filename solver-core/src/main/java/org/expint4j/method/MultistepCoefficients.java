package org.expint4j.method;

/**
 * A coefficient rule of an exponential multistep method: the weights
 * \( \beta_j(Z) = \sum_{m\lt p} \gamma_{jm}\, \varphi_{m+1}(Z) \) of
 * \( u_{n+1} = e^Z u_n + h\sum_{j\lt p} \beta_j(Z) N_{n-j} \) for the history nodes
 * \( \theta_j = (t_{n-j} - t_n)/h \). {@link ExponentialAdams#coefficients} is the exact rule
 * (exact integration of the interpolating polynomial); DPM-Solver's published multistep updates
 * are other rules.
 *
 * <p>The same form serves correctors (implicit rules, such as UniC): their nodes start with the
 * new value, \( \theta_0 = 1 \) at \(t_{n+1}\), then \(0, \theta_1, \dots\) as for the predictor
 * ({@link org.expint4j.integrate.ExponentialAdamsStepper}'s corrector).
 *
 * <p>Some rules also have a weight independent of \(Z\) (UniPC's \(B(h) = h\) closed forms): with
 * {@link #hasConstantTerm}, {@code gamma[j][p]} is the coefficient of the constant
 * \( 1 = \varphi_1(0) \) (the identity for a matrix \(L\)) in \( \beta_j \).
 */
@FunctionalInterface
public interface MultistepCoefficients {

    /**
     * @param theta the nodes, {@code theta[0] = 0}, then decreasing (forward) or increasing
     *     (backward)
     * @param p the number of history values used, the order of this step
     * @param gamma output: {@code gamma[j][m]} for {@code j, m < p}, and {@code gamma[j][p]} if
     *     {@link #hasConstantTerm}
     */
    void compute(double[] theta, int p, double[][] gamma);

    /** @return whether {@link #compute} also writes the constant coefficients {@code gamma[j][p]} */
    default boolean hasConstantTerm() {
        return false;
    }
}
