package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input throws {@link IllegalArgumentException} whose message names the
 * offending argument and the sizes involved, on single- and multi-threaded instances alike.
 */
class BadInputTest {

    private static final DoubleVectorOps SERIAL = DoubleVectorOps.serial();
    private static final DoubleVectorOps PARALLEL = new DoubleVectorOps(3, 1);
    private static final FloatVectorOps FLOAT = new FloatVectorOps(2, 1);

    @AfterAll
    static void close() {
        PARALLEL.close();
        FLOAT.close();
    }

    /** @return (description, call, fragments the message must contain) */
    static Stream<Arguments> cases() {
        final List<Arguments> list = new ArrayList<>();
        for (DoubleVectorOps ops : new DoubleVectorOps[] {SERIAL, PARALLEL}) {
            final String on = " on " + CombinationProperties.describe(ops);
            final double[] a = {1, 2, 3};
            final double[] v5 = new double[5];
            final double[] v6 = new double[6];
            final double[] v7 = new double[7];
            final double[][] x = {v5, v5, v5};
            add(list, "x[1] too short" + on,
                () -> ops.linearCombination(a, new double[][] {v5, new double[4]}, 2, v5),
                "x[1]", "4", "5");
            add(list, "out too long" + on, () -> ops.linearCombination(a, x, 3, v6),
                "x[0]", "5", "out", "6");
            add(list, "k = 0" + on, () -> ops.linearCombination(a, x, 0, v5), "k = 0");
            add(list, "k = -1" + on, () -> ops.diagonalCombination(x, x, -1, v5), "k = -1");
            add(list, "k beyond a" + on, () -> ops.linearCombination(a, new double[][] {v5, v5, v5,
                v5}, 4, v5), "k = 4", "a.length = 3");
            add(list, "k beyond x" + on, () -> ops.linearCombination(a, new double[][] {v5}, 2, v5),
                "k = 2", "x.length = 1");
            add(list, "k beyond w" + on, () -> ops.diagonalCombination(new double[][] {v5}, x, 2,
                v5), "k = 2", "w.length = 1");
            add(list, "null x entry" + on,
                () -> ops.linearCombination(a, new double[][] {v5, null}, 2, v5), "x[1]", "null");
            add(list, "null w entry" + on,
                () -> ops.diagonalCombination(new double[][] {null}, x, 1, v5), "w[0]", "null");
            add(list, "null out" + on, () -> ops.linearCombination(a, x, 1, null), "out", "null");
            add(list, "null a" + on, () -> ops.linearCombination(null, x, 1, v5), "a", "null");
            add(list, "w[1] too long" + on, () -> ops.diagonalCombination(new double[][] {v5, v6},
                x, 2, v5), "w[1]", "6", "5");
            add(list, "odd complex length" + on,
                () -> ops.complexDiagonalCombination(new double[][] {v7}, new double[][] {v7}, 1,
                    v7), "even", "7");
            add(list, "complex length mismatch" + on,
                () -> ops.complexDiagonalCombination(new double[][] {v6}, new double[][] {
                    new double[8]}, 1, v6), "x[0]", "8", "6");
            add(list, "dense matrix not n*n" + on,
                () -> ops.denseCombination(new double[][] {new double[24]}, x, 1, v5),
                "w[0]", "24", "25", "n = 5");
            add(list, "dense vector length" + on,
                () -> ops.denseCombination(new double[][] {new double[25]}, new double[][] {v6},
                    1, v5), "x[0]", "6", "5");
            add(list, "dense null matrix" + on,
                () -> ops.denseCombination(new double[][] {null}, x, 1, v5), "w[0]", "null");
            add(list, "rms length mismatch" + on, () -> ops.weightedRms(v5, v6, 1e-6, 1e-3),
                "y", "6", "x", "5");
            add(list, "rms atol vector length" + on, () -> ops.weightedRms(v5, v5, v6, 1e-3),
                "atol", "6", "5");
            add(list, "negative atol" + on, () -> ops.weightedRms(v5, v5, -1e-6, 1e-3),
                "atol = -1.0E-6");
            add(list, "NaN rtol" + on, () -> ops.weightedRms(v5, v5, 1e-6, Double.NaN),
                "rtol = NaN");
            add(list, "negative rtol with atol vector" + on,
                () -> ops.weightedRms(v5, v5, v5, -1.0), "rtol = -1.0");
            add(list, "atol + rtol = 0" + on, () -> ops.weightedRms(v5, v5, 0, 0),
                "atol + rtol = 0");
            add(list, "samples not dividing" + on,
                () -> ops.maxSampleRms(v7, v7, 1, v7, 1e-6, 1e-3, 3), "samples = 3", "7");
            add(list, "samples = 0" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v6, 1e-6, 1e-3, 0), "samples = 0");
            add(list, "sample rms y length" + on,
                () -> ops.maxSampleRms(v6, v5, 1, v6, 1e-6, 1e-3, 1), "y", "5", "x", "6");
            add(list, "sample rms reference length" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v5, 1e-6, 1e-3, 1), "reference", "5", "6");
            add(list, "sample rms null reference" + on,
                () -> ops.maxSampleRms(v6, v6, 1, null, 1e-6, 1e-3, 1), "reference is null");
            add(list, "sample rms NaN atol" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v6, Double.NaN, 1e-3, 3), "atol = NaN");
            add(list, "sample rms atol = 0" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v6, 0, 1e-3, 3), "atol = 0.0", "> 0");
            add(list, "sample rms infinite atol" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v6, Double.POSITIVE_INFINITY, 1e-3, 3),
                "atol = Infinity", "finite");
            add(list, "sample rms negative rtol" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v6, 1e-6, -1e-3, 3), "rtol = -0.001");
            add(list, "sample rms infinite rtol" + on,
                () -> ops.maxSampleRms(v6, v6, 1, v6, 1e-6, Double.POSITIVE_INFINITY, 3),
                "rtol = Infinity", "finite");
            add(list, "sample rms scale 0" + on,
                () -> ops.maxSampleRms(v6, v6, 0, v6, 1e-6, 1e-3, 3), "scale = 0.0", "non-zero");
            add(list, "sample rms NaN scale" + on,
                () -> ops.maxSampleRms(v6, v6, Double.NaN, v6, 1e-6, 1e-3, 3), "scale = NaN");
            add(list, "sample rms infinite scale" + on,
                () -> ops.maxSampleRms(v6, v6, Double.NEGATIVE_INFINITY, v6, 1e-6, 1e-3, 3),
                "scale = -Infinity", "finite");
            add(list, "copy length mismatch" + on, () -> ops.copy(v5, v6), "dst", "6", "src",
                "5");
            add(list, "toArray length mismatch" + on, () -> ops.toArray(v5, v6), "out", "6", "5");
            add(list, "negative allocation" + on, () -> ops.allocate(-2), "length = -2");
        }
        final float[] f5 = new float[5];
        final float[] f4 = new float[4];
        add(list, "float x[0] length", () -> FLOAT.linearCombination(new double[] {1},
            new float[][] {f4}, 1, f5), "x[0]", "4", "5");
        add(list, "float dense matrix", () -> FLOAT.denseCombination(new float[][] {f5},
            new float[][] {f4}, 1, new float[4]), "w[0]", "5", "16");
        add(list, "float rms length", () -> FLOAT.weightedRms(f5, f4, 1, 1), "y", "4", "5");
        add(list, "float odd complex", () -> FLOAT.complexDiagonalCombination(new float[][] {f5},
            new float[][] {f5}, 1, f5), "even", "5");
        add(list, "parallelism 0", () -> new DoubleVectorOps(0, 10), "parallelism = 0");
        add(list, "threshold 0", () -> new FloatVectorOps(2, 0), "threshold = 0");
        return list.stream();
    }

    private static void add(List<Arguments> list, String name, Executable call,
                            String... fragments) {
        list.add(Arguments.of(name, call, fragments));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throwsIllegalArgumentNamingTheSizes(String name, Executable call, String[] fragments) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, name);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), name + ": message \"" + e.getMessage()
                + "\" lacks \"" + fragment + "\"");
        }
    }
}
