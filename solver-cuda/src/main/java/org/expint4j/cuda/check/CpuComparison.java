package org.expint4j.cuda.check;

import org.expint4j.cuda.CudaVectorOps;
import org.expint4j.cuda.DoubleDeviceVector;
import org.expint4j.cuda.FloatDeviceVector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.expint4j.integrate.AdaptiveIntegrator;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.StepSizeController;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.expint4j.vector.VectorOps;

/**
 * Runs every operation of the CUDA backend and of the CPU backend on the same random data and
 * compares the results: the correctness half of {@link GpuCheck} and of the GPU tests. The claim
 * checked is bit-identity, in double and in float, for the combinations, the fill and copies,
 * max-abs and the weighted RMS norms, and for whole integrations.
 */
final class CpuComparison {

    /**
     * One comparison.
     *
     * @param name the operation, e.g. {@code linear3}
     * @param precision {@code f64} or {@code f32}
     * @param length number of elements compared
     * @param maxAbsDiff largest absolute difference (NaN where exactly one side is NaN)
     * @param maxUlps largest difference in units in the last place of the precision
     * @param identical whether every value agrees bit for bit (NaNs compared as NaN)
     */
    record Result(String name, String precision, int length, double maxAbsDiff, double maxUlps,
                  boolean identical) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-28s %s n=%-8d max|diff|=%-10.3g max ulps=%-6.3g %s",
                name, precision, length, maxAbsDiff, maxUlps, identical ? "bit-identical" : "DIFFERENT");
        }
    }

    private final int n;
    private final long seed;
    private final List<Result> results = new ArrayList<>();

    /**
     * @param n vector length of the element-wise comparisons, even (complex data); n = 2 mod 4
     *     leaves tails after the 16-byte loads
     * @param seed seed of the random data
     */
    CpuComparison(int n, long seed) {
        if (n < 2048 || n % 2 != 0) {
            throw new IllegalArgumentException("n = " + n + ", must be even and >= 2048");
        }
        this.n = n;
        this.seed = seed;
    }

    /** @return all comparisons, double then float, the integrators last */
    List<Result> runAll() {
        try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble()) {
            compare(DoubleVectorOps.serial(), gpu, "f64");
        }
        try (CudaVectorOps<FloatDeviceVector> gpu = CudaVectorOps.forFloat()) {
            compare(FloatVectorOps.serial(), gpu, "f32");
        }
        try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble()) {
            integrators(DoubleVectorOps.serial(), gpu, "f64");
        }
        try (CudaVectorOps<FloatDeviceVector> gpu = CudaVectorOps.forFloat()) {
            integrators(FloatVectorOps.serial(), gpu, "f32");
        }
        return results;
    }

    /**
     * Compares any two backends of one precision (the harness itself is tested on two CPU
     * backends, where everything must agree too).
     *
     * @return the results collected so far
     */
    <C, G> List<Result> run(VectorOps<C> reference, VectorOps<G> other, String precision) {
        compare(reference, other, precision);
        integrators(reference, other, precision);
        return results;
    }

    /** Both backends side by side, with data created from the same doubles. */
    private final class Pair<C, G> {
        final VectorOps<C> cpu;
        final VectorOps<G> gpu;
        final String precision;

        Pair(VectorOps<C> cpu, VectorOps<G> gpu, String precision) {
            this.cpu = cpu;
            this.gpu = gpu;
            this.precision = precision;
        }

        C[] cpuVectors(double[][] data) {
            final C[] v = cpu.newArray(data.length);
            for (int i = 0; i < data.length; i++) {
                v[i] = cpu.fromArray(data[i]);
            }
            return v;
        }

        G[] gpuVectors(double[][] data) {
            final G[] v = gpu.newArray(data.length);
            for (int i = 0; i < data.length; i++) {
                v[i] = gpu.fromArray(data[i]);
            }
            return v;
        }

        void check(String name, C c, G g) {
            final double[] expected = new double[cpu.length(c)];
            final double[] actual = new double[gpu.length(g)];
            cpu.toArray(c, expected);
            gpu.toArray(g, actual);
            results.add(difference(name, precision, expected, actual));
        }

        void checkScalars(String name, double[] expected, double[] actual) {
            results.add(difference(name, precision, expected, actual));
        }
    }

    private <C, G> void compare(VectorOps<C> cpuOps, VectorOps<G> gpuOps, String precision) {
        final Pair<C, G> p = new Pair<>(cpuOps, gpuOps, precision);
        final SplittableRandom random = new SplittableRandom(seed);
        final int terms = CudaVectorOps.FUSED_TERMS + 2;
        final double[][] xs = randomVectors(random, terms, n);
        final double[][] ws = randomVectors(random, terms, n);
        final double[] a = new double[terms];
        for (int j = 0; j < terms; j++) {
            a[j] = random.nextDouble(-2, 2);
        }
        final C[] cx = p.cpuVectors(xs);
        final C[] cw = p.cpuVectors(ws);
        final G[] gx = p.gpuVectors(xs);
        final G[] gw = p.gpuVectors(ws);
        final C cOut = cpuOps.allocate(n);
        final G gOut = gpuOps.allocate(n);
        for (int k = 1; k <= terms; k++) {
            cpuOps.linearCombination(a, cx, k, cOut);
            gpuOps.linearCombination(a, gx, k, gOut);
            p.check("linear" + k, cOut, gOut);
            cpuOps.diagonalCombination(cw, cx, k, cOut);
            gpuOps.diagonalCombination(gw, gx, k, gOut);
            p.check("diagonal" + k, cOut, gOut);
            cpuOps.complexDiagonalCombination(cw, cx, k, cOut);
            gpuOps.complexDiagonalCombination(gw, gx, k, gOut);
            p.check("complex" + k, cOut, gOut);
        }
        aliased(p, a, xs, ws, terms);
        special(p, random);
        dense(p, random);
        copies(p, xs[0]);
        reductions(p, random, xs, ws);
    }

    /** Output equal to an early input (one pass) and to a late input (scratch accumulator). */
    private <C, G> void aliased(Pair<C, G> p, double[] a, double[][] xs, double[][] ws, int terms) {
        for (int target : new int[] {0, terms - 1}) {
            final C[] cx = p.cpuVectors(xs);
            final C[] cw = p.cpuVectors(ws);
            final G[] gx = p.gpuVectors(xs);
            final G[] gw = p.gpuVectors(ws);
            p.cpu.linearCombination(a, cx, terms, cx[target]);
            p.gpu.linearCombination(a, gx, terms, gx[target]);
            p.check("linear" + terms + " out=x[" + target + "]", cx[target], gx[target]);
            p.cpu.diagonalCombination(cw, cx, terms, cw[target]);
            p.gpu.diagonalCombination(gw, gx, terms, gw[target]);
            p.check("diagonal" + terms + " out=w[" + target + "]", cw[target], gw[target]);
            p.cpu.complexDiagonalCombination(cw, cx, terms, cx[target]);
            p.gpu.complexDiagonalCombination(gw, gx, terms, gx[target]);
            p.check("complex" + terms + " out=x[" + target + "]", cx[target], gx[target]);
        }
    }

    /** Subnormals, signed zeros and huge values: no flush to zero, no contraction, same signs. */
    private <C, G> void special(Pair<C, G> p, SplittableRandom random) {
        final boolean f32 = p.precision.equals("f32");
        final double tiny = f32 ? 1e-40 : 1e-310;
        final double huge = f32 ? 1e37 : 1e307;
        final int m = 4099;
        final double[][] x = new double[3][m];
        for (double[] v : x) {
            for (int i = 0; i < m; i++) {
                switch (i % 5) {
                    case 0 -> v[i] = tiny * random.nextDouble(-4, 4);
                    case 1 -> v[i] = random.nextBoolean() ? 0.0 : -0.0;
                    case 2 -> v[i] = huge * random.nextDouble(-1, 1);
                    case 3 -> v[i] = random.nextDouble(-1, 1);
                    default -> v[i] = 1 + 0x1p-23 * random.nextInt(4);
                }
            }
        }
        final double[] a = {0.5, -1.0 / 3, 3.0};
        final C[] cx = p.cpuVectors(x);
        final G[] gx = p.gpuVectors(x);
        final C cOut = p.cpu.allocate(m + 1);
        final G gOut = p.gpu.allocate(m + 1);
        final C c = p.cpu.allocate(m);
        final G g = p.gpu.allocate(m);
        for (int k = 1; k <= 3; k++) {
            p.cpu.linearCombination(a, cx, k, c);
            p.gpu.linearCombination(a, gx, k, g);
            p.check("special linear" + k, c, g);
            p.cpu.diagonalCombination(cx, cx, k, c);
            p.gpu.diagonalCombination(gx, gx, k, g);
            p.check("special diagonal" + k, c, g);
        }
        p.cpu.fill(cOut, -0.0);
        p.gpu.fill(gOut, -0.0);
        p.check("fill -0.0", cOut, gOut);
        p.cpu.fill(cOut, tiny);
        p.gpu.fill(gOut, tiny);
        p.check("fill subnormal", cOut, gOut);
    }

    private <C, G> void dense(Pair<C, G> p, SplittableRandom random) {
        for (int size : new int[] {1, 67, 300}) {
            final int k = 3;
            final double[][] w = randomVectors(random, k, size * size);
            final double[][] x = randomVectors(random, k, size);
            final C[] cw = p.cpuVectors(w);
            final C[] cx = p.cpuVectors(x);
            final G[] gw = p.gpuVectors(w);
            final G[] gx = p.gpuVectors(x);
            final C c = p.cpu.allocate(size);
            final G g = p.gpu.allocate(size);
            p.cpu.denseCombination(cw, cx, k, c);
            p.gpu.denseCombination(gw, gx, k, g);
            p.check("dense n=" + size + " k=" + k, c, g);
            if (size == 1) {
                // out is a later weight: read before it is overwritten.
                p.cpu.denseCombination(cw, cx, k, cw[2]);
                p.gpu.denseCombination(gw, gx, k, gw[2]);
                p.check("dense n=1 out=w[2]", cw[2], gw[2]);
            }
        }
    }

    private <C, G> void copies(Pair<C, G> p, double[] data) {
        p.check("allocate (zero-filled)", p.cpu.allocate(n), p.gpu.allocate(n));
        final C c = p.cpu.fromArray(data);
        final G g = p.gpu.fromArray(data);
        final C c2 = p.cpu.allocate(n);
        final G g2 = p.gpu.allocate(n);
        p.cpu.copy(c, c2);
        p.gpu.copy(g, g2);
        p.check("copy", c2, g2);
        p.cpu.copyRange(c, 3, c2, 1000, n / 2);
        p.gpu.copyRange(g, 3, g2, 1000, n / 2);
        p.check("copyRange", c2, g2);
        p.cpu.copyRange(c, 0, c, 5, n - 5);
        p.gpu.copyRange(g, 0, g, 5, n - 5);
        p.check("copyRange overlapping", c, g);
        p.cpu.fill(c2, 1.0 / 3);
        p.gpu.fill(g2, 1.0 / 3);
        p.check("fill 1/3", c2, g2);
    }

    private <C, G> void reductions(Pair<C, G> p, SplittableRandom random, double[][] xs, double[][] ws) {
        final C cx = p.cpu.fromArray(xs[0]);
        final G gx = p.gpu.fromArray(xs[0]);
        // y close to x, equal on a stretch (zero differences), zero on another (0/0 -> 0 with atol 0)
        final double[] yData = xs[0].clone();
        final double[] zeros = xs[0].clone();
        final double[] zerosY = xs[0].clone();
        for (int i = 0; i < n; i++) {
            if (i % 7 != 0) {
                yData[i] += 1e-4 * random.nextDouble(-1, 1);
                zerosY[i] = yData[i];
            }
            if (i % 11 == 0) {
                zeros[i] = 0;
                zerosY[i] = 0;
            }
        }
        final C cy = p.cpu.fromArray(yData);
        final G gy = p.gpu.fromArray(yData);
        final C cz = p.cpu.fromArray(zeros);
        final G gz = p.gpu.fromArray(zeros);
        final C czy = p.cpu.fromArray(zerosY);
        final G gzy = p.gpu.fromArray(zerosY);
        final double[] atolData = new double[n];
        for (int i = 0; i < n; i++) {
            atolData[i] = 1e-6 * (1 + (i % 13));
        }
        final C ca = p.cpu.fromArray(atolData);
        final G ga = p.gpu.fromArray(atolData);
        p.checkScalars("maxAbs", new double[] {p.cpu.maxAbs(cx)}, new double[] {p.gpu.maxAbs(gx)});
        p.checkScalars("weightedRms scalar atol", new double[] {p.cpu.weightedRms(cx, cy, 1e-6, 1e-3)},
            new double[] {p.gpu.weightedRms(gx, gy, 1e-6, 1e-3)});
        p.checkScalars("weightedRms atol=0, zeros", new double[] {p.cpu.weightedRms(cz, czy, 0, 1e-3)},
            new double[] {p.gpu.weightedRms(gz, gzy, 0, 1e-3)});
        p.checkScalars("weightedRms atol vector", new double[] {p.cpu.weightedRms(cx, cy, ca, 1e-3)},
            new double[] {p.gpu.weightedRms(gx, gy, ga, 1e-3)});
        for (int samples : new int[] {1, 7, 4096}) {
            final int length = n - n % samples;
            final C sx = p.cpu.allocate(length);
            final C sy = p.cpu.allocate(length);
            final C sr = p.cpu.allocate(length);
            final G tx = p.gpu.allocate(length);
            final G ty = p.gpu.allocate(length);
            final G tr = p.gpu.allocate(length);
            p.cpu.copyRange(cx, 0, sx, 0, length);
            p.cpu.copyRange(cy, 0, sy, 0, length);
            p.cpu.copyRange(cz, 0, sr, 0, length);
            p.gpu.copyRange(gx, 0, tx, 0, length);
            p.gpu.copyRange(gy, 0, ty, 0, length);
            p.gpu.copyRange(gz, 0, tr, 0, length);
            p.checkScalars("maxSampleRms s=" + samples,
                new double[] {p.cpu.maxSampleRms(sx, sy, 0.8, sr, 1e-6, 1e-3, samples)},
                new double[] {p.gpu.maxSampleRms(tx, ty, 0.8, tr, 1e-6, 1e-3, samples)});
            if (samples != 7) {
                continue;
            }
            // Overflow with finite values (+infinity), then a non-finite reference element (NaN).
            p.checkScalars("maxSampleRms overflow s=" + samples,
                new double[] {p.cpu.maxSampleRms(sx, sy, 1e300, sr, Double.MIN_VALUE, 0, samples)},
                new double[] {p.gpu.maxSampleRms(tx, ty, 1e300, tr, Double.MIN_VALUE, 0, samples)});
            p.cpu.fill(sr, Double.POSITIVE_INFINITY);
            p.gpu.fill(tr, Double.POSITIVE_INFINITY);
            p.checkScalars("maxSampleRms infinite reference s=" + samples,
                new double[] {p.cpu.maxSampleRms(sx, sy, 0.8, sr, 1e-6, 1e-3, samples)},
                new double[] {p.gpu.maxSampleRms(tx, ty, 0.8, tr, 1e-6, 1e-3, samples)});
        }
        final double[] nan = ws[0].clone();
        nan[n / 3] = Double.NaN;
        p.checkScalars("maxAbs with NaN", new double[] {p.cpu.maxAbs(p.cpu.fromArray(nan))},
            new double[] {p.gpu.maxAbs(p.gpu.fromArray(nan))});
        p.checkScalars("maxAbs empty", new double[] {p.cpu.maxAbs(p.cpu.allocate(0))},
            new double[] {p.gpu.maxAbs(p.gpu.allocate(0))});
    }

    /**
     * Whole integrations (state length {@code min(2^16, n)}) with the nonlinearity computed on the
     * device by the backend itself.
     */
    private <C, G> void integrators(VectorOps<C> cpu, VectorOps<G> gpu, String precision) {
        final int m = Math.min(1 << 16, n);
        final DiagonalLinearPart linear = new DiagonalLinearPart(diagonal(m));
        final double[] u0 = initial(m);
        for (String method : new String[] {"etdrk4", "hochost4", "abnorsett3"}) {
            final double[] expected = fixed(cpu, method, linear, u0);
            final double[] actual = fixed(gpu, method, linear, u0);
            results.add(difference("FixedStepIntegrator " + method, precision, expected, actual));
        }
        final StepSizeController controller = StepSizeController.of(1e-6, 1e-5);
        final ExponentialRungeKuttaMethod hochost3 = (ExponentialRungeKuttaMethod) MethodRegistry.byName("hochost3");
        final double[] expected = new double[m + 2];
        final double[] actual = new double[m + 2];
        adaptive(cpu, hochost3, controller, linear, u0, expected);
        adaptive(gpu, hochost3, controller, linear, u0, actual);
        results.add(difference("AdaptiveIntegrator hochost3 (+accepted, rejected)", precision, expected, actual));
    }

    private static <V> double[] fixed(VectorOps<V> ops, String method, DiagonalLinearPart linear, double[] u0) {
        final V u = ops.fromArray(u0);
        final V out = ops.allocate(u0.length);
        new FixedStepIntegrator<>(MethodRegistry.byName(method), ops)
            .integrate(linear, logisticForcing(ops, u0.length), u, 0.0, 1.0, 24, out);
        final double[] result = new double[u0.length];
        ops.toArray(out, result);
        return result;
    }

    private static <V> void adaptive(VectorOps<V> ops, ExponentialRungeKuttaMethod method,
                                     StepSizeController controller, DiagonalLinearPart linear, double[] u0,
                                     double[] result) {
        final V u = ops.fromArray(u0);
        final V out = ops.allocate(u0.length);
        final IntegrationStatistics stats = new AdaptiveIntegrator<>(method, ops, controller)
            .integrate(linear, logisticForcing(ops, u0.length), u, 0.0, 2.0, out);
        final double[] state = new double[u0.length];
        ops.toArray(out, state);
        System.arraycopy(state, 0, result, 0, state.length);
        result[state.length] = stats.acceptedSteps();
        result[state.length + 1] = stats.rejectedSteps();
    }

    /**
     * \(N(t, u) = -u \odot u + \sin(t)\), evaluated with the backend's own operations, so the
     * same sequence of roundings happens on both backends.
     */
    static <V> Nonlinearity<V> logisticForcing(VectorOps<V> ops, int n) {
        final V ones = ops.allocate(n);
        ops.fill(ones, 1.0);
        final V[] square = ops.newArray(1);
        final V[] terms = ops.newArray(2);
        final double[] weights = new double[2];
        return (t, u, out) -> {
            square[0] = u;
            ops.diagonalCombination(square, square, 1, out);
            terms[0] = out;
            terms[1] = ones;
            weights[0] = -1;
            weights[1] = Math.sin(t);
            ops.linearCombination(weights, terms, 2, out);
        };
    }

    static double[] diagonal(int m) {
        final double[] d = new double[m];
        for (int i = 0; i < m; i++) {
            d[i] = -0.5 - (i % 1000) * 1.5;  // stiff: down to -1500
        }
        return d;
    }

    static double[] initial(int m) {
        final double[] u = new double[m];
        for (int i = 0; i < m; i++) {
            u[i] = 0.5 + 0.4 * Math.sin(0.001 * i);
        }
        return u;
    }

    private static double[][] randomVectors(SplittableRandom random, int count, int length) {
        final double[][] v = new double[count][length];
        for (double[] row : v) {
            for (int i = 0; i < length; i++) {
                row[i] = random.nextDouble(-1, 1);
            }
        }
        return v;
    }

    /** Differences of two result arrays; ulps in the precision the values are stored in. */
    static Result difference(String name, String precision, double[] expected, double[] actual) {
        boolean identical = expected.length == actual.length;
        double maxAbs = 0;
        double maxUlps = 0;
        for (int i = 0; i < Math.min(expected.length, actual.length); i++) {
            final double e = expected[i];
            final double g = actual[i];
            if (Double.doubleToLongBits(e) == Double.doubleToLongBits(g)) {
                continue;
            }
            identical = false;
            if (Double.isNaN(e) || Double.isNaN(g)) {
                maxAbs = Double.NaN;
                maxUlps = Double.NaN;
                continue;
            }
            final double diff = Math.abs(e - g);
            maxAbs = Double.isNaN(maxAbs) ? maxAbs : Math.max(maxAbs, diff);
            final double ulp = precision.equals("f32") ? Math.ulp((float) e) : Math.ulp(e);
            maxUlps = Double.isNaN(maxUlps) ? maxUlps : Math.max(maxUlps, diff / ulp);
        }
        return new Result(name, precision, expected.length, maxAbs, maxUlps, identical);
    }
}
