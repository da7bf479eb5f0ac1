package org.expint4j.diffusion.sampler;

/**
 * The two coefficient rules of the reference sampler for orders 2 and 3. In λ-time both are
 * exponential Runge–Kutta (single-step) or exponential Adams (multistep) weights; they differ in
 * how the higher-order correction is weighted.
 */
public enum SolverType {
    /**
     * The paper's rule (reference {@code 'dpmsolver'}, diffusers {@code 'midpoint'}): the
     * correction uses \( \varphi_1/(2r_1) \) for order 2 and \( \varphi_2/r_2 \) for order 3.
     */
    DPMSOLVER,
    /**
     * Taylor-expansion rule (reference {@code 'taylor'}, diffusers {@code 'heun'}): the exact
     * φ-weights of a polynomial in λ, i.e. the Hochbruck–Ostermann families.
     */
    TAYLOR
}
