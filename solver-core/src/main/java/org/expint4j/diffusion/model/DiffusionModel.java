package org.expint4j.diffusion.model;

import org.expint4j.diffusion.schedule.ModelTimeMap;

/**
 * A diffusion model evaluated on a batch: {@code x} holds {@code B} samples of dimension
 * {@code D} back to back (length {@code B*D}), all at the same model time (the reference passes
 * one time for the whole batch). It writes its raw prediction (of some {@link ModelType}) into
 * {@code out}.
 *
 * @param <V> vector type
 */
@FunctionalInterface
public interface DiffusionModel<V> {

    /**
     * @param x the noisy batch; must not be modified
     * @param modelTime the time label the model was trained with (see {@link ModelTimeMap})
     * @param out receives the prediction, same length, distinct from {@code x}
     */
    void evaluate(V x, double modelTime, V out);
}
