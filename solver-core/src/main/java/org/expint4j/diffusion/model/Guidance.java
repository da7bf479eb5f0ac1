package org.expint4j.diffusion.model;

import java.util.Objects;

/**
 * How a {@link ModelWrapper} guides the model towards a condition, the reference's
 * {@code guidance_type}. With \(\epsilon\) the noise prediction of the wrapped model:
 * <ul>
 * <li>{@link #none()}: \( \tilde\epsilon = \epsilon \);</li>
 * <li>{@link #classifier(ClassifierGradient, double) classifier guidance}:
 *     \( \tilde\epsilon = \epsilon - s\,\sigma_t \nabla_x \log p_t(c \mid x) \), the model being
 *     unconditional;</li>
 * <li>{@link #classifierFree(DiffusionModel, double) classifier-free guidance}:
 *     \( \tilde\epsilon = \epsilon_u + s(\epsilon_c - \epsilon_u) \), the wrapped model being the
 *     conditional one and \(\epsilon_u\) coming from a second, unconditional model, called
 *     separately; when \( s = 1 \) only the conditional model runs;</li>
 * <li>{@link #classifierFreeBatched(DiffusionModel, double) classifier-free guidance in one
 *     batch}: the same, with one call of a model that maps the doubled batch \( [x; x] \) to
 *     \( [\epsilon_u; \epsilon_c] \) (how the reference calls a network with the conditions
 *     \( [u; c] \)); when \( s = 1 \) only the wrapped conditional model runs.</li>
 * </ul>
 * The raw outputs of every model are of the wrapper's {@link ModelType}.
 *
 * @param <V> vector type
 */
public sealed interface Guidance<V> {

    /**
     * @param <V> vector type
     * @return no guidance
     */
    static <V> Guidance<V> none() {
        return new None<>();
    }

    /**
     * @param <V> vector type
     * @param gradient \( \nabla_x \log p_t(c \mid x) \)
     * @param scale the guidance scale \(s\), finite
     * @return classifier guidance
     * @throws IllegalArgumentException if the scale is not finite
     */
    static <V> Guidance<V> classifier(ClassifierGradient<V> gradient, double scale) {
        return new Classifier<>(gradient, scale);
    }

    /**
     * @param <V> vector type
     * @param unconditional the unconditional model, same {@link ModelType} as the wrapped one
     * @param scale the guidance scale \(s\), finite
     * @return classifier-free guidance with two model calls per prediction (one if \(s = 1\))
     * @throws IllegalArgumentException if the scale is not finite
     */
    static <V> Guidance<V> classifierFree(DiffusionModel<V> unconditional, double scale) {
        return new ClassifierFree<>(unconditional, scale);
    }

    /**
     * @param <V> vector type
     * @param doubled a model evaluated on a batch of \(2B\) samples \( [x; x] \) that writes
     *     \( [\text{unconditional}; \text{conditional}] \) predictions
     * @param scale the guidance scale \(s\), finite
     * @return classifier-free guidance with one (doubled) model call per prediction
     * @throws IllegalArgumentException if the scale is not finite
     */
    static <V> Guidance<V> classifierFreeBatched(DiffusionModel<V> doubled, double scale) {
        return new ClassifierFreeBatched<>(doubled, scale);
    }

    /**
     * No guidance.
     *
     * @param <V> vector type
     */
    record None<V>() implements Guidance<V> {
    }

    /**
     * Classifier guidance.
     *
     * @param <V> vector type
     * @param gradient \( \nabla_x \log p_t(c \mid x) \)
     * @param scale the guidance scale \(s\)
     */
    record Classifier<V>(ClassifierGradient<V> gradient, double scale) implements Guidance<V> {

        /**
         * @param gradient the classifier gradient
         * @param scale the guidance scale
         * @throws IllegalArgumentException if the scale is not finite
         */
        public Classifier {
            Objects.requireNonNull(gradient, "gradient");
            Checks.requireFinite(scale, "guidance scale");
        }
    }

    /**
     * Classifier-free guidance with a separate unconditional model.
     *
     * @param <V> vector type
     * @param unconditional the unconditional model
     * @param scale the guidance scale \(s\)
     */
    record ClassifierFree<V>(DiffusionModel<V> unconditional, double scale) implements Guidance<V> {

        /**
         * @param unconditional the unconditional model
         * @param scale the guidance scale
         * @throws IllegalArgumentException if the scale is not finite
         */
        public ClassifierFree {
            Objects.requireNonNull(unconditional, "unconditional");
            Checks.requireFinite(scale, "guidance scale");
        }
    }

    /**
     * Classifier-free guidance with a doubled batch.
     *
     * @param <V> vector type
     * @param doubled the model of the doubled batch \( [x; x] \mapsto [u; c] \)
     * @param scale the guidance scale \(s\)
     */
    record ClassifierFreeBatched<V>(DiffusionModel<V> doubled, double scale) implements Guidance<V> {

        /**
         * @param doubled the model of the doubled batch
         * @param scale the guidance scale
         * @throws IllegalArgumentException if the scale is not finite
         */
        public ClassifierFreeBatched {
            Objects.requireNonNull(doubled, "doubled");
            Checks.requireFinite(scale, "guidance scale");
        }
    }
}
