package org.expint4j.integrate;

import org.expint4j.vector.VectorOps;

/**
 * The error measure of an embedded pair: the {@link StepLoop} accepts a trial when it is at most
 * 1. The states are in the loop's integration variable \(y\); {@code scale} converts them to the
 * user's \(x = \mathrm{scale}\cdot y\) (see {@link TimeMap}).
 *
 * @param <V> vector type
 */
public interface ErrorNorm<V> {

    /**
     * @param solution \(y_{n+1}\)
     * @param embedded \(\hat y_{n+1}\)
     * @param scale \(\mathrm{scale}(t_{n+1})\)
     * @return the error, NaN if a state is not finite
     */
    double error(V solution, V embedded, double scale);

    /**
     * Called when the trial just measured is accepted (a norm that compares with the previous
     * step's state keeps it here). The default does nothing.
     *
     * @param solution \(y_{n+1}\)
     * @param embedded \(\hat y_{n+1}\)
     * @param scale \(\mathrm{scale}(t_{n+1})\)
     */
    default void accepted(V solution, V embedded, double scale) {
    }

    /**
     * @return whether {@link #error} is NaN whenever a state is not finite, so that the loop needs
     *     no separate finiteness check of the trial (on a device: one scalar fewer per trial)
     */
    default boolean detectsNonFinite() {
        return false;
    }

    /**
     * The weighted RMS norm of {@link StepSizeController}:
     * \( \sqrt{\frac1n\sum_i ((y_i - \hat y_i)/(\mathrm{atol}_i + \mathrm{rtol}\max(|y_i|, |\hat y_i|)))^2} \).
     *
     * @param ops the backend
     * @param controller supplies the tolerances
     * @param length the state length
     * @param <V> vector type
     * @return the norm
     * @throws IllegalArgumentException if per-component tolerances do not match the length
     */
    static <V> ErrorNorm<V> weightedRms(VectorOps<V> ops, StepSizeController controller, int length) {
        double rtol = controller.relativeTolerance();
        double[] atols = controller.absoluteTolerances();
        if (atols == null) {
            double atol = controller.absoluteTolerance();
            return (y, yHat, scale) -> ops.weightedRms(y, yHat, atol, rtol);
        }
        if (atols.length != length) {
            throw new IllegalArgumentException(atols.length + " absolute tolerances given for a state of length "
                    + length);
        }
        V atol = ops.fromArray(atols);
        return (y, yHat, scale) -> ops.weightedRms(y, yHat, atol, rtol);
    }
}
