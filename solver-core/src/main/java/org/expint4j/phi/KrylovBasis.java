package org.expint4j.phi;

import org.expint4j.vector.VectorOps;

/**
 * An orthonormal Krylov basis \( v_1, v_2, \dots \) of \( \mathcal K_m(B, w) \) and the
 * projected matrix \( H_m = V_m^T B V_m \), built one vector at a time by the Arnoldi process with
 * modified Gram–Schmidt and one re-orthogonalisation pass where the norm drops below
 * \( 1/\sqrt 2 \) of its value (Daniel, Gragg, Kaufman and Stewart, Math. Comp. 30, 1976), or by
 * the Lanczos three-term recurrence for symmetric \( B \) (Saad, <i>Iterative Methods for Sparse
 * Linear Systems</i>, 2nd ed., SIAM 2003, §6.3 and §6.6). All storage is allocated once; the
 * steps allocate nothing. Used by {@link KrylovPhi}; the caller applies the operator, so that it
 * counts the products.
 *
 * @param <V> the vector type of the backend
 */
final class KrylovBasis<V> {

    private static final double UNIT_ROUNDOFF = 0x1p-53;
    private static final double REORTHOGONALISE = 0.7071067811865476;

    private final VectorOps<V> ops;
    private final int cols;
    private final V[] basis;
    /** \( H \), row-major, {@code (maxDimension + 1) x maxDimension}. */
    private final double[] hessenberg;
    private final double[] coefficients = new double[3];
    private final V[] terms;

    /**
     * @param ops the vector backend
     * @param n the vector length
     * @param maxDimension the largest dimension \( m \) (\( m + 1 \) vectors are kept)
     */
    KrylovBasis(VectorOps<V> ops, int n, int maxDimension) {
        this.ops = ops;
        this.cols = maxDimension;
        basis = ops.newArray(maxDimension + 1);
        for (int i = 0; i <= maxDimension; i++) {
            basis[i] = ops.allocate(n);
        }
        hessenberg = new double[(maxDimension + 1) * maxDimension];
        terms = ops.newArray(3);
    }

    /** @return basis vector \( v_{i+1} \) (0-based {@code i}) */
    V vector(int i) {
        return basis[i];
    }

    /** @return \( h_{i+1,j+1} \) (0-based indices) */
    double h(int i, int j) {
        return hessenberg[i * cols + j];
    }

    /**
     * Starts a new basis with \( v_1 = w / \beta \).
     *
     * @param w the start vector
     * @param beta its 2-norm, positive
     */
    void start(V w, double beta) {
        coefficients[0] = 1 / beta;
        terms[0] = w;
        ops.linearCombination(coefficients, terms, 1, basis[0]);
    }

    /**
     * One step: from {@code product} \( = A v_{m+1} \) (0-based {@code m}), \( v_{m+2}
     * h_{m+2,m+1} = \tau\,\mathrm{product} - \sum_i h_{i,m+1} v_i \).
     *
     * @param product \( A v_{m+1} \)
     * @param tau the scale of \( B = \tau A \)
     * @param m the 0-based index of the last vector
     * @param lanczos whether to orthogonalise against the last two vectors only
     * @param substep the caller's sub-step, for error messages
     * @param s the caller's time, for error messages
     * @return {@code true} on a happy breakdown (\( h_{m+2,m+1} \le 16u\,\|Bv_{m+1}\| \), then
     *     stored as 0)
     * @throws IllegalArgumentException if the product or a norm is not finite
     */
    boolean extend(V product, double tau, int m, boolean lanczos, int substep, double s) {
        final V w = basis[m + 1];
        coefficients[0] = tau;
        terms[0] = product;
        ops.linearCombination(coefficients, terms, 1, w);
        final double before = Math.sqrt(ops.dot(w, w));
        checkFinite(before, "||tau A v_m||", substep, s, m);
        for (int i = 0; i <= m; i++) {
            hessenberg[i * cols + m] = 0;
        }
        double norm;
        if (lanczos) {
            final double alpha = ops.dot(w, basis[m]);
            coefficients[0] = 1;
            coefficients[1] = -alpha;
            terms[0] = w;
            terms[1] = basis[m];
            int k = 2;
            if (m > 0) {
                final double betaPrev = hessenberg[m * cols + m - 1];
                coefficients[2] = -betaPrev;
                terms[2] = basis[m - 1];
                k = 3;
                hessenberg[(m - 1) * cols + m] = betaPrev;
            }
            ops.linearCombination(coefficients, terms, k, w);
            hessenberg[m * cols + m] = alpha;
            norm = Math.sqrt(ops.dot(w, w));
        } else {
            norm = before;
            for (int pass = 0; pass < 2; pass++) {
                final double start = norm;
                for (int i = 0; i <= m; i++) {
                    final double h = ops.dot(w, basis[i]);
                    hessenberg[i * cols + m] += h;
                    coefficients[0] = 1;
                    coefficients[1] = -h;
                    terms[0] = w;
                    terms[1] = basis[i];
                    ops.linearCombination(coefficients, terms, 2, w);
                }
                norm = Math.sqrt(ops.dot(w, w));
                if (norm > start * REORTHOGONALISE) {
                    break;
                }
            }
        }
        checkFinite(norm, "h_{m+1,m}", substep, s, m);
        if (norm <= 16 * UNIT_ROUNDOFF * before) {
            hessenberg[(m + 1) * cols + m] = 0;
            return true;
        }
        hessenberg[(m + 1) * cols + m] = norm;
        coefficients[0] = 1 / norm;
        terms[0] = w;
        ops.linearCombination(coefficients, terms, 1, w);
        return false;
    }

    /** @throws IllegalArgumentException naming the value, sub-step, time and index if not finite */
    static void checkFinite(double value, String what, int substep, double s, int m) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Krylov phi: non-finite value " + what + " = " + value
                + " in sub-step " + substep + " at s = " + s + ", Krylov index " + m
                + " (the operator produced a NaN or infinity, or the input overflows)");
        }
    }
}
