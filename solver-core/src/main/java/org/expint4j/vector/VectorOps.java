package org.expint4j.vector;

/**
 * The vector backend: owns the storage of state vectors and executes the few operations every
 * step of every method reduces to.
 *
 * <p>Every exponential integrator advances its state by a fused weighted sum
 * \( \mathrm{out} = \sum_{j&lt;K} W_j\, x_j \), where the weights \(W_j\) are scalars (scalar
 * linear part, or a batch of samples sharing one time), per-element arrays (diagonal linear part),
 * per-element complex numbers on interleaved complex data (complex-diagonal linear part) or dense
 * matrices. Implementations execute each sum in a single pass over memory; a CPU implementation
 * and a CUDA implementation exist.
 *
 * <p><b>Storage.</b> A vector {@code V} has a fixed length. Per-element weights are vectors of
 * the same backend (so they can live on a device); dense weights are row-major \(n\times n\)
 * matrices stored as vectors of length \(n^2\). Complex vectors are interleaved
 * {@code (re0, im0, re1, im1, ...)} and have even length.
 *
 * <p><b>Aliasing.</b> The element-wise operations read element {@code i} of every input before they
 * write element {@code i} of {@code out}, so {@code out} may be the same vector as any input.
 * {@link #denseCombination} reads whole input vectors and rejects an {@code out} that is one of
 * its inputs.
 *
 * <p><b>Evaluation order.</b> Each weighted sum is evaluated left to right with separately rounded
 * multiplications and additions (no fused multiply-add), in the precision of the vectors; the
 * {@linkplain org.expint4j.vector package documentation} spells out the order of every operation,
 * which all backends follow so that their results can be compared bit for bit.
 *
 * <p><b>Bad input</b> (length mismatch, {@code k < 1}, too few array entries, forbidden aliasing,
 * invalid tolerances) throws {@link IllegalArgumentException} with a message naming the sizes.
 * Implementations do not allocate per call, except that a CPU backend shared by threads allocates
 * a work descriptor for a call that overlaps another. Whether an instance may be shared by threads
 * is up to the implementation: the CPU backends may be, the CUDA backend serves one call at a time.
 *
 * @param <V> the vector type, e.g. {@code double[]}, {@code float[]} or a device buffer
 */
public interface VectorOps<V> extends AutoCloseable {

    /** @return a short name for reports, e.g. {@code "cpu-double"} */
    String name();

    /** @return the number of bytes one element occupies (8 for double, 4 for float) */
    int bytesPerElement();

    /**
     * Allocates a zero-filled vector.
     *
     * @param length number of elements, {@code >= 0}
     * @return a new vector
     */
    V allocate(int length);

    /**
     * Creates an array able to hold {@code size} vector references (Java cannot create generic
     * arrays); its entries are {@code null}.
     *
     * @param size the array length
     * @return a new array
     */
    V[] newArray(int size);

    /**
     * Creates a vector holding the given values (rounded to the backend's precision).
     *
     * @param values the values
     * @return a new vector
     */
    V fromArray(double[] values);

    /**
     * Overwrites a vector with the given values (rounded to the backend's precision): how
     * integrators upload φ-weights into preallocated vectors. The default allocates; CPU and
     * device implementations override it without allocating.
     *
     * @param values the values
     * @param dst destination of the same length
     */
    default void copyFrom(double[] values, V dst) {
        copy(fromArray(values), dst);
    }

    /**
     * Copies {@code length} elements from {@code src[srcPos..]} to {@code dst[dstPos..]}: how
     * batches are split and joined (for example the doubled batch of classifier-free guidance).
     * Overlapping ranges of one vector are copied as if through a temporary.
     *
     * @param src source
     * @param srcPos first source index
     * @param dst destination
     * @param dstPos first destination index
     * @param length number of elements, {@code >= 0}
     * @throws IllegalArgumentException if a range is out of bounds, naming it
     */
    void copyRange(V src, int srcPos, V dst, int dstPos, int length);

    /**
     * Copies a vector's values into a double array.
     *
     * @param v the vector
     * @param out destination of the same length
     */
    void toArray(V v, double[] out);

    /**
     * @param v a vector
     * @return its length
     */
    int length(V v);

    /**
     * Copies {@code src} into {@code dst}.
     *
     * @param src source
     * @param dst destination of the same length
     */
    void copy(V src, V dst);

    /**
     * Sets every element to {@code value}.
     *
     * @param dst the vector
     * @param value the value
     */
    void fill(V dst, double value);

    /**
     * Fused weighted sum with scalar weights: \( \mathrm{out}_i = \sum_{j&lt;k} a_j\, x_{j,i} \).
     * The sum is evaluated left to right, {@code a[0]*x[0][i] + a[1]*x[1][i] + ...}.
     *
     * @param a weights, at least {@code k} entries
     * @param x vectors, at least {@code k} entries, all of the length of {@code out}
     * @param k number of terms, {@code >= 1}
     * @param out result
     */
    void linearCombination(double[] a, V[] x, int k, V out);

