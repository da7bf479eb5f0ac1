package org.expint4j.method;

/**
 * A multistep rule whose weights are numbers computed at every step, for a scalar linear part
 * \(L\): \( u_{n+1} = e^Z u_n + \sum_{j\lt p} w_j N_{n-j} \), \(Z = hL\). Unlike a
 * {@link MultistepCoefficients} rule, whose weights are φ-combinations fixed by the nodes, the
 * weights may depend on where the step lies (the integration time \(\tau_n\)), as when the
 * history is interpolated in a variable other than the integration time
 * ({@link InterpolatedExponentialAdams}: DEIS).
 */
public interface MultistepWeights {

    /**
     * @param tau the integration time \(\tau_n\) of the current point
     * @param h the step, non-zero
     * @param z \(Z = hL\)
     * @param theta the nodes \(\theta_j = (\tau_{n-j} - \tau_n)/h\), {@code theta[0] = 0}
     * @param p the number of history values used, the order of this step
     * @param weights output: \(w_j\) for {@code j < p}
     */
    void compute(double tau, double h, double z, double[] theta, int p, double[] weights);
}
