package org.expint4j.diffusion.model;

/**
 * A correction of the data prediction \( \hat x_0 \) applied in place after every data
 * prediction, the reference's {@code correcting_x0_fn(x0, t)}: for example the sampler's
 * {@link org.expint4j.diffusion.sampler.DynamicThresholding}, or a projection onto known pixels
 * for inpainting. It is called by {@link ModelWrapper#data} only, never on noise predictions (as
 * in the reference, where the noise-prediction algorithm sees it only through its final denoising
 * step).
 *
 * @param <V> vector type
 */
@FunctionalInterface
public interface X0Correction<V> {

    /**
     * @param x0 the data prediction for the whole batch ({@code B} samples back to back), corrected
     *     in place
     * @param t the continuous time of the prediction
     */
    void correct(V x0, double t);
}
