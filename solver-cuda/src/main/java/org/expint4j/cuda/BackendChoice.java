package org.expint4j.cuda;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;
import org.expint4j.vector.VectorOps;

/**
 * The vector backend picked for a run, and why.
 *
 * <pre>{@code
 * try (BackendChoice choice = BackendChoice.auto(Precision.DOUBLE)) {
 *     System.out.println(choice);   // "cuda: NVIDIA H100 ..." or "cpu: CUDA unavailable: ..."
 *     run(choice.ops());            // a generic <V> method taking VectorOps<V>
 * }
 * }</pre>
 *
 * <p>The mode comes from the system property {@code expint4j.backend}: {@code auto} (the
 * default: CUDA when {@link CudaAvailability#probe()} says it works, else the multi-threaded CPU
 * backend), {@code cpu}, or {@code cuda} (fails if CUDA is unavailable). The two backends use
 * different vector types ({@code double[]} or device vectors), hence the wildcard: pass
 * {@link #ops()} to a generic method.
 *
 * @param ops the backend; closing the choice closes it
 * @param kind which backend it is
 * @param reason one line saying why it was chosen
 */
public record BackendChoice(VectorOps<?> ops, Kind kind, String reason) implements AutoCloseable {

    /** The two backends. */
    public enum Kind {
        /** {@link DoubleVectorOps} or {@link FloatVectorOps}. */
        CPU,
        /** {@link CudaVectorOps}. */
        CUDA
    }

    /** The system property naming the mode: {@code auto}, {@code cpu} or {@code cuda}. */
    public static final String PROPERTY = "expint4j.backend";

    /**
     * @param precision the precision of the vectors
     * @return the backend the {@code expint4j.backend} property asks for, {@code auto} by default
     */
    public static BackendChoice auto(Precision precision) {
        return select(System.getProperty(PROPERTY, "auto"), precision);
    }

    /**
     * @param mode {@code auto}, {@code cpu} or {@code cuda} (case-insensitive)
     * @param precision the precision of the vectors
     * @return the chosen backend
     * @throws IllegalArgumentException for an unknown mode
     * @throws IllegalStateException if {@code cuda} is asked for and unavailable, with the reason
     */
    public static BackendChoice select(String mode, Precision precision) {
        return choose(mode, precision, CudaAvailability::probe,
            p -> p == Precision.DOUBLE ? CudaVectorOps.forDouble() : CudaVectorOps.forFloat());
    }

    /** The decision, with the probe and the CUDA factory as parameters for tests. */
    static BackendChoice choose(String mode, Precision precision, Supplier<CudaAvailability> probe,
                                Function<Precision, VectorOps<?>> cuda) {
        if (precision == null) {
            throw new IllegalArgumentException("precision is null");
        }
        final String m = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
        switch (m) {
            case "cpu":
                return cpu(precision, "requested by " + PROPERTY + "=cpu");
            case "cuda": {
                final CudaAvailability a = probe.get();
                if (!a.isAvailable()) {
                    throw new IllegalStateException(PROPERTY + "=cuda but CUDA is unavailable: " + a.reason());
                }
                return new BackendChoice(cuda.apply(precision), Kind.CUDA, "requested by " + PROPERTY
                    + "=cuda: " + a.reason());
            }
            case "auto": {
                final CudaAvailability a = probe.get();
                if (a.isAvailable()) {
                    return new BackendChoice(cuda.apply(precision), Kind.CUDA, a.reason());
                }
                return cpu(precision, "CUDA unavailable: " + a.reason());
            }
            default:
                throw new IllegalArgumentException(PROPERTY + " = '" + mode
                    + "', expected auto, cpu or cuda");
        }
    }

    private static BackendChoice cpu(Precision precision, String reason) {
        final VectorOps<?> ops = precision == Precision.DOUBLE ? new DoubleVectorOps() : new FloatVectorOps();
        return new BackendChoice(ops, Kind.CPU, reason);
    }

    /** Closes the backend. */
    @Override
    public void close() {
        ops.close();
    }

    /** @return e.g. {@code "cpu-double: CUDA unavailable: ..."} */
    @Override
    public String toString() {
        return ops.name() + ": " + reason;
    }
}
