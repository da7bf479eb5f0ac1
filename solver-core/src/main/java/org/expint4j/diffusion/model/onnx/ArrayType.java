package org.expint4j.diffusion.model.onnx;

import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The Java array type of the sampler's states ({@code double[]} or {@code float[]}), and how its
 * values go into and out of a graph's tensor buffer of either floating-point type. Conversions
 * are exact widening or round-to-nearest narrowing, element by element.
 *
 * @param <V> the array type
 */
public abstract class ArrayType<V> {

    /** States as {@code double[]}. */
    public static final ArrayType<double[]> DOUBLE = new ArrayType<>("double[]") {
        @Override
        int length(double[] v) {
            return v.length;
        }

        @Override
        void copyIn(double[] v, Buffer to) {
            if (to instanceof DoubleBuffer d) {
                d.put(0, v);
            } else {
                FloatBuffer f = (FloatBuffer) to;
                for (int i = 0; i < v.length; i++) {
                    f.put(i, (float) v[i]);
                }
            }
        }

        @Override
        void copyOut(Buffer from, double[] v) {
            if (from instanceof DoubleBuffer d) {
                d.get(0, v);
            } else {
                FloatBuffer f = (FloatBuffer) from;
                for (int i = 0; i < v.length; i++) {
                    v[i] = f.get(i);
                }
            }
        }
    };

    /** States as {@code float[]}. */
    public static final ArrayType<float[]> FLOAT = new ArrayType<>("float[]") {
        @Override
        int length(float[] v) {
            return v.length;
        }

        @Override
        void copyIn(float[] v, Buffer to) {
            if (to instanceof FloatBuffer f) {
                f.put(0, v);
            } else {
                DoubleBuffer d = (DoubleBuffer) to;
                for (int i = 0; i < v.length; i++) {
                    d.put(i, v[i]);
                }
            }
        }

        @Override
        void copyOut(Buffer from, float[] v) {
            if (from instanceof FloatBuffer f) {
                f.get(0, v);
            } else {
                DoubleBuffer d = (DoubleBuffer) from;
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) d.get(i);
                }
            }
        }
    };

    private final String name;

    private ArrayType(String name) {
        this.name = name;
    }

    /** @return the number of values in {@code v} */
    abstract int length(V v);

    /** Writes {@code v} into the first {@code length(v)} elements of the buffer. */
    abstract void copyIn(V v, Buffer to);

    /** Reads the first {@code length(v)} elements of the buffer into {@code v}. */
    abstract void copyOut(Buffer from, V v);

    @Override
    public String toString() {
        return name;
    }
}
