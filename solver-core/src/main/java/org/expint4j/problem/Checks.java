package org.expint4j.problem;

import java.util.Objects;

/** Argument checks shared by the linear parts; messages name the sizes. */
final class Checks {

    private Checks() {
    }

    static void sameLength(String nameA, int a, String nameB, int b) {
        if (a != b) {
            throw new IllegalArgumentException(
                    nameA + " has length " + a + " but " + nameB + " has length " + b);
        }
    }

    static void weights(double[][] out, int weightLength) {
        if (out.length == 0) {
            throw new IllegalArgumentException("need at least one φ-weight array, got 0");
        }
        for (int k = 0; k < out.length; k++) {
            if (out[k] == null || out[k].length != weightLength) {
                throw new IllegalArgumentException("φ-weight array " + k + " has length "
                        + (out[k] == null ? "null" : String.valueOf(out[k].length))
                        + ", expected " + weightLength);
            }
        }
    }

    /**
     * @return a copy of {@code values}, checked non-null, non-empty (a linear part of dimension 0
     *     acts on no state) and finite
     */
    static double[] finiteCopy(String what, double[] values) {
        Objects.requireNonNull(values, what);
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " is empty; a linear part needs dimension >= 1");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite, got " + values[i]);
            }
        }
        return values.clone();
    }
}
