package org.expint4j.verification.bench;

import java.util.Arrays;

/**
 * Wall-clock measurement with {@link System#nanoTime()}: a warm-up, then several repetitions,
 * each long enough that the timer's resolution does not matter; the result is the time per
 * operation of every repetition, summarised by its median and spread.
 */
public final class Timing {

    /** An operation to time; it must allocate nothing if allocation is to be measured too. */
    @FunctionalInterface
    public interface Op {
        /** Runs the operation once. */
        void run();
    }

    /**
     * Times per operation of the repetitions of one measurement.
     *
     * @param nanos nanoseconds per operation, one entry per repetition (sorted)
     */
    public record Sample(double[] nanos) {

        /** @return the median, in nanoseconds per operation */
        public double median() {
            final int n = nanos.length;
            return n % 2 == 1 ? nanos[n / 2] : 0.5 * (nanos[n / 2 - 1] + nanos[n / 2]);
        }

        /** @return the fastest repetition */
        public double min() {
            return nanos[0];
        }

        /** @return the slowest repetition */
        public double max() {
            return nanos[nanos.length - 1];
        }

        /** @return (max - min) / median, the relative spread of the repetitions */
        public double spread() {
            return (max() - min()) / median();
        }
    }

    private final long warmupNanos;
    private final long repetitionNanos;
    private final int repetitions;

    /**
     * @param warmupNanos time spent running the operation before measuring
     * @param repetitionNanos minimum duration of one repetition
     * @param repetitions number of repetitions, {@code >= 1}
     */
    public Timing(long warmupNanos, long repetitionNanos, int repetitions) {
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions = " + repetitions + ", must be >= 1");
        }
        this.warmupNanos = warmupNanos;
        this.repetitionNanos = repetitionNanos;
        this.repetitions = repetitions;
    }

    /** @return the number of repetitions */
    public int repetitions() {
        return repetitions;
    }

    /**
     * Measures an operation.
     *
     * @param op the operation
     * @return the time per operation of each repetition
     */
    public Sample measure(Op op) {
        // Warm-up, and a first estimate of the time per operation.
        long calls = 0;
        final long start = System.nanoTime();
        long now = start;
        do {
            op.run();
            calls++;
            now = System.nanoTime();
        } while (now - start < warmupNanos || calls < 2);
        final double estimate = Math.max(1.0, (now - start) / (double) calls);
        final long perRepetition = Math.max(1, (long) Math.ceil(repetitionNanos / estimate));
        final double[] nanos = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            final long t0 = System.nanoTime();
            for (long c = 0; c < perRepetition; c++) {
                op.run();
            }
            nanos[r] = (System.nanoTime() - t0) / (double) perRepetition;
        }
        Arrays.sort(nanos);
        return new Sample(nanos);
    }

    /**
     * Measures a quantity computed by a probe, one value per repetition (for example the time per
     * step that a driver's observer recorded inside a run).
     *
     * @param warmups number of probe calls discarded first
     * @param probe returns one measured value
     * @return the values of the repetitions
     */
    public Sample measureProbe(int warmups, java.util.function.DoubleSupplier probe) {
        for (int i = 0; i < warmups; i++) {
            probe.getAsDouble();
        }
        final double[] values = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
            values[r] = probe.getAsDouble();
        }
        Arrays.sort(values);
        return new Sample(values);
    }
}
