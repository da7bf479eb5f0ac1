package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.expint4j.diffusion.schedule.CosineSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Executes the kernel source itself without a GPU: {@code src/test/cuda/emulate_kernels.cpp}
 * compiles {@code expint4j_kernels.cu} as C++ against a small host emulation of CUDA (threads of a
 * block as std::threads, {@code __syncthreads} as a barrier, dynamic shared memory as a buffer
 * poisoned with NaN before each block, rounded intrinsics as plain IEEE operations without
 * contraction), launches the kernels with the grids the Java backend uses, and compares:
 * <ul>
 * <li>the element-wise kernels and reductions, bit for bit, with references written from the CPU
 *     backend's documented order (in C++): sizes with tails, misaligned views (the scalar path),
 *     sums of up to 10 terms in several passes, aliased outputs, dense sums, fills, max-abs with
 *     NaN, blocked RMS norms per sample with scalar and per-component tolerances;</li>
 * <li>the Gaussian-mixture kernel with the Java {@link org.expint4j.diffusion.model.GaussianMixtureModel}
 *     itself: this test computes the per-time constants and the launch geometry with the same host
 *     code as {@link CudaGaussianMixtureModel}, writes the inputs, runs one emulated launch and
 *     checks every element against {@link CudaGaussianMixtureModel#agreementBound} (double, and
 *     float against the CPU model behind {@code FloatModelAdapter}'s rounding): with the C
 *     library's exp, with an exp moved by up to one ulp (a device exp within CUDA's documented 1 ulp
 *     of the correctly rounded value), and with a wrong exp, which must break the bound.</li>
 * </ul>
 * The host's use of the driver is exercised by the emulated-driver run of the GPU tests
 * ({@link EmulatedDriver}); what neither can show (the compiled code, real vector loads, the memory
 * model, CUDA's own exp) is left to a GPU. Needs g++ with C++20; skipped otherwise.
 */
class KernelEmulationTest {

    @TempDir
    static Path tmp;
    private static Path binary;
    private static String unavailable;

    @BeforeAll
    static void compile() throws Exception {
        final Path module = Paths.get("").toAbsolutePath();
        binary = tmp.resolve("emulate_kernels");
        final Result compile;
        try {
            compile = exec(tmp, "g++", "-std=c++20", "-O1", "-ffp-contract=off", "-fno-fast-math",
                "-Wno-unknown-pragmas", "-pthread", "-o", binary.toString(),
                module.resolve("src/test/cuda/emulate_kernels.cpp").toString());
        } catch (IOException e) {
            unavailable = "g++ not found: kernel emulation skipped (" + e.getMessage() + ")";
            return;
        }
        assertEquals(0, compile.status, "g++ failed:\n" + compile.output);
    }

    @Test
    void kernelsAgreeWithTheCpuOrderUnderEmulation() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        final Result run = exec(tmp, binary.toString());
        System.out.print("[KernelEmulationTest] " + run.output);
        assertEquals(0, run.status, run.output);
        assertTrue(run.output.contains(" checks, 0 failures"), run.output);
    }

    /** With the C library's exp (glibc's, within about 0.5 ulp, like Java's): within the bound. */
    @Test
    void gaussianMixtureKernelAgreesWithTheCpuModel() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        for (int precision : new int[] {64, 32}) {
            final Stats s = runCases(precision, 0);
            assertEquals(0, s.violations, s.toString());
            assertTrue(s.identical > 0.99 * s.elements, "expected nearly all bit-identical: " + s);
        }
    }

    /** With an exp moved by -1, 0 or +1 ulp per argument, as a device exp may be: within the bound. */
    @Test
    void gaussianMixtureKernelWithAnUlpOffExpStaysWithinTheBound() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        for (int precision : new int[] {64, 32}) {
            final Stats s = runCases(precision, 1);
            assertEquals(0, s.violations, s.toString());
            if (precision == 64) {
                assertTrue(s.identical < s.elements, "the perturbed exp changed nothing: " + s);
            }
        }
    }

    /** An exp off by 2^-40 relative (about 4096 ulps) for some arguments: the bound catches it. */
    @Test
    void aWrongExpBreaksTheBound() throws Exception {
        assumeTrue(unavailable == null, unavailable);
        final Stats s = runCases(64, 2);
        assertTrue(s.violations > 0.01 * s.elements, "a wrong exp went unnoticed: " + s);
    }

    // ---- the Gaussian-mixture cases ----

    /**
     * One configuration: shapes chosen for the kernel's corners (one column; a partial tile; two
     * tiles; components crowding shared memory so that fewer threads run per block; a batch that is
     * not a multiple of the block; more sample groups than blocks, so the grid-stride loop wraps;
     * out aliasing x; points far from every component).
     */
    private record Case(String name, int dimension, int components, int samples, long maxBlocks, boolean aliased,
                        boolean far, double[] times) {
    }

    private static final List<Case> CASES = List.of(
        new Case("D=64 K=8", 64, 8, 1000, 16, false, false, new double[] {1e-3, 0.02, 0.3, 1}),
        new Case("D=64 K=8 grid wraps", 64, 8, 777, 2, false, false, new double[] {0.05}),
        new Case("D=1 K=1", 1, 1, 37, 16, false, false, new double[] {1e-3, 0.5}),
        new Case("D=33 K=3 aliased", 33, 3, 300, 3, true, false, new double[] {0.01, 0.7}),
        new Case("D=70 K=40", 70, 40, 200, 16, false, false, new double[] {0.1}),
        new Case("D=5 K=300", 5, 300, 50, 16, false, false, new double[] {0.2}),
        new Case("D=16 K=4 far", 16, 4, 130, 16, false, true, new double[] {1e-4, 1e-3, 0.5}));

    private static final class Stats {
        final int precision;
        final int expMode;
        long elements;
        long identical;
        long violations;
        double maxUlps;
        double maxRatio;
        String worst = "";

        Stats(int precision, int expMode) {
            this.precision = precision;
            this.expMode = expMode;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "gmm f%d exp=%s: %d elements, %d bit-identical, max %.3g ulps, "
                + "max |diff|/bound %.3g, %d over the bound%s", precision,
                expMode == 0 ? "C library" : expMode == 1 ? "+-1 ulp" : "wrong", elements, identical, maxUlps,
                maxRatio, violations, worst.isEmpty() ? "" : " (worst: " + worst + ")");
        }
    }

    private static Stats runCases(int precision, int expMode) throws Exception {
        final Stats stats = new Stats(precision, expMode);
        final SplittableRandom rnd = new SplittableRandom(0x6a11 + precision + 100L * expMode);
        int index = 0;
        for (Case c : CASES) {
            final NoiseSchedule schedule = index++ % 2 == 0 ? new LinearSchedule() : new CosineSchedule();
            final GaussianMixtureParameters params = randomMixture(rnd, c, schedule);
            for (double t : c.times) {
                final double[] x = batch(rnd, params, c, t);
                if (precision == 32) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = (float) x[i];
                    }
                }
                final double[] actual = emulate(params, c, t, x, precision, expMode);
                final double[] expected = new double[x.length];
                params.cpu.noise(x, t, expected);
                final double[] bound = new double[x.length];
                params.agreementBound(x, t, bound);
                compare(stats, c.name + " t=" + t, expected, actual, bound);
            }
        }
        System.out.println("[KernelEmulationTest] " + stats);
        return stats;
    }

    private static GaussianMixtureParameters randomMixture(SplittableRandom rnd, Case c, NoiseSchedule schedule) {
        final double[] w = new double[c.components];
        final double[][] means = new double[c.components][c.dimension];
        final double[][] stds = new double[c.components][c.dimension];
        for (int k = 0; k < c.components; k++) {
            w[k] = rnd.nextDouble(0.1, 1);
            for (int d = 0; d < c.dimension; d++) {
                means[k][d] = rnd.nextDouble(-3, 3);
                stds[k][d] = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(2)));
            }
        }
        return new GaussianMixtureParameters(w, means, stds, schedule, ModelTimeMap.CONTINUOUS);
    }

    /**
     * Points of the diffused data at t (alpha x0 + sigma z), a quarter of them halfway between two
     * data points (responsibilities shared between components), or far from everything.
     */
    private static double[] batch(SplittableRandom rnd, GaussianMixtureParameters p, Case c, double t) {
        final int dim = c.dimension;
        final double[] x0 = new double[c.samples * dim];
        p.cpu.sampleData(rnd, c.samples, x0);
        final double alpha = p.schedule.alpha(t);
        final double sigma = p.schedule.sigma(t);
        final double[] x = new double[x0.length];
        for (int b = 0; b < c.samples; b++) {
            final int other = rnd.nextInt(c.samples);
            final boolean between = b % 4 == 1;
            for (int d = 0; d < dim; d++) {
                final int i = b * dim + d;
                if (c.far) {
                    x[i] = rnd.nextBoolean() ? 1e3 : -1e3;
                } else {
                    final double data = between ? 0.5 * (x0[i] + x0[other * dim + d]) : x0[i];
                    x[i] = alpha * data + sigma * rnd.nextGaussian();
                }
            }
        }
        return x;
    }

    private static double[] emulate(GaussianMixtureParameters p, Case c, double t, double[] x, int precision,
                                    int expMode) throws Exception {
        p.prepare(t);
        final int kd = p.components * p.dimension;
        final ByteBuffer b = ByteBuffer.allocate(8 * (8 + 4 + 2 * kd + p.components + x.length))
            .order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(precision).putLong(c.samples).putLong(p.dimension).putLong(p.components).putLong(p.threads)
            .putLong(GaussianMixtureParameters.grid(c.samples, p.threads, c.maxBlocks)).putLong(c.aliased ? 1 : 0)
            .putLong(expMode);
        b.putDouble(p.alpha).putDouble(p.sigma).putDouble(p.alpha2).putDouble(p.sigma2);
        for (double v : p.means) {
            b.putDouble(v);
        }
        for (double v : p.stds2) {
            b.putDouble(v);
        }
        for (double v : p.logNormalisers) {
            b.putDouble(v);
        }
        for (double v : x) {
            b.putDouble(v);
        }
        final Path in = tmp.resolve("gmm-in.bin");
        final Path out = tmp.resolve("gmm-out.bin");
        Files.write(in, b.array());
        final Result run = exec(tmp, binary.toString(), "gmm", in.toString(), out.toString());
        assertEquals(0, run.status, run.output);
        final ByteBuffer r = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(8L * x.length, r.capacity(), run.output);
        final double[] result = new double[x.length];
        for (int i = 0; i < result.length; i++) {
            result[i] = r.getDouble();
        }
        return result;
    }

    /**
     * Double: |actual - expected| <= bound. Float: the CPU value rounded as FloatModelAdapter
     * rounds it, and the bound plus one float ulp (a rounding boundary between the two doubles).
     */
    private static void compare(Stats s, String what, double[] expected, double[] actual, double[] bound) {
        for (int i = 0; i < expected.length; i++) {
            s.elements++;
            final double e = s.precision == 32 ? (float) expected[i] : expected[i];
            final double a = actual[i];
            if (Double.isNaN(e) || Double.isNaN(a)) {
                if (Double.isNaN(e) && Double.isNaN(a)) {
                    s.identical++;
                } else {
                    s.violations++;
                    s.worst = what + " element " + i + ": expected " + e + ", got " + a;
                }
                continue;
            }
            if (Double.doubleToRawLongBits(e) == Double.doubleToRawLongBits(a)) {
                s.identical++;
                continue;
            }
            final double diff = Math.abs(a - e);
            final double ulp = s.precision == 32 ? Math.ulp((float) e) : Math.ulp(e);
            final double allowed = s.precision == 32
                ? bound[i] + Math.ulp((float) (Math.abs(expected[i]) + bound[i])) : bound[i];
            s.maxUlps = Math.max(s.maxUlps, diff / ulp);
            final double ratio = diff / allowed;
            if (ratio > s.maxRatio) {
                s.maxRatio = ratio;
                if (ratio > 1) {
                    s.worst = String.format(Locale.ROOT, "%s element %d: expected %.17g, got %.17g, bound %.3g", what,
                        i, e, a, allowed);
                }
            }
            if (!(diff <= allowed)) {
                s.violations++;
            }
        }
    }

    private record Result(int status, String output) {
    }

    private static Result exec(Path dir, String... command) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>(List.of(command));
        final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        return new Result(p.exitValue(), out);
    }
}
