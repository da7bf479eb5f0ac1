package org.expint4j.cuda.check;

import org.expint4j.cuda.Cu;
import org.expint4j.cuda.CudaVectorOps;
import org.expint4j.cuda.DeviceVector;
import org.expint4j.cuda.DoubleDeviceVector;
import org.expint4j.cuda.FloatDeviceVector;

import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuEventCreate;
import static jcuda.driver.JCudaDriver.cuEventDestroy;
import static jcuda.driver.JCudaDriver.cuEventElapsedTime;
import static jcuda.driver.JCudaDriver.cuEventRecord;
import static jcuda.driver.JCudaDriver.cuEventSynchronize;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;

/**
 * Effective bandwidth of the fused kernels next to a device-to-device copy measured in the same
 * run, timed with CUDA events: the performance half of {@link GpuCheck}.
 *
 * <p>Effective bandwidth = bytes read and written by the operation / time: \((K+1)\,n\,s\) for a
 * fused sum of \(K\) terms over \(n\) elements of \(s\) bytes, \(2ns\) for the copy. Each sample
 * times a batch of back-to-back calls through the public API (so host launch overhead counts
 * where it matters, at small \(n\)); several samples give the median and the spread.
 */
final class Bandwidth {

    /** A timed operation: median and spread of the per-call time over the samples. */
    record Timing(String name, String precision, int log2n, long bytes, double medianMs, double minMs,
                  double maxMs) {

        /** @return effective bandwidth in GB/s (10^9 bytes per second) at the median time */
        double gbPerSecond() {
            return bytes / (medianMs * 1e6);
        }
    }

    private final PrintStream out;
    private final int samples;
    private final List<String> misses = new ArrayList<>();
    private final List<String> meets = new ArrayList<>();

    Bandwidth(PrintStream out, int samples) {
        this.out = out;
        this.samples = samples;
    }

    /** @return target lines that were missed */
    List<String> misses() {
        return misses;
    }

    /** @return target lines that were met */
    List<String> meets() {
        return meets;
    }

    /** Runs every size from {@code minLog2} to {@code maxLog2} in steps of 2, both precisions. */
    void run(int minLog2, int maxLog2) {
        try (CudaVectorOps<FloatDeviceVector> f = CudaVectorOps.forFloat()) {
            run(f, "f32", minLog2, maxLog2);
        }
        try (CudaVectorOps<DoubleDeviceVector> d = CudaVectorOps.forDouble()) {
            run(d, "f64", minLog2, maxLog2);
        }
    }

