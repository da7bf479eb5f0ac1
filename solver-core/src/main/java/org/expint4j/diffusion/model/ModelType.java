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
    /**
     * \( \hat v = \alpha_t\epsilon - \sigma_t x_0 \) of a variance-preserving schedule (Salimans and
     * Ho 2022): \( \hat\epsilon = \alpha_t \hat v + \sigma_t x \).
     */
    VELOCITY,
    /** the score \( \nabla\log p_t \): \( \hat\epsilon = -\sigma_t\,\mathrm{score} \). */
    SCORE,
    /**
     * the velocity of the conditional path, \( \hat v = \mathrm{d}x_t/\mathrm{d}t = \dot\alpha_t x_0
     * + \dot\sigma_t\epsilon \), as flow-matching and rectified-flow models predict it (\( \hat v =
     * \epsilon - x_0 \) on the {@linkplain org.expint4j.diffusion.schedule.FlowSchedule flow schedule};
     * the reference fork of Sana calls it {@code model_type="flow"}). With
     * \( D = \alpha_t\dot\sigma_t - \dot\alpha_t\sigma_t \):
     * \( \hat\epsilon = (\alpha_t\hat v - \dot\alpha_t x)/D \). Needs a
     * {@link org.expint4j.diffusion.schedule.DifferentiableSchedule}.
     */
    FLOW_VELOCITY
}
