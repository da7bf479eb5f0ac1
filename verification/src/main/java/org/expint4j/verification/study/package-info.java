/**
 * The order-study engine: problem × methods × ladder → error table, observed orders with
 * confidence intervals, Markdown, CSV and log-log plots. The same engine serves the property
 * tests, the command line ({@code expint order}) and the generated documentation.
 *
 * <p>For each method and rung (step count \(n\), \(h = (t_1 - t_0)/n\); or tolerance of an
 * adaptive run of an embedded pair, with the mean accepted step as \(h\))
 * {@link org.expint4j.verification.study.OrderStudy} records the max-norm and RMS errors
 * against the problem's reference at \(t_1\), the number of evaluations of \(N\) and the wall
 * time. {@link org.expint4j.verification.study.OrderFit} then fits
 * \( \log e = \log C + \hat p \log h \) by least squares over the asymptotic range — the rungs
 * that are neither above the solution's size (no correct digit) nor at the rounding floor
 * (\(10^3\) ulp of the solution, or close to it and no longer decreasing) — and gives the 95%
 * confidence interval of \(\hat p\) (Student \(t\) with \(k - 2\) degrees of freedom for \(k\)
 * rungs), with the successive local orders \( \log(e_{k-1}/e_k)/\log(h_{k-1}/h_k) \).
 *
 * <p>A {@linkplain org.expint4j.verification.study.OrderStudy.Builder#problemFamily problem
 * family} measures each rung by the largest error over its members, which gives the order that
 * holds uniformly in a parameter such as the stiffness.
 *
 * <p>{@link org.expint4j.verification.study.OrderStudyResult} renders the result as Markdown,
 * CSV (every number, round-trip precision) and PNG/SVG plots (XChart, headless); all files are
 * written atomically ({@link org.expint4j.verification.io.AtomicFiles}).
 */
package org.expint4j.verification.study;
