package org.expint4j.problem;

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

    static double[] finiteCopy(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite, got " + values[i]);
            }
        }
        return values.clone();
    }
}
