package org.expint4j.vector;

/**
 * The argument checks of the {@link VectorOps} contract, shared by every backend so that bad input
 * gets the same message (naming the sizes) on the CPU and on a device. Each method throws
 * {@link IllegalArgumentException}; none allocates on the success path.
 */
public final class VectorArguments {

    private VectorArguments() {
    }

    /** @return the length of {@code v}, checked non-null and, if {@code complex}, even */
    public static <V> int output(VectorOps<V> ops, V v, String name, boolean complex) {
        if (v == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        final int n = ops.length(v);
        if (complex && (n & 1) != 0) {
            throw new IllegalArgumentException("complex vectors need an even length, " + name
                + " has length " + n);
        }
        return n;
    }

    /** Checks {@code k >= 1} and that the weights and {@code x} have at least {@code k} entries. */
    public static void terms(int k, String weightName, int weightCount, Object[] x) {
        if (k < 1) {
            throw new IllegalArgumentException("k = " + k + ", must be >= 1");
        }
        if (weightCount < 0) {
            throw new IllegalArgumentException(weightName + " is null");
        }
        if (weightCount < k) {
            throw new IllegalArgumentException("k = " + k + " exceeds " + weightName
                + ".length = " + weightCount);
        }
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.length < k) {
            throw new IllegalArgumentException("k = " + k + " exceeds x.length = " + x.length);
        }
    }

    /** Checks that {@code v[0..k)} are non-null and of length {@code n}. */
    public static <V> void vectors(VectorOps<V> ops, String name, V[] v, int k, int n) {
        for (int j = 0; j < k; j++) {
            if (v[j] == null) {
                throw new IllegalArgumentException(name + "[" + j + "] is null");
            }
            final int len = ops.length(v[j]);
            if (len != n) {
                throw new IllegalArgumentException(name + "[" + j + "] has length " + len
                    + ", out has length " + n);
            }
        }
    }

    /** The matrices of a dense combination: {@code n*n} long, and {@code out} none of the x. */
    public static <V> void dense(VectorOps<V> ops, V[] w, V[] x, int k, V out, int n) {
        final long n2 = (long) n * n;
        for (int j = 0; j < k; j++) {
            if (w[j] == null) {
                throw new IllegalArgumentException("w[" + j + "] is null");
            }
            final int len = ops.length(w[j]);
            if (len != n2) {
                throw new IllegalArgumentException("w[" + j + "] has length " + len
                    + ", expected n*n = " + n2 + " for n = " + n + " (the length of out)");
            }
            if (x[j] == out) {
                throw new IllegalArgumentException("out is the same vector as x[" + j
                    + "]; denseCombination reads whole vectors and needs a separate output");
            }
        }
    }

    /** @return the common length of {@code x} and {@code y} */
    public static <V> int pair(VectorOps<V> ops, V x, V y) {
        final int n = output(ops, x, "x", false);
        final int m = output(ops, y, "y", false);
        if (m != n) {
            throw new IllegalArgumentException("y has length " + m + ", x has length " + n);
        }
        return n;
    }

    /** Scalar tolerances: both {@code >= 0}, not NaN, not both 0. */
    public static void tolerances(double atol, double rtol) {
        if (!(atol >= 0)) {
            throw new IllegalArgumentException("atol = " + atol + ", must be >= 0");
        }
        if (!(rtol >= 0)) {
            throw new IllegalArgumentException("rtol = " + rtol + ", must be >= 0");
        }
        if (atol + rtol == 0) {
            throw new IllegalArgumentException("atol + rtol = 0 (atol = " + atol + ", rtol = "
                + rtol + "), must be > 0");
        }
    }

    /** The per-component tolerance vector's presence and length, and {@code rtol >= 0}. */
    public static <V> void atolVector(VectorOps<V> ops, V atol, int n, double rtol) {
        if (atol == null) {
            throw new IllegalArgumentException("atol is null");
        }
        if (ops.length(atol) != n) {
            throw new IllegalArgumentException("atol has length " + ops.length(atol)
                + ", x has length " + n);
        }
        if (!(rtol >= 0)) {
            throw new IllegalArgumentException("rtol = " + rtol + ", must be >= 0");
        }
    }

    /** Names the first invalid per-component tolerance, if any (error path only). */
    public static void atolValues(double[] atol, double rtol) {
        for (int i = 0; i < atol.length; i++) {
            final double a = atol[i];
            if (!(a >= 0)) {
                throw new IllegalArgumentException("atol[" + i + "] = " + a + ", must be >= 0");
            }
            if (a + rtol == 0) {
                throw new IllegalArgumentException("atol[" + i + "] + rtol = 0 (atol[" + i
                    + "] = " + a + ", rtol = " + rtol + "), must be > 0");
            }
        }
    }

    /** A batch split: {@code samples >= 1} dividing {@code n}. */
    public static void samples(int n, int samples) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples = " + samples + ", must be >= 1");
        }
        if (n % samples != 0) {
            throw new IllegalArgumentException("samples = " + samples
                + " does not divide the length " + n + " of x");
        }
    }

    /**
     * The arguments of {@link VectorOps#maxSampleRms}: {@code reference} of length {@code n}, the
     * scale finite and non-zero, {@code atol > 0} finite, {@code rtol >= 0} finite, the batch split.
     */
    public static <V> void sampleRms(VectorOps<V> ops, V reference, int n, double scale,
                                     double atol, double rtol, int samples) {
        final int m = output(ops, reference, "reference", false);
        if (m != n) {
            throw new IllegalArgumentException("reference has length " + m + ", x has length " + n);
        }
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException("scale = " + scale + ", must be finite and non-zero");
        }
        if (!(atol > 0 && atol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("atol = " + atol + ", must be > 0 and finite");
        }
        if (!(rtol >= 0 && rtol < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rtol = " + rtol + ", must be >= 0 and finite");
        }
        samples(n, samples);
    }

    /** A range copy within bounds. */
    public static void range(int srcLength, int srcPos, int dstLength, int dstPos, int length) {
        if (length < 0 || srcPos < 0 || dstPos < 0 || srcPos > srcLength - length
                || dstPos > dstLength - length) {
            throw new IllegalArgumentException("range of " + length + " elements from src[" + srcPos
                + "] (length " + srcLength + ") to dst[" + dstPos + "] (length " + dstLength
                + ") is out of bounds");
        }
    }

    /** Two lengths that must agree, e.g. {@code dst} and {@code src}. */
    public static void sameLength(String name, int length, String otherName, int otherLength) {
        if (length != otherLength) {
            throw new IllegalArgumentException(name + " has length " + length + ", " + otherName
                + " has length " + otherLength);
        }
    }

    /**
     * @return whether {@code out} is one of the terms (or weights, if given) from index
     *     {@code from} on: those are read after a first launch wrote {@code out}
     */
    public static <V> boolean aliasesLateTerm(V[] w, V[] x, int k, V out, int from) {
        for (int j = from; j < k; j++) {
            if (x != null && x[j] == out || w != null && w[j] == out) {
                return true;
            }
        }
        return false;
    }
}
