package org.expint4j.diffusion.sampler;

/**
 * Which prediction DPM-Solver integrates (reference {@code algorithm_type}), and so which λ-time
 * semilinear ODE.
 */
public enum Algorithm {
    /**
     * Noise prediction: \(u = x/\sigma\) obeys \( du/d\lambda = u - \hat\epsilon(\sigma u, t(\lambda)) \),
     * \(L = +1\) (DPM-Solver).
     */
    DPMSOLVER,
    /**
     * Data prediction: \(v = x/\alpha\) obeys \( dv/d\lambda = -v + \hat x_0(\alpha v, t(\lambda)) \),
     * \(L = -1\) (DPM-Solver++).
     */
    DPMSOLVER_PLUS_PLUS
}
