package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The fourth-order exponential Runge–Kutta method of Strehmel and Weiner, registry name
 * {@code "strehmel-weiner"}:
 * <pre>
 *   0   |
 *   1/2 | ½φ1,2
 *   1/2 | ½φ1,3 − ½φ2,3    ½φ2,3
 *   1   | φ1 − 2φ2         −2φ2       4φ2
 *  -----+------------------------------------------------------------
 *       | φ1−3φ2+4φ3       0          4φ2−8φ3    −φ2+4φ3
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \). Here
 * \(\psi_{2,3} = \psi_{2,4} = 0\) and \(b_2 = 0\), so conditions 1–5 and 9 hold for every
 * \(Z\); 6 and 8 hold only in weakened form and 7 fails: stiff order 3, the same profile as
 * {@link Krogstad}. As \(Z \to 0\) it reduces to a classical fourth-order method
 * (with \(a_{42} = -1\), \(a_{43} = 2\)).
 *
 * <p>Reference: K. Strehmel, R. Weiner, Linear-implizite Runge–Kutta-Methoden und ihre
 * Anwendung, Teubner, Stuttgart, 1992; stiff analysis in M. Hochbruck, A. Ostermann, SIAM J.
 * Numer. Anal. 43(3) (2005) 1069–1090.
 */
public final class StrehmelWeiner extends ExponentialRungeKuttaMethod {

    /** The registry name. */
    public static final String NAME = "strehmel-weiner";

    /** Literature reference. */
    public static final String REFERENCE = "K. Strehmel, R. Weiner, Linear-implizite Runge–Kutta-Methoden"
            + " und ihre Anwendung, Teubner, Stuttgart (1992); M. Hochbruck, A. Ostermann, SIAM J."
            + " Numer. Anal. 43(3) (2005) 1069–1090";

    /** Creates the method. */
    public StrehmelWeiner() {
        super(NAME, Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(4, 3), REFERENCE, buildTableau());
    }

    private static ExponentialRungeKuttaTableau buildTableau() {
        Fraction half = Fraction.ONE_HALF;
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, half, half, Fraction.ONE},
                new PhiCombination[][] {
                    {},
                    {phi(1, half).times(1, 2)},
                    {phi(1, half).minus(phi(2, half)).times(1, 2), phi(2, half).times(1, 2)},
                    {phi(1).minus(phi(2).times(2, 1)), phi(2).times(-2, 1), phi(2).times(4, 1)}},
                new PhiCombination[] {
                    phi(1).minus(phi(2).times(3, 1)).plus(phi(3).times(4, 1)),
                    PhiCombination.ZERO,
                    phi(2).times(4, 1).minus(phi(3).times(8, 1)),
                    phi(3).times(4, 1).minus(phi(2))},
                null);
    }
}