    /**
     * Fused weighted sum with per-element weights:
     * \( \mathrm{out}_i = \sum_{j&lt;k} w_{j,i}\, x_{j,i} \).
     *
     * @param w weight vectors, at least {@code k} entries, all of the length of {@code out}
     * @param x vectors, at least {@code k} entries, all of the length of {@code out}
     * @param k number of terms, {@code >= 1}
     * @param out result
     */
    void diagonalCombination(V[] w, V[] x, int k, V out);

    /**
     * Fused weighted sum with per-element complex weights on interleaved complex vectors:
     * \( \mathrm{out}_m = \sum_{j&lt;k} w_{j,m}\, x_{j,m} \) in \(\mathbb{C}\), where element
     * {@code m} is stored at indices {@code 2m, 2m+1}. Each product is
     * \( (\Re w\,\Re x - \Im w\,\Im x) + \mathrm{i}\,(\Re w\,\Im x + \Im w\,\Re x) \); real and
     * imaginary parts are summed left to right.
     *
     * @param w complex weight vectors, at least {@code k} entries, all of the (even) length of
     *     {@code out}
     * @param x complex vectors, at least {@code k} entries, all of the length of {@code out}
     * @param k number of terms, {@code >= 1}
     * @param out result
     */
    void complexDiagonalCombination(V[] w, V[] x, int k, V out);

    /**
     * Weighted sum with dense matrix weights: \( \mathrm{out} = \sum_{j&lt;k} W_j\, x_j \), each
     * \(W_j\) a row-major \(n\times n\) matrix stored as a vector of length \(n^2\). Each
     * \(\mathrm{out}_r\) is one left-to-right sum of the \(k n\) products
     * \(W_j[r, c]\, x_{j,c}\), {@code j} outer, {@code c} inner.
     *
     * @param w matrices, at least {@code k} entries, each of length {@code n*n}
     * @param x vectors, at least {@code k} entries, each of length {@code n}
     * @param k number of terms, {@code >= 1}
     * @param out result of length {@code n}; must not be one of {@code x[0..k-1]}
     */
    void denseCombination(V[] w, V[] x, int k, V out);

    /**
     * @param x a vector
     * @return \( \max_i |x_i| \); 0 for an empty vector; NaN if any element is NaN
     */
    double maxAbs(V x);

    /**
     * {@link #linearCombination} that also returns \( \max_i |\mathrm{out}_i| \), as
     * {@link #maxAbs} of the result would: how drivers check a step's result for NaN and infinity
     * without reading it again. The result vector is bit-identical to {@code linearCombination}'s.
     * The default makes the two calls; the CPU backends compute the maximum in the same pass.
     *
     * @param a weights, at least {@code k} entries
     * @param x vectors, at least {@code k} entries, all of the length of {@code out}
     * @param k number of terms, {@code >= 1}
     * @param out result
     * @return \( \max_i |\mathrm{out}_i| \); 0 for an empty vector; NaN if any element is NaN
     */
    default double linearCombinationMaxAbs(double[] a, V[] x, int k, V out) {
        linearCombination(a, x, k, out);
        return maxAbs(out);
    }

    /**
     * {@link #diagonalCombination} that also returns \( \max_i |\mathrm{out}_i| \), see
     * {@link #linearCombinationMaxAbs}.
     *
     * @param w weight vectors, at least {@code k} entries, all of the length of {@code out}
     * @param x vectors, at least {@code k} entries, all of the length of {@code out}
     * @param k number of terms, {@code >= 1}
     * @param out result
     * @return \( \max_i |\mathrm{out}_i| \); 0 for an empty vector; NaN if any element is NaN
     */
    default double diagonalCombinationMaxAbs(V[] w, V[] x, int k, V out) {
        diagonalCombination(w, x, k, out);
        return maxAbs(out);
    }

    /**
     * Inner product \( x^T y = \sum_i x_i y_i \), the reduction of Krylov methods (Arnoldi and
     * Lanczos orthogonalisation, {@link org.expint4j.phi.KrylovPhi}). Accumulated in double
     * precision in the blocked order of the norms (blocks of 1024 elements, each summed from 0 left
     * to right, then the block sums from 0 left to right), so the result does not depend on the
     * number of threads. The default copies both vectors to the host, allocating two arrays per
     * call; the CPU backends override it without allocating.
     *
     * @param x first vector
     * @param y second vector of the same length
     * @return the inner product; 0 for empty vectors; NaN if a product is NaN
     */
    default double dot(V x, V y) {
        final int n = VectorArguments.pair(this, x, y);
        final double[] hx = new double[n];
        final double[] hy = new double[n];
        toArray(x, hx);
        toArray(y, hy);
        double total = 0;
        for (int from = 0; from < n; from += 1024) {
            final int to = Math.min(n, from + 1024);
            double s = 0;
            for (int i = from; i < to; i++) {
                s += hx[i] * hy[i];
            }
            total += s;
        }
        return total;
    }

