package org.expint4j.verification.bench;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.expint4j.verification.bench.BenchOptions.Section;
import org.expint4j.verification.bench.FusedSums.Precision;

/**
 * A plain-Java benchmark runner (no JMH): it measures with {@link System#nanoTime()} after a
 * warm-up, repeats every measurement several times and reports the median and the spread (min–max)
 * of the repetitions, in Markdown tables that name the machine. The quantities are those of the
 * JMH suite ({@code verification/src/jmh/java}, built with {@code -Pbenchmarks}): effective
 * bandwidth of the fused sums next to copies, fused against unfused sums, per-step overhead of
 * the drivers and of the DPM-Solver sampler against the bare sums a step needs (and the bytes a
 * step allocates), φ-function throughput, end-to-end Gaussian-mixture sampling, and end-to-end
 * sampling of the shipped ONNX network with the sampler's overhead beside the model's time.
 *
 * <pre>{@code
 * BenchResult r = BenchRunner.run(BenchOptions.quick());
 * System.out.println(r.toMarkdown());
 * }</pre>
 *
 * <p>Wall-clock numbers on a shared or virtual machine are noisy: compare numbers of one run
 * (the ratios are measured side by side for that reason) and look at the spread.
 */
public final class BenchRunner {

    private final BenchOptions options;
    private final Timing timing;
    private final BenchResult result;
    private boolean kernelsWarm;

    private BenchRunner(BenchOptions options) {
        this.options = options;
        final int reps = options.effectiveRepetitions();
        this.timing = options.quick ? new Timing(30_000_000L, 12_000_000L, reps)
            : new Timing(300_000_000L, 100_000_000L, reps);
        this.result = new BenchResult(MachineInfo.describe(), options.command);
    }

    /**
     * Runs the selected measurements.
     *
     * @param options what to measure
     * @return the tables
     */
    public static BenchResult run(BenchOptions options) {
        final BenchRunner r = new BenchRunner(options);
        final long start = System.nanoTime();
        for (Section s : options.sections) {
            switch (s) {
                case BANDWIDTH -> r.bandwidth();
                case FUSION -> r.fusion();
                case THRESHOLD -> r.threshold();
                case DRIVER -> r.driver();
                case DPM_STEP -> r.dpmStep();
                case PHI -> r.phi();
                case GMM -> r.gmm();
                case ONNX -> r.onnx();
                default -> throw new IllegalStateException("unknown section " + s);
            }
        }
        r.result.elapsed(System.nanoTime() - start);
        return r.result;
    }

    /**
     * Command-line entry for use without the CLI: {@code [--quick] [--threads N]
     * [--reps N] [--max-log2n M] [--sections a,b,...]}.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        final BenchOptions o = new BenchOptions();
        final StringBuilder cmd = new StringBuilder("java -cp verification/target/expint.jar "
            + BenchRunner.class.getName());
        for (int i = 0; i < args.length; i++) {
            cmd.append(' ').append(args[i]);
            switch (args[i]) {
                case "--quick" -> o.quick(true);
                case "--threads" -> o.threads(Integer.parseInt(args[++i]));
                case "--reps" -> o.repetitions(Integer.parseInt(args[++i]));
                case "--max-log2n" -> o.maxLog2N(Integer.parseInt(args[++i]));
                case "--sections" -> {
                    final EnumSet<Section> set = EnumSet.noneOf(Section.class);
                    for (String name : args[++i].split(",")) {
                        set.add(Section.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                    }
                    o.sections(set);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            if (i < args.length && !args[i].startsWith("--")) {
                cmd.append(' ').append(args[i]);
            }
        }
        o.command(cmd.toString());
        System.out.print(run(o).toMarkdown());
    }

    // ---------------------------------------------------------------- bandwidth

    /**
     * Compiles every kernel before the first measurement: with short warm-ups (and a busy
     * machine, where the JIT compiler threads wait for a core) a loop would otherwise be measured
     * while still interpreted, or just after a deoptimisation when another term count first
     * appears.
     */
    private void warmKernels() {
        if (kernelsWarm) {
            return;
        }
        for (Precision p : Precision.values()) {
            for (int threads : new int[] {1, Math.max(2, options.threads)}) {
                try (FusedSums f = new FusedSums(p, 1 << 12, 8, true, threads, 1 << 10)) {
                    final long end = System.nanoTime() + (options.quick ? 60_000_000L : 400_000_000L);
                    while (System.nanoTime() < end) {
                        for (int k = 1; k <= 8; k++) {
                            f.fused(k);
                            f.fusedDiagonal(k);
                            f.unfusedInPlace(k);
                            f.unfusedEager(k);
                        }
                        f.copyLoop();
                        f.arraycopy();
                    }
                }
            }
        }
        kernelsWarm = true;
    }

