package org.expint4j.diffusion.sampler;

/**
 * A correction of the sample \(x_t\) applied after every step of the fixed-step methods
 * (reference {@code correcting_xt_fn}); not allowed with the adaptive method.
 *
 * @param <V> vector type
 */
@FunctionalInterface
public interface XtCorrection<V> {

    /**
     * @param x the batch at time {@code t}, corrected in place
     * @param t the time reached
     * @param step the index of the step just taken, from 1
     */
    void correct(V x, double t, int step);
}
