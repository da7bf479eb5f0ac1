package org.expint4j.verification.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.SplittableRandom;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.method.NumericTableau;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;

/**
 * The per-step overhead of {@link FixedStepIntegrator}: a run with a trivial nonlinearity (it
 * writes each buffer once, so a step costs exactly its fused sums plus whatever the driver adds), next to
 * the bare fused sums that one step of the method needs, executed directly on the backend with
 * the same term counts. The ratio of the two is the driver's overhead.
 */
public final class DriverWorkload implements AutoCloseable {

    /** The representation of the linear part. */
    public enum Kind {
        /** \(L = -I\): scalar weights. */
        SCALAR,
        /** \(L = \mathrm{diag}(d)\): per-element weights. */
        DIAGONAL
    }

    /** Output buffers the trivial nonlinearity has filled (by identity; lookups do not allocate). */
    private final Set<double[]> filled = Collections.newSetFromMap(new IdentityHashMap<>());
    /**
     * A trivial N: it fills each output buffer once with non-zero data and then leaves it as it
     * is. (An N that never writes would leave the stage buffers untouched zero pages, which read
     * from no memory at all and make a step look cheaper than its sums.)
     */
    private final Nonlinearity<double[]> trivial = (t, u, out) -> {
        if (filled.add(out)) {
            Arrays.fill(out, 0.5);
        }
    };

    private final Kind kind;
    private final int n;
    private final DoubleVectorOps ops;
    private final FixedStepIntegrator<double[]> integrator;
    private final StepClock<double[]> clock = new StepClock<>();
    private final LinearPart linearPart;
    private final double[] u0;
    private final double[] out;
    private final int[] rowTerms;
    // The bare sums' operands: state, stage values, output; scalar or per-element weights.
    private final double[][] inputs;
    private final double[][] weights;
    private final double[] coefficients;
    private final double[] bareOut;

    /**
     * @param methodName a name of {@link MethodRegistry}, or {@code abnorsettQ} for the
     *     exponential Adams method of order Q with warm-up start
     * @param kind scalar or diagonal linear part
     * @param n state length
     * @param threads backend threads
     */
    public DriverWorkload(String methodName, Kind kind, int n, int threads) {
        this.kind = kind;
        this.n = n;
        final ExponentialMethod method = method(methodName);
        this.ops = threads > 1 ? new DoubleVectorOps(threads, DoubleVectorOps.DEFAULT_PARALLEL_THRESHOLD)
            : DoubleVectorOps.serial();
        this.integrator = new FixedStepIntegrator<>(method, ops).addObserver(clock);
        final SplittableRandom rnd = new SplittableRandom(7);
        u0 = new double[n];
        for (int i = 0; i < n; i++) {
            u0[i] = rnd.nextDouble() - 0.5;
        }
        out = new double[n];
        if (kind == Kind.SCALAR) {
            linearPart = new ScalarLinearPart(-1);
        } else {
            final double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = -1 - (i % 1000);
            }
            linearPart = new DiagonalLinearPart(d);
        }
        rowTerms = rowTerms(method);
        int maxTerms = 0;
        for (int t : rowTerms) {
            maxTerms = Math.max(maxTerms, t);
        }
        inputs = new double[maxTerms][];
        weights = kind == Kind.DIAGONAL ? new double[maxTerms][] : null;
        coefficients = new double[maxTerms];
        for (int j = 0; j < maxTerms; j++) {
            inputs[j] = new double[n];
            for (int i = 0; i < n; i++) {
                inputs[j][i] = rnd.nextDouble() - 0.5;
            }
            coefficients[j] = 0.25 + 0.1 * j;
            if (weights != null) {
                weights[j] = new double[n];
                Arrays.fill(weights[j], 0.25 + 0.1 * j);
            }
        }
        bareOut = new double[n];
    }

    static ExponentialMethod method(String name) {
        if (name.startsWith("abnorsett")) {
            return new ExponentialAdams(Integer.parseInt(name.substring("abnorsett".length())),
                ExponentialAdams.Startup.WARM_UP);
        }
        return MethodRegistry.byName(name);
    }

    /** Term counts of the fused sums of one step: every stage row and the output row. */
    static int[] rowTerms(ExponentialMethod method) {
        if (method instanceof ExponentialAdams adams) {
            return new int[] {adams.order() + 1};
        }
        if (!(method instanceof ExponentialRungeKuttaMethod erk)) {
            throw new IllegalArgumentException("no bare-sum model for " + method.name());
        }
        final NumericTableau t = NumericTableau.of(erk.tableau());
        final int s = t.stages();
        final int[] rows = new int[s];
        for (int row = 1; row <= s; row++) {
            final int r = row < s ? row : t.outputRow();
            final int width = row < s ? row : s;
            int terms = 1;
            for (int j = 0; j < width; j++) {
                if (t.terms(r, j) > 0) {
                    terms++;
                }
            }
            rows[row - 1] = terms;
        }
        return rows;
    }

    /** @return the term counts of the step's sums, e.g. {@code [2]} for exponential Euler */
    public int[] rowTerms() {
        return rowTerms.clone();
    }

    /** @return bytes one step's bare sums move (K+1 or 2K+1 vectors per sum) */
    public long bareBytes() {
        long elements = 0;
        for (int k : rowTerms) {
            elements += kind == Kind.SCALAR ? k + 1 : 2L * k + 1;
        }
        return elements * n * Double.BYTES;
    }

    /**
     * Runs the driver for {@code steps} steps of size 0.01 and records the steps after
     * {@code from}.
     *
     * @param steps number of steps
     * @param from the first {@code from} steps are not timed, {@code 1 <= from < steps}
     */
    public void run(int steps, int from) {
        clock.arm(from, steps);
        integrator.integrate(linearPart, trivial, u0, 0.0, 0.01 * steps, steps, out);
    }

    /** @return the clock of the last {@link #run} */
    public StepClock<double[]> clock() {
        return clock;
    }

    /** Executes the bare fused sums of one step, with the step's term counts. */
    public void bareStep() {
        for (int k : rowTerms) {
            if (weights == null) {
                ops.linearCombination(coefficients, inputs, k, bareOut);
            } else {
                ops.diagonalCombination(weights, inputs, k, bareOut);
            }
        }
    }

    /** @return one element of the outputs, for a benchmark to consume */
    public double probe() {
        return out[n / 2] + bareOut[n / 2];
    }

    @Override
    public void close() {
        ops.close();
    }
}
