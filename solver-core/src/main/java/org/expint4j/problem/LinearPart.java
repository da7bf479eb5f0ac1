package org.expint4j.problem;

/**
 * The constant linear part \(L\) of a semilinear problem \(u' = Lu + N(t, u)\), integrated
 * exactly by exponential integrators through the φ-functions.
 *
 * <p>A linear part has one of four representations ({@link Kind}): a scalar (acting on vectors of
 * any length, for example a batch of diffusion samples), a real diagonal, a complex diagonal
 * acting on interleaved complex vectors, or a dense matrix. Every operator an integrator needs,
 * \( \varphi_k(s L) \) and linear combinations of them, is stored in the same representation as a
 * flat array of {@link #weightLength()} doubles: one number, \(n\) numbers, \(2n\) interleaved
 * numbers, or a row-major \(n\times n\) matrix. Linear combinations of such arrays are
 * element-wise, which is why one integrator serves all four kinds.
 */
public sealed interface LinearPart
        permits ScalarLinearPart, DiagonalLinearPart, ComplexDiagonalLinearPart, DenseLinearPart {

    /** The representation of a linear part and of its φ-weights. */
    enum Kind {
        /** \(L = \lambda I\): weights are single numbers. */
        SCALAR,
        /** \(L = \mathrm{diag}(d)\): weights are arrays of \(n\) numbers. */
        DIAGONAL,
        /** \(L = \mathrm{diag}(d)\), complex, on interleaved vectors: weights are \(2n\) numbers. */
        COMPLEX_DIAGONAL,
        /** Dense \(L\): weights are row-major \(n\times n\) matrices. */
        DENSE
    }

    /** @return the representation */
    Kind kind();

    /**
     * @return the length of the state vectors this part acts on, or {@code -1} for a scalar part,
     *     which acts on vectors of any length
     */
    int dimension();

    /**
     * @return the number of doubles of one weight: 1 (scalar), \(n\) (diagonal), \(2n\) (complex
     *     diagonal, interleaved) or \(n^2\) (dense)
     */
    int weightLength();

    /**
     * Checks that this part can act on state vectors of the given length.
     *
     * @param length a state length
     * @throws IllegalArgumentException naming both sizes if it cannot
     */
    default void checkStateLength(int length) {
        int n = dimension();
        if (n >= 0 && n != length) {
            throw new IllegalArgumentException(
                    "state length " + length + " does not match the linear part's dimension " + n);
        }
    }

    /**
     * Adds \(L u\) to {@code out}: {@code out += L u}. Does not allocate.
     *
     * @param u the state
     * @param out accumulator of the same length, distinct from {@code u} for a dense part
     */
    void applyAdd(double[] u, double[] out);

    /**
     * Computes the φ-weights \( \varphi_k(s L) \), \(k = 0, \dots\), {@code out.length - 1}, in
     * this part's representation. An integrator calls it with \( s = c\,h \) for each node
     * \(c\) of a step of size \(h\).
     *
     * @param s the scale (step size times node), any finite real
     * @param out {@code out[k]} receives \( \varphi_k(sL) \); each of length {@link #weightLength()}
     */
    void phi(double s, double[][] out);
}
