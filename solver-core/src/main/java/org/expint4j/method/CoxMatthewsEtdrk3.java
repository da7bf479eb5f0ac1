package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The third-order exponential time differencing Runge–Kutta method ETDRK3 of Cox and Matthews,
 * registry name {@code "etdrk3"}:
 * <pre>
 *   0   |
 *   1/2 | ½φ1,2
 *   1   | −φ1           2φ1
 *  -----+-----------------------------------------------
 *       | φ1−3φ2+4φ3    4φ2−8φ3      −φ2+4φ3
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \). It reduces to
 * Kutta's third-order method as \(Z \to 0\) (classical order 3). Stiff order conditions 1–4
 * hold, but condition 5, \( \sum_i b_i(Z) J \psi_{2,i}(Z) = 0 \), fails even in weakened form
 * (\(\psi_{2,3} = \varphi_2 - \varphi_1 \ne 0\)), so its stiff order is only 2.
 *
 * <p>Reference: S. M. Cox, P. C. Matthews, Exponential time differencing for stiff systems,
 * J. Comput. Phys. 176 (2002) 430–455; analysis in M. Hochbruck, A. Ostermann, SIAM J. Numer.
 * Anal. 43(3) (2005) 1069–1090.
 */
public final class CoxMatthewsEtdrk3 extends ExponentialRungeKuttaMethod {

    /** The registry name. */
    public static final String NAME = "etdrk3";

    /** Literature reference. */
    public static final String REFERENCE = "S. M. Cox, P. C. Matthews, Exponential time differencing for"
            + " stiff systems, J. Comput. Phys. 176 (2002) 430–455";

    /** Creates the method. */
    public CoxMatthewsEtdrk3() {
        super(NAME, Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(3, 2), REFERENCE, buildTableau());
    }

    private static ExponentialRungeKuttaTableau buildTableau() {
        Fraction half = Fraction.ONE_HALF;
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, half, Fraction.ONE},
                new PhiCombination[][] {
                    {},
                    {phi(1, half).times(1, 2)},
                    {phi(1).times(-1, 1), phi(1).times(2, 1)}},
                new PhiCombination[] {
                    phi(1).minus(phi(2).times(3, 1)).plus(phi(3).times(4, 1)),
                    phi(2).times(4, 1).minus(phi(3).times(8, 1)),
                    phi(3).times(4, 1).minus(phi(2))},
                null);
    }
}
