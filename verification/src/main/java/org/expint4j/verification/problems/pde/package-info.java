/**
 * Stiff semilinear PDE benchmarks, the classic test problems of exponential integrators, as
 * ready-to-run {@link org.expint4j.verification.problems.BenchmarkProblem}s, listed by
 * {@link org.expint4j.verification.problems.pde.PdeProblems}:
 * Kuramoto–Sivashinsky (Kassam–Trefethen), viscous Burgers, Korteweg–de Vries (two solitons,
 * Trefethen's p27) and Allen–Cahn, periodic (Chebfun) and with Dirichlet data (EXPINT, dense
 * Chebyshev \(L\)).
 *
 * <p>The periodic problems are pseudo-spectral: the state holds the Fourier coefficients
 * \(\hat u_0, \dots, \hat u_{n/2}\) of a real function ({@link
 * org.expint4j.verification.problems.pde.FourierGrid}), \(L\) is the diagonal Fourier symbol,
 * and \(N\) goes through the allocation-free {@link
 * org.expint4j.verification.problems.pde.RealFft}. None has an exact solution; each documents and
 * caches a reference solution whose accuracy the test suite checks. Every problem converts its
 * state to grid values ({@link org.expint4j.verification.problems.pde.PdeProblem#toPhysical}), and
 * {@link org.expint4j.verification.problems.pde.PdeSolve} turns a run into a space-time picture
 * and a CSV of the final state.
 *
 * <p>Problems hold work arrays and are not thread-safe: one instance per thread.
 */
package org.expint4j.verification.problems.pde;
