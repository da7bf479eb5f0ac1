package org.expint4j.cuda.check;

import org.expint4j.cuda.Cu;
import org.expint4j.cuda.CudaAvailability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The self-contained GPU check: probes CUDA, compares every kernel with the CPU backend, times the
 * fused sums against a device-to-device copy, checks the Gaussian-mixture model and whole
 * DPM-Solver runs on the device against the CPU, benchmarks end-to-end sampling on both backends
 * ({@link SamplingBenchmark}), and prints a report (also written to a file).
 *
 * <pre>
 * java -jar solver-cuda-gpu-check.jar [--report FILE] [--quick] [--min-log2 N] [--max-log2 N]
 *                                     [--samples S] [--no-bench] [--no-compare] [--no-sampling]
 *                                     [--sampling-max-log2 N] [--sampling-cpu-max-log2 N]
 * </pre>
 *
 * <p>Exit status: 0 all comparisons bit-identical (the vector operations) or within their stated
 * bounds (the Gaussian-mixture model, whole sampling runs); 1 a comparison fails; 2 CUDA
 * unavailable (the report says {@code unavailable: <reason>}); 3 the check itself failed (stack
 * trace in the report); 64 bad arguments. Performance targets are reported, not enforced.
 */
public final class GpuCheck {

    private GpuCheck() {
    }