    private <V extends DeviceVector> void run(CudaVectorOps<V> ops, String precision, int minLog2, int maxLog2) {
        final int k = CudaVectorOps.FUSED_TERMS;
        for (int log2 = minLog2; log2 <= maxLog2; log2 += 2) {
            final int n = 1 << log2;
            final long vectorBytes = (long) n * ops.bytesPerElement();
            final long[] memory = ops.memoryInfo();
            if ((k + 1) * vectorBytes > 0.8 * memory[0]) {
                out.printf(Locale.ROOT, "%s n=2^%d: skipped, needs %s of %s free%n", precision, log2,
                    Cu.formatBytes((k + 1) * vectorBytes), Cu.formatBytes(memory[0]));
                continue;
            }
            final V[] x = ops.newArray(k);
            for (int j = 0; j < k; j++) {
                x[j] = ops.allocate(n);
                ops.fill(x[j], 1.0 / (j + 3));
            }
            final V result = ops.allocate(n);
            final int batch = Math.max(1, Math.min(64, (1 << 24) / n));
            try {
                // CudaVectorOps.copy is one cuMemcpyDtoD of the whole vector.
                final Timing copy = time("copy (cuMemcpyDtoD)", precision, log2, 2 * vectorBytes, batch,
                    () -> ops.copy(x[0], result));
                print(copy, copy);
                final double[] a = {0.5, -0.25, 0.125, 1.5, -2.0, 0.75, 0.3, -0.6};
                double worst = Double.POSITIVE_INFINITY;
                for (int terms = 1; terms <= k; terms++) {
                    final int kk = terms;
                    final Timing t = time("fused K=" + kk, precision, log2, (kk + 1) * vectorBytes, batch,
                        () -> ops.linearCombination(a, x, kk, result));
                    print(t, copy);
                    worst = Math.min(worst, t.gbPerSecond() / copy.gbPerSecond());
                }
                final V[] one = ops.newArray(1);
                one[0] = x[0];
                final V[] axpy = ops.newArray(2);
                axpy[0] = result;
                final double[] scale = {a[0]};
                final double[][] axpyWeights = {{1, a[1]}, {1, a[2]}};
                final Timing fused3 = time("fused K=3", precision, log2, 4 * vectorBytes, batch,
                    () -> ops.linearCombination(a, x, 3, result));
                // Unfused: one scale and K-1 axpy launches (out = 1*out + a_j x_j: 1*out is exact),
                // 2 + 3(K-1) = 8 vector passes for K = 3 against 4 fused.
                final Timing unfused3 = time("unfused K=3 (scale + 2 axpy)", precision, log2, 4 * vectorBytes,
                    batch, () -> {
                        ops.linearCombination(scale, one, 1, result);
                        axpy[1] = x[1];
                        ops.linearCombination(axpyWeights[0], axpy, 2, result);
                        axpy[1] = x[2];
                        ops.linearCombination(axpyWeights[1], axpy, 2, result);
                    });
                print(unfused3, copy);
                final double speedup = unfused3.medianMs() / fused3.medianMs();
                out.printf(Locale.ROOT, "  fused/unfused K=3 speed-up %.2fx (model: 8/4 passes = 2.0x)%n", speedup);
                final Timing max = time("maxAbs", precision, log2, vectorBytes, batch, () -> ops.maxAbs(x[0]));
                print(max, copy);
                final Timing rms = time("weightedRms", precision, log2, 2 * vectorBytes, batch,
                    () -> ops.weightedRms(x[0], x[1], 1e-6, 1e-3));
                print(rms, copy);
                if (log2 >= 24) {
                    target(worst >= 0.85, String.format(Locale.ROOT,
                        "%s n=2^%d: slowest fused K=1..8 at %.0f%% of copy bandwidth (target >= 85%%)",
                        precision, log2, 100 * worst));
                }
                target(speedup >= 2.0, String.format(Locale.ROOT,
                    "%s n=2^%d: fused K=3 %.2fx faster than unfused (target >= 2x)", precision, log2, speedup));
            } finally {
                for (V v : x) {
                    v.close();
                }
                result.close();
            }
        }
    }

    private void target(boolean met, String line) {
        (met ? meets : misses).add(line);
    }

    private void print(Timing t, Timing copy) {
        out.printf(Locale.ROOT, "%s n=2^%-2d %-30s %9.1f GB/s %5.0f%% of copy  median %8.4f ms [%.4f .. %.4f]%n",
            t.precision(), t.log2n(), t.name(), t.gbPerSecond(), 100 * t.gbPerSecond() / copy.gbPerSecond(),
            t.medianMs(), t.minMs(), t.maxMs());
    }

    /** Times {@code batch} back-to-back calls per sample with CUDA events on the default stream. */
    private Timing time(String name, String precision, int log2, long bytes, int batch, Runnable op) {
        op.run();
        op.run();
        Cu.check(cuCtxSynchronize(), "cuCtxSynchronize");
        final CUevent start = new CUevent();
        final CUevent stop = new CUevent();
        Cu.check(cuEventCreate(start, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate");
        Cu.check(cuEventCreate(stop, CUevent_flags.CU_EVENT_DEFAULT), "cuEventCreate");
        try {
            final double[] ms = new double[samples];
            final float[] elapsed = new float[1];
            for (int s = 0; s < samples; s++) {
                Cu.check(cuEventRecord(start, null), "cuEventRecord");
                for (int b = 0; b < batch; b++) {
                    op.run();
                }
                Cu.check(cuEventRecord(stop, null), "cuEventRecord");
                Cu.check(cuEventSynchronize(stop), "cuEventSynchronize");
                Cu.check(cuEventElapsedTime(elapsed, start, stop), "cuEventElapsedTime");
                ms[s] = elapsed[0] / batch;
            }
            Arrays.sort(ms);
            final double median = samples % 2 == 1 ? ms[samples / 2] : (ms[samples / 2 - 1] + ms[samples / 2]) / 2;
            return new Timing(name, precision, log2, bytes, median, ms[0], ms[samples - 1]);
        } finally {
            cuEventDestroy(start);
            cuEventDestroy(stop);
        }
    }
}
