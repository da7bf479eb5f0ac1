package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The fourth-order exponential time differencing Runge–Kutta method ETDRK4 of Cox and Matthews,
 * registry name {@code "etdrk4"}:
 * <pre>
 *   0   |
 *   1/2 | ½φ1,2
 *   1/2 | 0              ½φ1,3
 *   1   | φ1 − φ1,2      0          φ1,2
 *  -----+------------------------------------------------------------
 *       | φ1−3φ2+4φ3     2φ2−4φ3    2φ2−4φ3    −φ2+4φ3
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \) (here
 * \(\varphi_{j,2} = \varphi_{j,3} = \varphi_j(Z/2)\)). The entry \(a_{41}\) is written as
 * Cox and Matthews write it, by the doubling formula \(\varphi_1(2w) = \frac12(e^w + 1)\varphi_1(w)\):
 * \[ a_{41} = \varphi_1(Z) - \varphi_1(\tfrac12 Z)
 *          = \tfrac12\varphi_1(\tfrac12 Z)\,\bigl(e^{Z/2} - I\bigr), \]
 * so that \(a_{41} + a_{43} = \varphi_1\) (condition 3). As \(Z \to 0\) it reduces exactly to
 * the classical Runge–Kutta method (classical order 4). Stiff order conditions 1–4 hold, but
 * condition 5 fails even in weakened form and 7–9 fail too: stiff order 2 in the worst case
 * (Hochbruck–Ostermann).
 *
 * <p>Reference: S. M. Cox, P. C. Matthews, Exponential time differencing for stiff systems,
 * J. Comput. Phys. 176 (2002) 430–455; stiff analysis in M. Hochbruck, A. Ostermann, SIAM J.
 * Numer. Anal. 43(3) (2005) 1069–1090.
 */
public final class CoxMatthewsEtdrk4 extends ExponentialRungeKuttaMethod {

    /** The registry name. */
    public static final String NAME = "etdrk4";

    /** Literature reference. */
    public static final String REFERENCE = "S. M. Cox, P. C. Matthews, Exponential time differencing for"
            + " stiff systems, J. Comput. Phys. 176 (2002) 430–455";

    /** Creates the method. */
    public CoxMatthewsEtdrk4() {
        super(NAME, Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(4, 2), REFERENCE, buildTableau());
    }

    private static ExponentialRungeKuttaTableau buildTableau() {
        Fraction half = Fraction.ONE_HALF;
        PhiCombination halfPhi1Half = phi(1, half).times(1, 2);
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, half, half, Fraction.ONE},
                new PhiCombination[][] {
                    {},
                    {halfPhi1Half},
                    {PhiCombination.ZERO, halfPhi1Half},
                    {phi(1).minus(phi(1, half)), PhiCombination.ZERO, phi(1, half)}},
                Krogstad.weights(),
                null);
    }
}
