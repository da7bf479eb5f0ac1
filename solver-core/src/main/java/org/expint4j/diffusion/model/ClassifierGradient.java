package org.expint4j.diffusion.model;

import org.expint4j.diffusion.schedule.ModelTimeMap;

/**
 * The gradient of a noisy classifier for classifier guidance (Dhariwal and Nichol 2021):
 * \( \nabla_x \log p_t(c \mid x) \) for every sample of a batch, the reference's autograd gradient
 * of {@code classifier_fn(x, t_input, condition)} summed over the batch (so sample \(b\) of the
 * output is the gradient of sample \(b\)'s log-probability). The condition \(c\) is part of the
 * implementation.
 *
 * @param <V> vector type
 */
@FunctionalInterface
public interface ClassifierGradient<V> {

    /**
     * @param x the noisy batch; must not be modified
     * @param modelTime the time label, mapped by the same {@link ModelTimeMap} as the model's
     * @param out receives the gradient, same length, distinct from {@code x}
     */
    void gradient(V x, double modelTime, V out);
}
