package org.expint4j.verification.problems.pde;

import org.expint4j.problem.LinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * Base of the periodic pseudo-spectral problems \(u_t = \mathcal{L}u + \mathcal{N}(u)\) on a
 * {@link FourierGrid}: the state is the normalised Fourier coefficients \(\hat u_0, \dots,
 * \hat u_{n/2}\), interleaved (see {@link FourierGrid} for the layout), \(L\) is the diagonal
 * Fourier symbol of \(\mathcal{L}\), and \(N\) is evaluated pseudo-spectrally: transform to the
 * grid, apply the nonlinearity pointwise, transform back, apply derivatives as multipliers.
 *
 * <p>A subclass supplies \(L\) (built with {@link FourierGrid#realDiagonal} or
 * {@link FourierGrid#imaginaryDiagonal}), the initial function, \(N\) (usually from
 * {@link #quadraticFlux} or {@link #gridValues}/{@link #workToCoefficients}) and the recipe of its
 * reference solution. The work array is preallocated, so \(N\) allocates nothing, and an instance
 * is not thread-safe.
 *
 * <p>The problem is both the {@link org.expint4j.verification.problems.BenchmarkProblem} and its
 * own {@link SemilinearProblem}: {@link #problem()} returns {@code this}.
 */
public abstract class FourierProblem implements PdeProblem, SemilinearProblem {

    private final String name;
    private final FourierGrid grid;
    private final LinearPart linearPart;
    private final double t1;
    /** Grid values and their transform, length n + 2 (the in-place FFT layout). */
    private final double[] work;

    /**
     * @param name the registry name
     * @param grid the grid
     * @param linearPart \(L\) on states of length {@code grid.stateLength()}
     * @param t1 the final time of the benchmark, positive
     * @throws IllegalArgumentException if \(L\) has the wrong size or {@code t1} is not positive
     */
    protected FourierProblem(String name, FourierGrid grid, LinearPart linearPart, double t1) {
        if (!(t1 > 0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("final time must be finite and positive, got " + t1);
        }
        linearPart.checkStateLength(grid.stateLength());
        this.name = name;
        this.grid = grid;
        this.linearPart = linearPart;
        this.t1 = t1;
        this.work = new double[grid.stateLength()];
    }

    /** @return the grid */
    public final FourierGrid grid() {
        return grid;
    }

    /**
     * @param x a point of the domain
     * @return the initial function \(u(0, x)\)
     */
    protected abstract double initialValue(double x);

    /**
     * Computes the reference solution at {@link #t1()}; called once per parameter set, the
     * result is cached by {@link #referenceSolution()}.
     *
     * @return the reference state
     */
    protected abstract double[] computeReference();

    /**
     * Grid values of a state, in the internal work array (valid until the next call of a
     * work-array method; entries {@code n} and {@code n+1} are scratch).
     *
     * @param state the coefficients
     * @param cutoff modes \(k &gt; \) {@code cutoff} are treated as zero (for dealiasing; pass
     *     \(n/2\) for none)
     * @return the work array holding \(u(x_j)\) in its first \(n\) entries
     */
    protected final double[] gridValues(double[] state, int cutoff) {
        int n = grid.size();
        int kept = 2 * (Math.min(cutoff, n / 2) + 1);
        // Fold the de-normalisation (x n, exact) into the copy.
        for (int i = 0; i < kept; i++) {
            work[i] = n * state[i];
        }
        for (int i = kept; i < n + 2; i++) {
            work[i] = 0.0;
        }
        grid.fft().inverse(work);
        return work;
    }

    /**
     * Normalised coefficients of the grid values currently in the work array (as left by
     * {@link #gridValues} and modified in place).
     *
     * @param out receives the coefficients, length \(n + 2\)
     */
    protected final void workToCoefficients(double[] out) {
        grid.toCoefficients(work, out);
    }

    /**
     * The conservative quadratic flux \(-\tfrac12 \partial_x (u^2)\) of Burgers, KdV and
     * Kuramoto–Sivashinsky: coefficient \(-\tfrac{i}{2}\kappa_k \widehat{(u^2)}_k\). The Nyquist
     * mode gets zero (odd derivative), so the result is again a real function, and the mean
     * \(k = 0\) gets exactly zero, which is why these problems conserve \(\int u\) to the last bit.
     *
     * @param state the coefficients of \(u\)
     * @param out receives the coefficients of the flux
     * @param cutoff modes \(k &gt; \) {@code cutoff} are zeroed in \(u\) and in the result: \(n/3\)
     *     is the 2/3 dealiasing rule, \(n/2\) none
     */
    protected final void quadraticFlux(double[] state, double[] out, int cutoff) {
        int n = grid.size();
        double[] u = gridValues(state, cutoff);
        for (int j = 0; j < n; j++) {
            u[j] *= u[j];
        }
        grid.fft().forward(u);
        int last = Math.min(cutoff, n / 2 - 1);
        // -(i/2) kappa_k X_k / n, the 1/n normalising the transform.
        double scale = -0.5 / n;
        for (int k = 0; k <= last; k++) {
            double c = scale * grid.wavenumber(k);
            double re = u[2 * k];
            double im = u[2 * k + 1];
            out[2 * k] = -c * im;
            out[2 * k + 1] = c * re;
        }
        for (int i = 2 * (last + 1); i < n + 2; i++) {
            out[i] = 0.0;
        }
    }

    // ---- SemilinearProblem

    @Override
    public final LinearPart linearPart() {
        return linearPart;
    }

    @Override
    public final int getDimension() {
        return grid.stateLength();
    }

    // ---- BenchmarkProblem

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final SemilinearProblem problem() {
        return this;
    }

    @Override
    public final double t0() {
        return 0.0;
    }

    @Override
    public final double t1() {
        return t1;
    }

    @Override
    public final double[] initialState() {
        return grid.sample(this::initialValue);
    }

    @Override
    public final boolean hasExactSolution() {
        return false;
    }

    @Override
    public final double[] exactSolution(double t) {
        throw new UnsupportedOperationException(name + " has no exact solution; use referenceSolution()");
    }

    @Override
    public final double[] referenceSolution() {
        return References.cached(getClass().getName() + '|' + description() + "|t1=" + t1 + '|'
                + referenceDescription(), this::computeReference);
    }

    // ---- PdeProblem

    @Override
    public final double xMin() {
        return grid.xMin();
    }

    @Override
    public final double xMax() {
        return grid.xMin() + grid.length();
    }

    @Override
    public final boolean periodic() {
        return true;
    }

    @Override
    public final double[] gridPoints() {
        return grid.points();
    }

    @Override
    public final void toPhysical(double[] state, double[] values) {
        grid.toValues(state, values);
    }
}