    private void bandwidth() {
        warmKernels();
        final int maxLog = options.effectiveMaxLog2N();
        final int[] logs;
        final int[] ks;
        if (options.quick) {
            logs = new int[] {16, Math.min(22, maxLog)};
            ks = new int[] {1, 2, 3, 4, 8};
        } else {
            final List<Integer> l = new ArrayList<>();
            for (int m = 10; m <= maxLog; m += 2) {
                l.add(m);
            }
            logs = l.stream().mapToInt(Integer::intValue).toArray();
            ks = new int[] {1, 2, 3, 4, 5, 6, 7, 8};
        }
        final int[] threadCounts = options.threads > 1 ? new int[] {1, options.threads} : new int[] {1};
        final List<String> header = new ArrayList<>(List.of("precision", "n", "threads", "arraycopy",
            "copy loop"));
        for (int k : ks) {
            header.add("K=" + k);
        }
        header.add("diag K=2");
        header.add("diag K=3");
        final List<List<String>> rows = new ArrayList<>();
        for (Precision p : Precision.values()) {
            for (int log : logs) {
                for (int threads : threadCounts) {
                    final int n = 1 << log;
                    try (FusedSums f = new FusedSums(p, n, ks[ks.length - 1], true, threads,
                            org.expint4j.vector.DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD)) {
                        final List<String> row = new ArrayList<>(List.of(p.name().toLowerCase(Locale.ROOT),
                            "2^" + log, String.valueOf(threads)));
                        final Timing.Sample copy = timing.measure(f::arraycopy);
                        row.add(gbps(f.copyBytes(), copy));
                        row.add(gbps(f.copyBytes(), timing.measure(f::copyLoop)));
                        for (int k : ks) {
                            row.add(gbps(f.fusedBytes(k), timing.measure(() -> f.fused(k))));
                        }
                        row.add(gbps(f.diagonalBytes(2), timing.measure(() -> f.fusedDiagonal(2))));
                        row.add(gbps(f.diagonalBytes(3), timing.measure(() -> f.fusedDiagonal(3))));
                        rows.add(row);
                    }
                }
            }
        }
        result.add(new BenchResult.Table("Effective bandwidth, GB/s (bytes read + written / time)",
            "A scalar-weighted sum of K terms moves (K+1)·n·b bytes, a per-element one (2K+1)·n·b, a "
                + "copy 2·n·b (b = 8 or 4 bytes; write-allocate traffic not counted). The backend runs "
                + "on `threads` threads above its parallel threshold (2^" + Integer.numberOfTrailingZeros(
                    org.expint4j.vector.DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD) + " by default); the copies "
                + "are split over as many ForkJoin threads.",
            header, rows));
    }

    // ---------------------------------------------------------------- fusion