    /**
     * @param args options, see the class documentation
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** @return the exit status */
    static int run(String[] args, PrintStream console) {
        Path report = null;
        int minLog2 = 20;
        int maxLog2 = 28;
        int samples = 7;
        boolean bench = true;
        boolean compare = true;
        boolean sampling = true;
        int samplingMaxLog2 = 20;
        int samplingCpuMaxLog2 = 18;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--report" -> report = Paths.get(args[++i]);
                    case "--quick" -> {
                        maxLog2 = 24;
                        samples = 5;
                        samplingMaxLog2 = 16;
                        samplingCpuMaxLog2 = 14;
                    }
                    case "--no-sampling" -> sampling = false;
                    case "--sampling-max-log2" -> samplingMaxLog2 = Integer.parseInt(args[++i]);
                    case "--sampling-cpu-max-log2" -> samplingCpuMaxLog2 = Integer.parseInt(args[++i]);
                    case "--min-log2" -> minLog2 = Integer.parseInt(args[++i]);
                    case "--max-log2" -> maxLog2 = Integer.parseInt(args[++i]);
                    case "--samples" -> samples = Integer.parseInt(args[++i]);
                    case "--no-bench" -> bench = false;
                    case "--no-compare" -> compare = false;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (minLog2 < 10 || maxLog2 > 30 || samples < 1 || samplingMaxLog2 < 10 || samplingMaxLog2 > 24
                    || samplingCpuMaxLog2 < 10 || samplingCpuMaxLog2 > 24) {
                throw new IllegalArgumentException("need 10 <= min-log2, max-log2 <= 30, samples >= 1,"
                    + " 10 <= sampling-max-log2, sampling-cpu-max-log2 <= 24");
            }
        } catch (RuntimeException e) {
            console.println("usage: GpuCheck [--report FILE] [--quick] [--min-log2 N] [--max-log2 N] [--samples S]"
                + " [--no-bench] [--no-compare] [--no-sampling] [--sampling-max-log2 N] [--sampling-cpu-max-log2 N]: "
                + e.getMessage());
            return 64;
        }
        final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(new Tee(console, copy), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = check(out, minLog2, maxLog2, samples, bench, compare,
                sampling ? new SamplingBenchmark(out, 10, samplingMaxLog2, samplingCpuMaxLog2) : null);
        } catch (Throwable t) { // NOPMD: report whatever happened on the device
            out.println("CHECK FAILED: " + t);
            t.printStackTrace(out);
            status = 3;
        }
        out.flush();
        if (report != null) {
            try {
                if (report.getParent() != null) {
                    Files.createDirectories(report.getParent());
                }
                Files.write(report, copy.toByteArray());
                console.println("report written to " + report);
            } catch (IOException e) {
                console.println("cannot write the report to " + report + ": " + e);
                status = status == 0 ? 3 : status;
            }
        }
        return status;
    }

    private static int check(PrintStream out, int minLog2, int maxLog2, int samples, boolean bench,
                             boolean compare, SamplingBenchmark sampling) {
        out.println("expint4j GPU check, " + Instant.now());
        out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
            + "), " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
            + Runtime.getRuntime().availableProcessors() + " CPUs");
        final long t0 = System.nanoTime();
        final CudaAvailability probe = CudaAvailability.probe();
        out.printf(Locale.ROOT, "probe (%.2f s): %s%n", seconds(t0), probe);
        if (!probe.isAvailable()) {
            out.println("status: " + probe.status());
            return 2;
        }
        out.println("device: " + probe.device());
        out.println("driver: CUDA " + Cu.release(probe.driverVersion()) + " (" + probe.driverVersion() + ")");
        out.println("kernels: " + probe.kernelImage() + ", built by nvcc "
            + CudaAvailability.kernelCompiler());
        int different = 0;
        if (compare) {
            out.println();
            out.println("== correctness: every operation vs the CPU backend (claim: bit-identical) ==");
            final long t1 = System.nanoTime();
            final List<CpuComparison.Result> results = new CpuComparison((1 << 20) + 6, 42).runAll();
            for (CpuComparison.Result r : results) {
                out.println(r);
                if (!r.identical()) {
                    different++;
                }
            }
            out.printf(Locale.ROOT, "%d comparisons, %d different (%.1f s)%n", results.size(), different,
                seconds(t1));
        }
        final List<String> meets = new ArrayList<>();
        final List<String> misses = new ArrayList<>();
        if (bench) {
            out.println();
            out.println("== bandwidth: fused weighted sums vs device-to-device copy (CUDA events, "
                + samples + " samples, median [min .. max] per call) ==");
            final long t2 = System.nanoTime();
            final Bandwidth b = new Bandwidth(out, samples);
            b.run(minLog2, maxLog2);
            meets.addAll(b.meets());
            misses.addAll(b.misses());
            out.printf(Locale.ROOT, "(%.1f s)%n", seconds(t2));
        }
        if (sampling != null) {
            out.println();
            out.println("== Gaussian-mixture model and DPM-Solver sampling: device vs CPU (claim: within the"
                + " agreement bound; whole runs within the sampling tolerance) ==");
            final long t3 = System.nanoTime();
            sampling.model();
            sampling.sampling();
            out.printf(Locale.ROOT, "(%.1f s)%n", seconds(t3));
            out.println();
            out.println("== end-to-end DPM-Solver sampling throughput: GPU vs CPU ==");
            final long t4 = System.nanoTime();
            sampling.throughput();
            out.printf(Locale.ROOT, "(%.1f s)%n", seconds(t4));
        }
        out.println();
        out.println("== summary ==");
        out.println(compare ? (different == 0 ? "PASS correctness: all comparisons bit-identical"
            : "FAIL correctness: " + different + " comparisons differ") : "correctness not run");
        if (sampling != null) {
            out.println(sampling.failures().isEmpty()
                ? "PASS Gaussian-mixture model within its bound, sampling runs within tolerance"
                : "FAIL Gaussian-mixture/sampling: " + String.join("; ", sampling.failures()));
            for (String f : sampling.findings()) {
                out.println("found  " + f);
            }
        }
        for (String m : meets) {
            out.println("met    " + m);
        }
        for (String m : misses) {
            out.println("missed " + m);
        }
        out.printf(Locale.ROOT, "total %.1f s%n", seconds(t0));
        return different == 0 && (sampling == null || sampling.failures().isEmpty()) ? 0 : 1;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
