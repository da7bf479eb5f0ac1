/**
 * Analytic verification problems: semilinear problems \(u' = Lu + N(t, u)\) with an exact
 * solution (or a documented reference), each a
 * {@link org.expint4j.verification.problems.BenchmarkProblem}, registered by name in
 * {@link org.expint4j.verification.problems.ProblemLibrary}.
 *
 * <table class="striped">
 * <caption>Problems and what they test (reference: exponential-integrators.md §3)</caption>
 * <thead><tr><th>class</th><th>problem</th><th>what it tests</th></tr></thead>
 * <tbody>
 * <tr><td>{@link org.expint4j.verification.problems.ScalarForcedProblem}</td>
 *     <td>\(u' = \lambda u + g(t)\), \(g\) polynomial, exponential or trigonometric</td>
 *     <td>exponential quadrature: exactness for polynomial forcing up to the quadrature order,
 *     classical orders, φ-functions at large \(|h\lambda|\)</td></tr>
 * <tr><td>{@link org.expint4j.verification.problems.ProtheroRobinsonProblem}</td>
 *     <td>\(u' = \lambda(u - \psi) + \psi'\)</td>
 *     <td>stiff \(N\) (outside the stiff theory); φ-functions in the stiff limit</td></tr>
 * <tr><td>{@link org.expint4j.verification.problems.LogisticProblem}</td>
 *     <td>\(u' = \lambda u - \mu u^2\)</td>
 *     <td>non-stiff \(u\)-dependent \(N\): classical orders</td></tr>
 * <tr><td>{@link org.expint4j.verification.problems.ManufacturedStiffProblem}</td>
 *     <td>\(L = \mathrm{diag}(-1, -\kappa)\), coupled \(u\)-dependent \(N\)</td>
 *     <td>stage conditions; stiff order uniformly in \(\kappa\)</td></tr>
 * <tr><td>{@link org.expint4j.verification.problems.NonNormalDenseProblem}</td>
 *     <td>\(2\times 2\) dense non-normal \(L\), nonlinear \(N\)</td>
 *     <td>dense φ-functions as matrix functions</td></tr>
 * <tr><td>{@link org.expint4j.verification.problems.HochbruckOstermannProblem}</td>
 *     <td>semilinear parabolic PDE, finite differences, exact semi-discrete solution</td>
 *     <td>the published order reductions (Cox–Matthews ETDRK4, Lawson) and the full order of
 *     the stiff-order-4 method; diagonal (sine basis) and dense forms</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Errors are measured in {@link org.expint4j.verification.problems.BenchmarkProblem#toPhysical
 * physical coordinates}: grid values for the Hochbruck–Ostermann problem in the sine basis.
 * Every class has a factory with parameters (and a seeded random one where property tests need
 * it); the library holds one standard instance per name. PDE problems (package
 * {@code org.expint4j.verification.problems.pde}) and diffusion problems are registered in the
 * library's marked extension points.
 */
package org.expint4j.verification.problems;