    private void fusion() {
        warmKernels();
        // 2^24 doubles (128 MiB per vector) is well beyond the last-level cache.
        final int log = 24;
        final int n = 1 << log;
        final int k = 3;
        final int[] threadCounts = options.threads > 1 ? new int[] {1, options.threads} : new int[] {1};
        final List<List<String>> rows = new ArrayList<>();
        for (Precision p : Precision.values()) {
            for (int threads : threadCounts) {
                try (FusedSums f = new FusedSums(p, n, k, false, threads,
                        org.expint4j.vector.DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD)) {
                    final Timing.Sample fused = timing.measure(() -> f.fused(k));
                    final Timing.Sample inPlace = timing.measure(() -> f.unfusedInPlace(k));
                    final Timing.Sample eager = timing.measure(() -> f.unfusedEager(k));
                    rows.add(List.of(p.name().toLowerCase(Locale.ROOT), "2^" + log, String.valueOf(threads),
                        millis(fused), millis(inPlace), millis(eager),
                        ratio(inPlace.median() / fused.median()), ratio(eager.median() / fused.median())));
                }
            }
        }
        result.add(new BenchResult.Table("Fused against unfused, K = 3, ms per sum",
            "Unfused in place: `out = a0*x0; out += a1*x1; out += a2*x2` (3 passes, 8 vectors of "
                + "traffic against 4). Unfused eager: `a0*x0 + a1*x1 + a2*x2` with temporaries, as an "
                + "eager tensor library evaluates it (5 passes, 12 vectors). All variants run on the "
                + "same backend and give the same bits.",
            List.of("precision", "n", "threads", "fused", "unfused in place", "unfused eager",
                "in place / fused", "eager / fused"), rows));
    }

    // ---------------------------------------------------------------- threshold

    private void threshold() {
        if (options.threads < 2) {
            return;
        }
        warmKernels();
        final List<List<String>> rows = new ArrayList<>();
        final int step = options.quick ? 2 : 1;
        // Quick: doubles only, K = 2, every other length.
        final Precision[] precisions = options.quick ? new Precision[] {Precision.DOUBLE} : Precision.values();
        final int[] ks = options.quick ? new int[] {2} : new int[] {2, 3};
        for (Precision p : precisions) {
            for (int log = options.quick ? 12 : 10; log <= 22; log += step) {
                final int n = 1 << log;
                // Threshold 1: the multi-threaded instance splits every length.
                try (FusedSums one = new FusedSums(p, n, 3, false, 1, 1);
                     FusedSums all = new FusedSums(p, n, 3, false, options.threads, 1)) {
                    for (int k : ks) {
                        final Timing.Sample serial = timing.measure(() -> one.fused(k));
                        final Timing.Sample parallel = timing.measure(() -> all.fused(k));
                        rows.add(List.of(p.name().toLowerCase(Locale.ROOT), "2^" + log, String.valueOf(k),
                            micros(serial), micros(parallel), ratio(serial.median() / parallel.median())));
                    }
                }
            }
        }
        result.add(new BenchResult.Table("Multi-threading threshold: one thread against " + options.threads
                + ", µs per fused sum",
            "The multi-threaded instance is built with threshold 1, so it splits every length; "
                + "speed-up = single / multi. The default threshold should lie where the speed-up "
                + "passes 1 and stays there.",
            List.of("precision", "n", "K", "1 thread", options.threads + " threads", "speed-up"), rows));
    }

    // ---------------------------------------------------------------- drivers