    /**
     * Weighted RMS norm of a difference, the error norm of adaptive step-size control:
     * \[ \sqrt{\frac1n \sum_i \left(\frac{x_i - y_i}{\mathrm{atol} + \mathrm{rtol}
     * \max(|x_i|, |y_i|)}\right)^2} \]
     * A term whose difference \(x_i - y_i\) is exactly 0 counts as 0, even where the denominator
     * is 0 as well (\(x_i = y_i = 0\) with \(\mathrm{atol} = 0\)). The sum is accumulated in
     * double precision in an order that does not depend on the number of threads.
     *
     * @param x first vector
     * @param y second vector of the same length
     * @param atol absolute tolerance, {@code >= 0}
     * @param rtol relative tolerance, {@code >= 0}; {@code atol + rtol > 0}
     * @return the norm (0 for empty vectors); NaN if an element is NaN
     * @throws IllegalArgumentException if a tolerance is negative or NaN, or
     *     {@code atol + rtol == 0}
     */
    double weightedRms(V x, V y, double atol, double rtol);

    /**
     * As {@link #weightedRms(Object, Object, double, double)} with a per-component absolute
     * tolerance {@code atol_i}.
     *
     * @param x first vector
     * @param y second vector of the same length
     * @param atol per-component absolute tolerances, same length, each {@code >= 0}, and
     *     {@code atol_i + rtol > 0}
     * @param rtol relative tolerance, {@code >= 0}
     * @return the norm
     * @throws IllegalArgumentException naming the first invalid tolerance
     */
    double weightedRms(V x, V y, V atol, double rtol);

    /**
     * The error norm of adaptive DPM-Solver (Lu et al., NeurIPS 2022, App. C) over a batch of
     * {@code samples} consecutive blocks of \( d = n / \mathrm{samples} \) elements: with
     * \( \tilde x_i = c\,x_i \), \( \tilde y_i = c\,y_i \) (\(c\) = {@code scale}) and the
     * reference \(r\),
     * \[ E = \max_b \sqrt{\frac1d \sum_{i \in b} \left(\frac{\tilde x_i - \tilde y_i}
     * {\max(\mathrm{atol}, \mathrm{rtol} \max(|\tilde y_i|, |r_i|))}\right)^2} \]
     * In DPM-Solver \(x\) is the higher-order solution, \(y\) the lower-order one, both in
     * scaled coordinates, \(c = \alpha_t\), and \(r\) the previous accepted state; one call
     * replaces copying both solutions to the host.
     *
     * <p>Elements are widened to double and every operation is a double operation in this order:
     * \( \tilde x_i \), \( \tilde y_i \), \( \delta_i = \max(\mathrm{atol}, \mathrm{rtol}
     * \max(|\tilde y_i|, |r_i|)) \), \( e_i = (\tilde x_i - \tilde y_i) / \delta_i \),
     * \( e_i^2 \). The squares of a sample are summed in the blocked order of
     * {@link #weightedRms(Object, Object, double, double)} (blocks of 1024 elements from the
     * start of the sample, each from 0 left to right, then the block sums from 0 left to right),
     * so the result does not depend on the number of threads and, for \(d \le 1024\), equals the
     * plain left-to-right loop bit for bit; then \( \sqrt{\Sigma / d} \) and the maximum over
     * the samples.
     *
     * @param x first vector (the higher-order solution)
     * @param y second vector of the same length (the lower-order solution)
     * @param scale the factor \(c\) applied to {@code x} and {@code y}; finite and non-zero
     * @param reference the reference \(r\), same length, not scaled
     * @param atol absolute tolerance, {@code > 0} and finite
     * @param rtol relative tolerance, {@code >= 0} and finite
     * @param samples number of blocks, {@code >= 1}, dividing the length
     * @return \(E\); 0 for empty vectors; NaN if any \( \tilde x_i \), \( \tilde y_i \) or
     *     \( r_i \) is not finite; \(+\infty\) if a quotient (or a sum) overflows with finite
     *     values, also where \( \tilde x_i - \tilde y_i \) and \( \delta_i \) both overflow
     * @throws IllegalArgumentException naming the first invalid argument
     */
    double maxSampleRms(V x, V y, double scale, V reference, double atol, double rtol, int samples);

    /**
     * Releases what the backend holds (worker threads, device memory). The default does nothing.
     * One instance serves one caller at a time; backends are not safe for concurrent calls.
     */
    @Override
    default void close() {
    }
}
