package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * Krogstad's fourth-order exponential Runge–Kutta method ETDRK4-B, registry name
 * {@code "krogstad"}: the nodes and weights of {@link CoxMatthewsEtdrk4} with stages chosen so
 * that \(\psi_{2,2} + \psi_{2,3} = 0\) and \(\psi_{2,4} = 0\):
 * <pre>
 *   0   |
 *   1/2 | ½φ1,2
 *   1/2 | ½φ1,3 − φ2,3    φ2,3
 *   1   | φ1 − 2φ2        0          2φ2
 *  -----+------------------------------------------------------------
 *       | φ1−3φ2+4φ3      2φ2−4φ3    2φ2−4φ3    −φ2+4φ3
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \). As
 * \(Z \to 0\) it reduces exactly to the classical Runge–Kutta method. Conditions 1–5 and 9
 * hold for every \(Z\), 6 and 8 only in weakened form, and 7 fails: stiff order 3
 * (Hochbruck–Ostermann).
 *
 * <p>Reference: S. Krogstad, Generalized integrating factor methods for stiff PDEs, J. Comput.
 * Phys. 203 (2005) 72–88; stiff analysis in M. Hochbruck, A. Ostermann, SIAM J. Numer. Anal.
 * 43(3) (2005) 1069–1090.
 */
public final class Krogstad extends ExponentialRungeKuttaMethod {

    /** The registry name. */
    public static final String NAME = "krogstad";

    /** Literature reference. */
    public static final String REFERENCE = "S. Krogstad, Generalized integrating factor methods for stiff"
            + " PDEs, J. Comput. Phys. 203 (2005) 72–88";

    /** Creates the method. */
    public Krogstad() {
        super(NAME, Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(4, 3), REFERENCE, buildTableau());
    }

    /**
     * The weights shared with {@link CoxMatthewsEtdrk4}:
     * \( (\varphi_1 - 3\varphi_2 + 4\varphi_3,\ 2\varphi_2 - 4\varphi_3,\
     *     2\varphi_2 - 4\varphi_3,\ -\varphi_2 + 4\varphi_3) \).
     *
     * @return \(b_1, \dots, b_4\)
     */
    static PhiCombination[] weights() {
        PhiCombination middle = phi(2).times(2, 1).minus(phi(3).times(4, 1));
        return new PhiCombination[] {
            phi(1).minus(phi(2).times(3, 1)).plus(phi(3).times(4, 1)),
            middle,
            middle,
            phi(3).times(4, 1).minus(phi(2))};
    }

    private static ExponentialRungeKuttaTableau buildTableau() {
        Fraction half = Fraction.ONE_HALF;
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, half, half, Fraction.ONE},
                new PhiCombination[][] {
                    {},
                    {phi(1, half).times(1, 2)},
                    {phi(1, half).times(1, 2).minus(phi(2, half)), phi(2, half)},
                    {phi(1).minus(phi(2).times(2, 1)), PhiCombination.ZERO, phi(2).times(2, 1)}},
                weights(),
                null);
    }
}
