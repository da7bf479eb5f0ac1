package org.expint4j.diffusion.model;

/**
 * Argument checks shared by the model classes. The schedules have their own in
 * {@code ScheduleMath}; both give the same message, so a bad time or scale reads alike wherever it
 * is refused.
 */
final class Checks {

    private Checks() {
    }

    /**
     * @param value a number
     * @param name its name in the message
     * @throws IllegalArgumentException if it is NaN or infinite
     */
    static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }
}
