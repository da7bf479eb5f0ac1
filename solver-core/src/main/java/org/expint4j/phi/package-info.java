/**
 * The \( \varphi \)-functions of exponential integrators, evaluated so that they are right.
 *
 * <p>\( \varphi_0(z) = e^z \), \( \varphi_k(z) = \sum_{j\ge 0} z^j/(j+k)! \) for \( k \ge 1 \);
 * equivalently \( \varphi_k(0) = 1/k! \) and \( \varphi_{k+1}(z) = (\varphi_k(z) - 1/k!)/z \).
 * An exponential integrator for \( u' = Lu + N(t, u) \) needs \( \varphi_k(hL) \) for a scalar,
 * diagonal (real or complex) or dense \( L \).
 *
 * <h2>Scalars and diagonals: {@link org.expint4j.phi.Phi}</h2>
 * The textbook recurrence above loses about \( k \log_{10}(1/|z|) \) digits for small \( |z| \)
 * (at \( z = -10^{-4} \), \( \varphi_4 \) from it has relative error 0.3), and for negative
 * \( z \) it is stable only for \( |z| \) well above \( k \). Each \( \varphi_k(z) \) is therefore
 * computed by the method that does not cancel there:
 * <ul>
 * <li>\( |z| \le 1 \): the Taylor series, by Horner's rule (cancellation at most a factor 2.7).</li>
 * <li>\( |z| \ge 2 + 2k \) (real) or \( |z| \ge 1.5k \) (complex): \( \varphi_1 = \mathrm{expm1}(z)/z \)
 *     and the recurrence upward; a relative error in \( \varphi_j \) is multiplied by about
 *     \( j/|z| \) (left half-plane) or about 1 (right half-plane) per step. The complex
 *     {@code expm1} is \( \mathrm{expm1}(x)\cos y - 2\sin^2(y/2) + i e^x \sin y \).</li>
 * <li>In between: scaling and doubling. Taylor at \( w = z/2^s \), \( |w| \le 1 \), then
 *     \( \varphi_j(2w) = 2^{-j}[e^w\varphi_j(w) + \sum_{i=1}^{j}\varphi_i(w)/(j-i)!] \), with
 *     \( \varphi_0 \) and \( \varphi_1 \) taken fresh from {@code exp}/{@code expm1} at each level.
 *     For real \( z \) every term is positive, so nothing cancels.</li>
 * <li>Real \( z > 709 \): \( e^z/z^k \) in pieces, so that values beyond the overflow of
 *     \( e^z \) are still returned when finite (the neglected polynomial part is below
 *     \( e^{-100} \) relative).</li>
 * </ul>
 * The thresholds were tuned by measurement against a 40-digit {@link java.math.BigDecimal}
 * oracle. Measured maximum relative errors, \( k \le 20 \): real \( 7.6 \cdot 10^{-16} \) over
 * \( [-10^8, 700] \); complex \( |z| \le 10^4 \) below \( 10^{-14} \) except next to the zeros
 * of \( \varphi_k \) in the right half-plane, where the intrinsic amplification
 * \( \kappa = |e^z|/|z^k\varphi_k(z)| \) of the rounding of \( e^z \) sets the error (at most
 * \( 2 \cdot 10^{-15}\kappa \)). Each value depends only on \( (k, z) \), so all entry points
 * agree bit for bit.
 *
 * <h2>Dense matrices: {@link org.expint4j.phi.MatrixPhi}</h2>
 * \( e^A \) by scaling and squaring with Padé approximants of degree 3 to 13 (N. J. Higham,
 * <i>The scaling and squaring method for the matrix exponential revisited</i>, SIAM J. Matrix
 * Anal. Appl. 26(4):1179–1193, 2005), taking the <em>ceiling</em> of
 * \( \log_2(\|A\|_1/\theta_{13}) \) squarings (the floor, as in Hipparchus, applies the [13/13]
 * approximant beyond \( \theta_{13} \) and loses up to 7 digits). \( \varphi_1(A), \dots,
 * \varphi_p(A) \) are the first block row of the exponential of an augmented block matrix
 * (R. B. Sidje, <i>Expokit</i>, ACM Trans. Math. Softw. 24(1):130–156, 1998, Thm. 1;
 * A. H. Al-Mohy and N. J. Higham, <i>Computing the action of the matrix exponential</i>, SIAM
 * J. Sci. Comput. 33(2):488–511, 2011, Thm. 2.1). Relative Frobenius error at most
 * \( 10^{-12} \) for \( \|A\|_1 \le 100 \) and, up to \( \|A\|_1 = 10^3 \), for symmetric,
 * skew-symmetric, negative-triangular and diagonal matrices; see {@link org.expint4j.phi.MatrixPhi}
 * for the non-normal regimes where the squarings lose more.
 *
 * <h2>Large matrices: {@link org.expint4j.phi.KrylovPhi}</h2>
 * \( \sum_{k=0}^{p} \varphi_k(\tau A) v_k \) for a matrix-free
 * {@link org.expint4j.linear.LinearOperator}, by Krylov projection (Arnoldi, or Lanczos for
 * symmetric \(A\)) with adaptive sub-stepping and an a-posteriori error estimate (J. Niesen and
 * W. M. Wright, ACM Trans. Math. Softw. 38(3), 2012); the small projected problem uses the dense
 * exponential above, and every vector operation goes through {@link org.expint4j.vector.VectorOps}.
 * This is the one place where {@code phi} depends on other packages ({@code linear} and
 * {@code vector}, both leaves).
 *
 * <h2>Conventions</h2>
 * Arrays are plain {@code double[]} and row-major {@code double[][]}; complex numbers are
 * interleaved {@code (re, im)} pairs. NaN input to the scalar functions gives NaN output; a matrix
 * with a non-finite entry is refused, naming the entry. Orders run from 0 to
 * {@link org.expint4j.phi.Phi#MAX_ORDER}; bad orders and shapes throw
 * {@link java.lang.IllegalArgumentException} with a message naming them. The scalar entry points
 * with an output array do not allocate.
 */
package org.expint4j.phi;