    private void driver() {
        final int[] sizes = options.quick ? new int[] {1_000, 100_000, 1_000_000}
            : new int[] {1_000, 10_000, 100_000, 1_000_000, 10_000_000};
        final String[] methods = {"etd1", "etdrk4", "abnorsett3"};
        final List<List<String>> rows = new ArrayList<>();
        for (int threads : stepThreads()) {
            for (DriverWorkload.Kind kind : DriverWorkload.Kind.values()) {
                for (String method : methods) {
                    for (int n : sizes) {
                        if (options.quick && kind == DriverWorkload.Kind.DIAGONAL && !method.equals("etd1")) {
                            continue;
                        }
                        try (DriverWorkload w = new DriverWorkload(method, kind, n, threads)) {
                            final int steps = stepsFor(n * (long) sum(w.rowTerms()));
                            final int from = Math.max(3, steps / 10);
                            final Timing.Sample step = timing.measureProbe(2, () -> {
                                w.run(steps, from);
                                return w.clock().nanosPerStep();
                            });
                            final double bytes = w.clock().bytesPerStep();
                            final Timing.Sample bare = timing.measure(w::bareStep);
                            rows.add(List.of(kind.name().toLowerCase(Locale.ROOT), method, String.valueOf(n),
                                String.valueOf(threads), java.util.Arrays.toString(w.rowTerms()), micros(step),
                                micros(bare), ratio(step.median() / bare.median()),
                                String.format(Locale.ROOT, "%.0f", bytes)));
                        }
                    }
                }
            }
        }
        result.add(new BenchResult.Table("FixedStepIntegrator: time per step against the bare fused sums, µs",
            "Trivial N (fills each stage buffer once, then writes nothing), so a step is its fused sums plus the driver's own work. `sums` "
                + "lists the term counts K of the step's fused sums; `bare` runs exactly those sums on the "
                + "backend. Steps are timed inside the run by an observer, after the first tenth. "
                + "Allocation: bytes the calling thread allocated per step (worker threads not counted).",
            List.of("L", "method", "n", "threads", "sums", "step", "bare sums", "step / bare", "bytes/step"), rows));
    }

