package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.expint4j.vector.VectorOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Argument validation of the CUDA backend runs on the host, before any device call, so it is
 * tested here without a GPU on a backend attached to no device: every invalid call must fail
 * exactly as on the CPU backend (same exception type, same message).
 */
class CudaVectorOpsValidationTest {

    /** An invalid call, written once for any vector type. */
    abstract static class Case {
        final String name;

        Case(String name) {
            this.name = name;
        }

        abstract <V> void run(VectorOps<V> ops, IntFunction<V> vector);

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
            new Case("k = 0") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1}, arr(ops, v.apply(4)), 0, v.apply(4));
                }
            },
            new Case("a null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(null, arr(ops, v.apply(4)), 1, v.apply(4));
                }
            },
            new Case("a too short") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1}, arr(ops, v.apply(4), v.apply(4)), 2, v.apply(4));
                }
            },
            new Case("x too short") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1, 2}, arr(ops, v.apply(4)), 2, v.apply(4));
                }
            },
            new Case("x null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1}, null, 1, v.apply(4));
                }
            },
            new Case("x[1] wrong length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1, 2}, arr(ops, v.apply(4), v.apply(5)), 2, v.apply(4));
                }
            },
            new Case("x[0] null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1}, ops.newArray(1), 1, v.apply(4));
                }
            },
            new Case("out null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.linearCombination(new double[] {1}, arr(ops, v.apply(4)), 1, null);
                }
            },
            new Case("w null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.diagonalCombination(null, arr(ops, v.apply(4)), 1, v.apply(4));
                }
            },
            new Case("w[1] null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    final V[] w = ops.newArray(2);
                    w[0] = v.apply(4);
                    ops.diagonalCombination(w, arr(ops, v.apply(4), v.apply(4)), 2, v.apply(4));
                }
            },
            new Case("complex odd length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.complexDiagonalCombination(arr(ops, v.apply(5)), arr(ops, v.apply(5)), 1, v.apply(5));
                }
            },
            new Case("complex x wrong length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.complexDiagonalCombination(arr(ops, v.apply(4)), arr(ops, v.apply(6)), 1, v.apply(4));
                }
            },
            new Case("dense matrix wrong length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.denseCombination(arr(ops, v.apply(8)), arr(ops, v.apply(3)), 1, v.apply(3));
                }
            },
            new Case("dense out is x") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    final V out = v.apply(3);
                    ops.denseCombination(arr(ops, v.apply(9), v.apply(9)), arr(ops, v.apply(3), out), 2, out);
                }
            },
            new Case("rms lengths differ") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(3), 1e-6, 1e-3);
                }
            },
            new Case("rms negative atol") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(4), -1e-6, 1e-3);
                }
            },
            new Case("rms NaN rtol") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(4), 1e-6, Double.NaN);
                }
            },
            new Case("rms zero tolerances") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(4), 0, 0);
                }
            },
            new Case("rms atol vector null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(4), null, 1e-3);
                }
            },
            new Case("rms atol vector length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(4), v.apply(2), 1e-3);
                }
            },
            new Case("rms atol vector, negative rtol") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.weightedRms(v.apply(4), v.apply(4), v.apply(4), -1);
                }
            },
            new Case("samples = 0") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 1, v.apply(4), 1e-6, 1e-3, 0);
                }
            },
            new Case("samples do not divide") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 1, v.apply(4), 1e-6, 1e-3, 3);
                }
            },
            new Case("sample rms lengths differ") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(3), 1, v.apply(4), 1e-6, 1e-3, 1);
                }
            },
            new Case("sample rms reference null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 1, null, 1e-6, 1e-3, 1);
                }
            },
            new Case("sample rms reference length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 1, v.apply(2), 1e-6, 1e-3, 1);
                }
            },
            new Case("sample rms atol 0") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 1, v.apply(4), 0, 1e-3, 2);
                }
            },
            new Case("sample rms infinite rtol") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 1, v.apply(4), 1e-6, Double.POSITIVE_INFINITY, 2);
                }
            },
            new Case("sample rms scale 0") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), 0, v.apply(4), 1e-6, 1e-3, 2);
                }
            },
            new Case("sample rms NaN scale") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.maxSampleRms(v.apply(4), v.apply(4), Double.NaN, v.apply(4), 1e-6, 1e-3, 2);
                }
            },
            new Case("copyRange out of bounds") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.copyRange(v.apply(4), 2, v.apply(8), 0, 3);
                }
            },
            new Case("copyRange negative length") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.copyRange(v.apply(4), 0, v.apply(8), 0, -1);
                }
            },
            new Case("copy lengths differ") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.copy(v.apply(4), v.apply(5));
                }
            },
            new Case("copyFrom lengths differ") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.copyFrom(new double[3], v.apply(4));
                }
            },
            new Case("copyFrom null values") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.copyFrom(null, v.apply(4));
                }
            },
            new Case("toArray lengths differ") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.toArray(v.apply(4), new double[3]);
                }
            },
            new Case("fromArray null") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.fromArray(null);
                }
            },
            new Case("allocate negative") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.allocate(-1);
                }
            },
            new Case("newArray negative") {
                <V> void run(VectorOps<V> ops, IntFunction<V> v) {
                    ops.newArray(-2);
                }
            });
    }

    @SafeVarargs
    @SuppressWarnings("varargs")
    static <V> V[] arr(VectorOps<V> ops, V... vectors) {
        final V[] a = ops.newArray(vectors.length);
        System.arraycopy(vectors, 0, a, 0, vectors.length);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rejectsLikeTheCpuBackend(Case c) {
        final DoubleVectorOps cpu = DoubleVectorOps.serial();
        final RuntimeException expected = assertThrows(RuntimeException.class,
            () -> c.run(cpu, cpu::allocate), "CPU accepted " + c);
        try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.unattached(Precision.DOUBLE,
                DoubleDeviceVector.class)) {
            final RuntimeException actual = assertThrows(RuntimeException.class, () -> c.run(gpu, gpu::phantom));
            assertEquals(expected.getClass(), actual.getClass(), c + ": " + actual);
            assertEquals(expected.getMessage(), actual.getMessage(), c.toString());
        }
        final FloatVectorOps cpuF = FloatVectorOps.serial();
        final RuntimeException expectedF = assertThrows(RuntimeException.class, () -> c.run(cpuF, cpuF::allocate));
        try (CudaVectorOps<FloatDeviceVector> gpu = CudaVectorOps.unattached(Precision.FLOAT,
                FloatDeviceVector.class)) {
            final RuntimeException actual = assertThrows(RuntimeException.class, () -> c.run(gpu, gpu::phantom));
            assertEquals(expectedF.getMessage(), actual.getMessage(), c.toString());
        }
    }

    @Test
    void vectorsOfAnotherBackendAreRejected() {
        try (CudaVectorOps<DoubleDeviceVector> a = CudaVectorOps.unattached(Precision.DOUBLE, DoubleDeviceVector.class);
             CudaVectorOps<DoubleDeviceVector> b = CudaVectorOps.unattached(Precision.DOUBLE, DoubleDeviceVector.class)) {
            final DoubleDeviceVector[] x = a.newArray(2);
            x[0] = a.phantom(4);
            x[1] = b.phantom(4);
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.linearCombination(new double[] {1, 2}, x, 2, a.phantom(4)));
            assertEquals("x[1] was allocated by another backend; use vectors of this cuda-double backend",
                e.getMessage());
        }
    }

    @Test
    void validCallsStopAtTheMissingDevice() {
        try (CudaVectorOps<FloatDeviceVector> ops = CudaVectorOps.unattached(Precision.FLOAT, FloatDeviceVector.class)) {
            final FloatDeviceVector[] x = ops.newArray(1);
            x[0] = ops.phantom(4);
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ops.linearCombination(new double[] {1}, x, 1, ops.phantom(4)));
            assertEquals("cuda-float backend has no device", e.getMessage());
            assertEquals("cuda-float", ops.name());
            assertEquals(4, ops.bytesPerElement());
            assertEquals(0, ops.liveVectors());
            assertEquals(0, ops.allocatedBytes());
            assertEquals(List.of(), List.of(ops.newArray(0)));
            assertTrue(ops.toString().contains("no device"));
        }
    }

    @Test
    void closedBackendAndVectors() {
        final CudaVectorOps<DoubleDeviceVector> ops = CudaVectorOps.unattached(Precision.DOUBLE, DoubleDeviceVector.class);
        final DoubleDeviceVector v = ops.phantom(3);
        assertEquals(24, v.bytes());
        v.close();
        assertTrue(v.isClosed());
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> ops.fill(v, 1));
        assertEquals("dst is closed", e.getMessage());
        ops.close();
        ops.close();
        assertTrue(ops.isClosed());
        assertTrue(ops.phantom(2).isClosed());
    }
}
