package org.expint4j.diffusion.model;

/**
 * What a diffusion model predicts, as in the reference {@code model_wrapper}: the wrapper converts
 * each to the noise prediction \( \hat\epsilon \) with \( x_t = \alpha_t x_0 + \sigma_t\epsilon \).
 */
public enum ModelType {
    /** \( \hat\epsilon \) itself. */
    NOISE,
    /** \( \hat x_0 \): \( \hat\epsilon = (x - \alpha_t \hat x_0)/\sigma_t \) (reference "x_start"). */
    DATA,
    /** \( \hat v = \alpha_t\epsilon - \sigma_t x_0 \): \( \hat\epsilon = \alpha_t \hat v + \sigma_t x \). */
    VELOCITY,
    /** the score \( \nabla\log p_t \): \( \hat\epsilon = -\sigma_t\,\mathrm{score} \). */
    SCORE
}
