/**
 * Semilinear problems \( u' = Lu + N(t, u) \): the linear part \(L\) in one of four
 * representations (scalar, real diagonal, complex diagonal on interleaved vectors, dense), each
 * able to apply itself and to produce its φ-weights \( \varphi_k(c h L) \); the nonlinear part
 * \(N\) writing into caller-owned buffers; and {@link org.expint4j.problem.SemilinearProblem},
 * which is also a Commons Math {@code FirstOrderDifferentialEquations}.
 */
package org.expint4j.problem;
