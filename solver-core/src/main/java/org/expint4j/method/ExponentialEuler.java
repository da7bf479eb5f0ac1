package org.expint4j.method;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The exponential Euler method (Nørsett Euler, ETD1), registry name {@code "etd1"}:
 * \[ u_{n+1} = e^{Z} u_n + h\,\varphi_1(Z)\, N(t_n, u_n), \qquad Z = hL. \]
 * It is exact for \(u' = Lu + \text{const}\) and has stiff order 1 (condition \(\psi_1 = 0\)
 * holds for every \(Z\)); it is the embedded method of {@link HochbruckOstermann2}.
 * <pre>
 *   0 |
 *  ---+-----
 *     | φ1
 * </pre>
 * with \( \varphi_k = \varphi_k(Z) \).
 *
 * <p>References: S. P. Nørsett, An A-stable modification of the Adams–Bashforth methods,
 * Conference on the Numerical Solution of Differential Equations, Lecture Notes in Math. 109,
 * Springer, 1969, 214–219; M. Hochbruck, A. Ostermann, Exponential integrators, Acta Numerica 19
 * (2010) 209–286.
 */
public final class ExponentialEuler extends ExponentialRungeKuttaMethod {

    /** The registry name. */
    public static final String NAME = "etd1";

    /** Literature reference. */
    public static final String REFERENCE = "S. P. Nørsett, An A-stable modification of the Adams–Bashforth"
            + " methods, Lecture Notes in Math. 109, Springer (1969) 214–219;"
            + " M. Hochbruck, A. Ostermann, Exponential integrators, Acta Numerica 19 (2010) 209–286";

    /** Creates the method. */
    public ExponentialEuler() {
        super(NAME, Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(1, 1), REFERENCE, buildTableau());
    }

    private static ExponentialRungeKuttaTableau buildTableau() {
        return new ExponentialRungeKuttaTableau(new Fraction[] {Fraction.ZERO},
                new PhiCombination[][] {{}}, new PhiCombination[] {PhiCombination.phi(1)}, null);
    }
}