    /** Threads of the per-step measurements: 1 (quick), 1 and all (full). */
    private int[] stepThreads() {
        return options.quick || options.threads == 1 ? new int[] {1} : new int[] {1, options.threads};
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    /** Steps so that a run moves about 2·10^8 (quick: 5·10^7) elements, between 12 and 3000. */
    private int stepsFor(long elementsPerStep) {
        final long budget = options.quick ? 50_000_000L : 200_000_000L;
        return (int) Math.max(12, Math.min(3000, budget / Math.max(1, elementsPerStep)));
    }

    private void dpmStep() {
        final int[] sizes = options.quick ? new int[] {1_000, 100_000, 1_000_000}
            : new int[] {1_000, 10_000, 100_000, 1_000_000, 10_000_000};
        final List<List<String>> rows = new ArrayList<>();
        for (int threads : stepThreads()) {
            for (int n : sizes) {
                try (DpmWorkload w = new DpmWorkload(n, threads)) {
                    final int steps = Math.max(12, stepsFor(9L * n));
                    final int from = 3;
                    final Timing.Sample step = timing.measureProbe(2, () -> {
                        w.run(steps, from);
                        return w.clock().nanosPerStep();
                    });
                    final double bytes = w.clock().bytesPerStep();
                    final Timing.Sample bare = timing.measure(w::bareStep);
                    final Timing.Sample model = timing.measure(w::model);
                    rows.add(List.of(String.valueOf(n), String.valueOf(threads), String.valueOf(steps), micros(step),
                        micros(bare), micros(model), ratio(step.median() / bare.median()),
                        String.format(Locale.ROOT, "%.0f", bytes)));
                }
            }
        }
        result.add(new BenchResult.Table("DPM-Solver++(2M) sampler: time per step against a hand-written step, µs",
            "Model: eps = x (one copy pass). `bare`: model + data prediction (K=2) + update (K=3) in "
                + "x-space, what any implementation must do. Steps after the third are timed inside the "
                + "run. Allocation: bytes the calling thread allocated per step.",
            List.of("n", "threads", "steps", "step", "bare step", "model alone", "step / bare", "bytes/step"),
            rows));
    }

    // ---------------------------------------------------------------- phi

    private void phi() {
        final int maxK = 4;
        final List<List<String>> rows = new ArrayList<>();
        final PhiWorkload small = new PhiWorkload(maxK, 1_000, 64);
        // Compile every path first: the first measurement would otherwise time the interpreter.
        final long end = System.nanoTime() + (options.quick ? 150_000_000L : 1_000_000_000L);
        while (System.nanoTime() < end) {
            for (int i = 0; i < 200; i++) {
                small.scalarAll();
                small.scalarEach();
            }
            small.diagonal();
            small.complexDiagonal();
        }
        small.dense();
        final Timing.Sample all = timing.measure(small::scalarAll);
        rows.add(List.of("scalar, φ0..φ4 at once (Phi.phi(z, out))", "1", nanos(all), perSecond(all, 1)));
        final Timing.Sample each = timing.measure(small::scalarEach);
        rows.add(List.of("scalar, φ0..φ4 one by one (Phi.phi(k, z))", "1", nanos(each), perSecond(each, 1)));
        for (int n : options.quick ? new int[] {1_000, 100_000} : new int[] {1_000, 10_000, 100_000, 1_000_000}) {
            final PhiWorkload w = n == 1_000 ? small : new PhiWorkload(maxK, n, 8);
            final Timing.Sample d = timing.measure(w::diagonal);
            rows.add(List.of("real diagonal, φ0..φ4", String.valueOf(n), micros(d), perSecond(d, n)));
            final Timing.Sample c = timing.measure(w::complexDiagonal);
            rows.add(List.of("complex diagonal, φ0..φ4", String.valueOf(n), micros(c), perSecond(c, n)));
        }
        final Timing.Sample dense = timing.measure(small::dense);
        rows.add(List.of("dense 64×64, φ0..φ4 (augmented 320×320 expm)", "64×64", micros(dense),
            perSecond(dense, 1)));
        result.add(new BenchResult.Table("φ-functions: time per call and arguments per second",
            "Time per call (ns for scalars, µs otherwise). What a stepper's weight cache saves each step "
                + "with an unchanged step size: one call per distinct node scale.",
            List.of("what", "size", "time per call", "arguments/s"), rows));
    }

    // ---------------------------------------------------------------- GMM

    private void gmm() {
        final int dimension = 64;
        final int components = 8;
        final int batch = 4096;
        final int[] nfes = options.quick ? new int[] {10} : new int[] {10, 20};
        final int[] modelThreads = options.threads > 1 ? new int[] {1, options.threads} : new int[] {1};
        final List<List<String>> rows = new ArrayList<>();
        final Timing gmmTiming = new Timing(0, 0, options.quick ? 3 : options.effectiveRepetitions());
        for (int mt : modelThreads) {
            try (GmmWorkload w = new GmmWorkload(dimension, components, batch, options.threads, mt)) {
                for (int nfe : nfes) {
                    final long[] model = new long[gmmTiming.repetitions() + 1];
                    final int[] rep = {0};
                    final Timing.Sample total = gmmTiming.measureProbe(1, () -> {
                        w.resetModelClock();
                        final long t0 = System.nanoTime();
                        w.sample(nfe);
                        final long elapsed = System.nanoTime() - t0;
                        model[Math.min(rep[0]++, model.length - 1)] = w.modelNanos();
                        return elapsed;
                    });
                    final double[] share = new double[model.length - 1];
                    final double[] totals = total.nanos();
                    // Shares of the measured repetitions (the first probe call was the warm-up).
                    for (int i = 1; i < model.length; i++) {
                        share[i - 1] = model[i];
                    }
                    java.util.Arrays.sort(share);
                    final double modelMedian = share[share.length / 2];
                    final double perSample = total.median() / batch;
                    rows.add(List.of(String.valueOf(nfe), String.valueOf(mt), String.valueOf(options.threads),
                        String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", total.median() / 1e6, totals[0] / 1e6,
                            totals[totals.length - 1] / 1e6),
                        String.format(Locale.ROOT, "%.0f", 1e9 / perSample),
                        String.format(Locale.ROOT, "%.1f", modelMedian / 1e6),
                        String.format(Locale.ROOT, "%.1f %%", 100 * modelMedian / total.median()),
                        String.format(Locale.ROOT, "%.1f %%", 100 * (1 - modelMedian / total.median()))));
                }
            }
        }
        result.add(new BenchResult.Table("Gaussian mixture (D = 64, K = 8), batch 4096, DPM-Solver++(2M)",
            "Model time is measured around each model call inside the same runs; the solver share is "
                + "the rest (stepper sums, x/y scaling, φ-weights, grids).",
            List.of("NFE", "model threads", "solver threads", "ms per batch", "samples/s", "model ms",
                "model share", "solver share"), rows));
    }

