/**
 * The vector backend: storage of state vectors and the few operations every step of every
 * exponential integrator reduces to.
 *
 * <p>An integrator for \( u' = L u + N(t, u) \) advances its state by fused weighted sums
 * \( \mathrm{out} = \sum_{j&lt;k} W_j\, x_j \) and controls its step size with weighted RMS norms.
 * {@link org.expint4j.vector.VectorOps} is that contract, generic in the vector type so that a
 * device buffer can implement it. This package holds the CPU implementations:
 * {@link org.expint4j.vector.DoubleVectorOps} on {@code double[]} and
 * {@link org.expint4j.vector.FloatVectorOps} on {@code float[]}.
 *
 * <h2>Evaluation order</h2>
 *
 * <p>The order of every floating-point operation is fixed, so that results are reproducible
 * across runs, thread counts and JIT compilers, and so that another backend (the GPU one, compiled
 * without contraction) can reproduce them bit for bit. Each multiplication and each addition is
 * rounded separately: no fused multiply-add (besides, {@code Math.fma} is very slow on CPUs
 * without an FMA unit). With \(\oplus\), \(\ominus\), \(\otimes\) the rounded operations, in the
 * precision of the vectors:
 * <ul>
 * <li>scalar weights: \( \mathrm{out}_i = (\cdots((a_0 \otimes x_{0,i}) \oplus (a_1 \otimes
 *     x_{1,i})) \oplus \cdots) \oplus (a_{k-1} \otimes x_{k-1,i}) \), i.e. {@code a0*x0[i] +
 *     a1*x1[i] + ...} evaluated left to right as Java does; for {@code float} vectors each
 *     \(a_j\) is first rounded to {@code float};</li>
 * <li>per-element weights: the same with \(w_{j,i}\) in place of \(a_j\);</li>
 * <li>complex per-element weights, element \(m\) at indices \(2m, 2m+1\): each term is
 *     \( t_j = (\Re w \otimes \Re x \ominus \Im w \otimes \Im x) + \mathrm{i}\,(\Re w \otimes
 *     \Im x \oplus \Im w \otimes \Re x) \) and real and imaginary parts are each summed left to
 *     right, \( (t_0 \oplus t_1) \oplus \cdots \);</li>
 * <li>dense weights: row \(r\) is one left-to-right sum of the \(k n\) products
 *     \(W_j[r, c] \otimes x_j[c]\), \(j\) outer and \(c\) inner, starting from the first
 *     product;</li>
 * <li>reductions are computed in double precision, also for {@code float} vectors (elements are
 *     widened exactly). \(\max_i |x_i|\) is exact and order-free (0 for an empty vector, NaN if
 *     any element is NaN). The weighted RMS norms sum the squared terms
 *     \( e_i = (x_i - y_i) / (\mathrm{atol}_i + \mathrm{rtol} \max(|x_i|, |y_i|)) \) in
 *     blocks of 1024 consecutive elements counted from the start of each sample: each block from
 *     0 left to right, then the block sums from 0 left to right, then \(\sqrt{\Sigma / n}\).
 *     A term whose difference \(x_i - y_i\) is exactly 0 counts as \(e_i = 0\) even where the
 *     scale is 0 too (\(x_i = y_i = 0\) with \(\mathrm{atol} = 0\)). An empty vector or sample
 *     has norm 0. The error norm of adaptive DPM-Solver ({@code maxSampleRms}) sums its terms
 *     in the same blocked order per sample and returns the maximum over the samples. The inner
 *     product {@code dot} of Krylov methods sums the products \( x_i y_i \) (exact for
 *     {@code float} data widened to double) in the same blocked order.</li>
 * </ul>
 * Long sums are evaluated in several passes over cache-sized tiles, the partial sum stored in
 * between in a vector of the same precision; so the passes do not change a single bit.
 *
 * <h2>Aliasing</h2>
 *
 * <p>The element-wise combinations read every input at element \(i\) before writing element
 * \(i\): the output may be any input, weights included, and a vector may appear several times.
 * {@code denseCombination} reads whole vectors and rejects an output that is one of its vectors.
 *
 * <h2>Threads</h2>
 *
 * <p>A CPU backend built with a parallelism \(p > 1\) owns \(p - 1\) daemon worker threads,
 * created once, that together with the calling thread run operations on at least
 * {@code parallelThreshold} elements (multiply-adds for the dense combination): element-wise
 * operations in contiguous chunks, the dense combination by rows, reductions by the blocks above.
 * Results are bit-identical to the single-thread path, for every \(p\) and threshold. The pool
 * stops when the backend is closed or garbage collected; a closed backend keeps working on the
 * calling thread. A CPU backend instance may be shared by threads: each call takes the
 * instance's work descriptor with an atomic swap, an overlapping call makes its own (allocating
 * it) and runs on its own thread if the pool is busy, so every call gives the bits of a lone call.
 * For throughput use one instance per thread (single-thread instances from {@code serial()} are
 * cheap). The parallelism is at most {@code MAX_PARALLELISM} = 1024.
 *
 * <h2>Precision</h2>
 *
 * <p>{@code FloatVectorOps} halves memory traffic, the bound of these operations: storage and the
 * arithmetic of the combinations are in {@code float} (unit roundoff \(2^{-24}\)), while reductions
 * run in double, so on the same (float-representable) data both backends return the same norms.
 *
 * <h2>Errors and allocation</h2>
 *
 * <p>Bad input throws {@link java.lang.IllegalArgumentException} whose message names the argument
 * and the sizes involved. In steady state no call allocates (unless it overlaps another call on
 * the same instance): internal buffers (the block sums of
 * a multi-threaded reduction, the tile accumulator of a long sum whose output is one of its late
 * inputs) grow to the largest size seen and are then reused.
 */
package org.expint4j.vector;
