/**
 * Matrix-free linear operators \( v \mapsto Av \) and the compressed sparse row matrix
 * {@link org.expint4j.linear.CsrMatrix}: the form in which large linear parts (finite-difference
 * stencils, sparse discretisations) reach the Krylov φ-vector products of
 * {@link org.expint4j.phi.KrylovPhi}. A leaf package: it depends on nothing else of the
 * project.
 */
package org.expint4j.linear;