    // ---------------------------------------------------------------- ONNX

    private void onnx() {
        final int batch = 4096;
        final int nfe = 20;
        final int reps = options.effectiveRepetitions();
        // Runs of 0.1-0.2 s: a handful of warm-ups leaves the sampler's code to the interpreter and
        // C1 (measured: 1.5-8 ms of overhead per run after 2 warm-ups, about 1-2 ms after 10).
        final int warmups = options.quick ? 10 : 30;
        // {order, label (-1: unconditional)}; quick: unconditional 2M only (about 2 s).
        final int[][] cases = options.quick ? new int[][] {{2, -1}}
            : new int[][] {{2, -1}, {3, -1}, {2, 2}, {3, 2}};
        final double scale = 2;
        final List<List<String>> rows = new ArrayList<>();
        for (int[] c : cases) {
            try (OnnxWorkload w = new OnnxWorkload(batch, c[0], c[1], scale)) {
                final OnnxWorkload.Runs runs = w.measure(nfe, warmups, reps);
                final Timing.Sample overhead = runs.overhead();
                rows.add(List.of(c[1] < 0 ? "unconditional" : "class " + c[1] + ", CFG " + (int) scale,
                    "DPM-Solver++(" + c[0] + "M)", String.valueOf(nfe), millis(runs.total()), millis(runs.model()),
                    millis(runs.overheadNanos()),
                    String.format(Locale.ROOT, "%.2f %% [%.2f–%.2f]", 100 * overhead.median(), 100 * overhead.min(),
                        100 * overhead.max()),
                    String.format(Locale.ROOT, "%.0f", batch * 1e9 / runs.total().median()),
                    runs.bytesPerRun() < 0 ? "n/a" : String.valueOf(runs.bytesPerRun())));
            }
        }
        result.add(new BenchResult.Table("Shipped ONNX model (float32 graph), batch " + batch + ", " + nfe
                + " NFE: sampler overhead",
            "One sample() call per repetition (" + reps + " after " + warmups + " warm-up runs), double "
                + "states, serial backend, log-SNR grid; ONNX Runtime with its default threads. Model time is "
                + "measured around every model call inside the same runs (it includes the view's copies to "
                + "and from float tensors); overhead = (total − model) / total of each run: the wrapper, "
                + "guidance, sums, φ-weights and grid. Guided rows evaluate a doubled batch of " + 2 * batch
                + " per call. Bytes: allocated by the calling thread per run (ONNX Runtime's native memory "
                + "not counted).",
            List.of("case", "solver", "NFE", "ms per batch", "model ms", "overhead ms", "overhead", "samples/s",
                "bytes/run"), rows));
    }

    // ---------------------------------------------------------------- formatting

    private static String gbps(long bytes, Timing.Sample s) {
        return String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", bytes / s.median(), bytes / s.max(),
            bytes / s.min());
    }

    private static String millis(Timing.Sample s) {
        return String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", s.median() / 1e6, s.min() / 1e6, s.max() / 1e6);
    }

    private static String micros(Timing.Sample s) {
        return String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", s.median() / 1e3, s.min() / 1e3, s.max() / 1e3);
    }

    private static String nanos(Timing.Sample s) {
        return String.format(Locale.ROOT, "%.0f [%.0f–%.0f]", s.median(), s.min(), s.max());
    }

    private static String perSecond(Timing.Sample s, int perCall) {
        return String.format(Locale.ROOT, "%.3g", perCall * 1e9 / s.median());
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
