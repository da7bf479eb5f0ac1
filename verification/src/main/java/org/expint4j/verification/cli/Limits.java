package org.expint4j.verification.cli;

import java.util.Locale;

/**
 * The limits of the command line, stated in the options' help and in docs/user-guide.md
 * ("Command line: output files and limits"): sizes above them are refused before any work, with
 * the value and the limit, instead of running for days or failing with an out-of-memory error.
 */
public final class Limits {

    /** Most steps of one {@code solve} run (t_end / h): about ten minutes of the cheapest problem. */
    public static final long MAX_SOLVE_STEPS = 10_000_000;

    /** Most steps of one rung of {@code order} (2^20): minutes per method on the library problems. */
    public static final int MAX_ORDER_STEPS = 1 << 20;

    /** {@code bench --threads} may be at most this many times the available processors. */
    public static final int THREADS_PER_PROCESSOR = 4;

    /** Heap kept for the JVM, the libraries and small buffers, beyond a command's large arrays. */
    private static final long RESERVE_BYTES = 16L << 20;

    private Limits() {
    }

    /**
     * Refuses, before allocating, a run whose arrays do not fit: {@code vectors} arrays of
     * {@code values} doubles each, plus a reserve, against {@link Runtime#maxMemory()}.
     *
     * @param what the options that set the size, with their values, e.g. {@code "--samples 1000000"}
     * @param values values of one array (a batch of samples)
     * @param vectors arrays of that size alive at once (state, stages or history, model output, ...)
     * @throws IllegalArgumentException naming {@code what}, the memory needed and the JVM's limit
     */
    public static void requireHeap(String what, long values, int vectors) {
        if (values > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(what + " is too large: " + values
                    + " values exceed the largest Java array (2^31 - 1)");
        }
        double needed = (double) values * Double.BYTES * vectors + RESERVE_BYTES;
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s needs about %s of memory, the JVM may "
                    + "use %s (use smaller values, or raise it with EXPINT_JAVA_OPTS=-Xmx...)", what, bytes(needed),
                    bytes(available)));
        }
    }

    /** @return a size in MB or GB, two significant digits */
    static String bytes(double b) {
        return b >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", b / 1e9) : String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }
}
