package org.expint4j.linear;

/**
 * A linear operator \( A \in \mathbb{R}^{n \times n} \) given by its action \( v \mapsto Av \):
 * the matrix-free linear part of large semilinear problems \( u' = Au + N(t, u) \) (a stencil, a
 * sparse matrix, a spectral operator), of which Krylov methods need nothing else.
 *
 * <p>{@link #apply} writes into a caller-owned vector of the backend's type {@code V}, so that an
 * operator for device buffers can run where the vectors live; {@link CsrMatrix} is the CPU
 * implementation for {@code double[]}. Implementations should not allocate in {@code apply}: a
 * Krylov φ-vector product calls it once per basis vector.
 *
 * <p>{@link #isSymmetric()} is a hint that \( A = A^T \); it lets
 * {@link org.expint4j.phi.KrylovPhi} use the Lanczos three-term recurrence instead of Arnoldi.
 * A wrong hint does not fail, it makes the Krylov approximation wrong; give it only when \(A\)
 * is symmetric by construction.
 *
 * @param <V> the vector type of the backend ({@code double[]}, {@code float[]}, a device buffer)
 */
public interface LinearOperator<V> {

    /** @return the dimension \( n \) of the vectors the operator maps, {@code >= 1} */
    int dimension();

    /**
     * Computes \( \mathrm{out} = A v \).
     *
     * @param v the operand, of length {@link #dimension()}; not modified
     * @param out the result, of length {@link #dimension()}; must not be {@code v}
     * @throws IllegalArgumentException if a length is wrong or {@code out == v}
     */
    void apply(V v, V out);

    /**
     * @return {@code true} if the operator is known to be symmetric, \( A = A^T \); the default
     *     is {@code false} (no assumption)
     */
    default boolean isSymmetric() {
        return false;
    }
}
