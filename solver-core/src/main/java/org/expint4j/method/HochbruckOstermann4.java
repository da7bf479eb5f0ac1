package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The five-stage exponential Runge–Kutta method of stiff order 4 of Hochbruck and Ostermann,
 * registry name {@code "hochost4"} (EXPINT {@code hochost4}); no explicit four-stage method
 * reaches stiff order 4.
 * <pre>
 *   0   |
 *   1/2 | ½φ1,2
 *   1/2 | ½φ1,3 − φ2,3     φ2,3
 *   1   | φ1,4 − 2φ2,4     φ2,4     φ2,4
 *   1/2 | a51              a52      a52      a54
 *  -----+---------------------------------------------------------
 *       | φ1−3φ2+4φ3       0        0        −φ2+4φ3    4φ2−8φ3
 *
 *   a52 = ½φ2,5 − φ3,4 + ¼φ2,4 − ½φ3,5
 *   a54 = ¼φ2,5 − a52
 *   a51 = ½φ1,5 − 2a52 − a54
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \); since
 * \(c_4 = 1\) and \(c_5 = 1/2\), \(a_{52}\) mixes \(\varphi_j(Z/2)\) and \(\varphi_j(Z)\).
 * Only \(\psi_{2,2} + \psi_{2,3} = 0\) (not each), which with \(a_{42} = a_{43}\) and
 * \(a_{52} = a_{53}\) is enough for condition 8. Conditions 1–5, 8 and 9 hold for every \(Z\);
 * 6 and 7 hold in weakened form (\(b\) at \(Z = 0\)), which the convergence theorem allows at the
 * top order: stiff order 4.
 *
 * <p>Reference: M. Hochbruck, A. Ostermann, Explicit exponential Runge–Kutta methods for
 * semilinear parabolic problems, SIAM J. Numer. Anal. 43(3) (2005) 1069–1090.
 */
public final class HochbruckOstermann4 extends ExponentialRungeKuttaMethod {

    /** The registry name. */
    public static final String NAME = "hochost4";

    /** Literature reference. */
    public static final String REFERENCE = "M. Hochbruck, A. Ostermann, Explicit exponential Runge–Kutta"
            + " methods for semilinear parabolic problems, SIAM J. Numer. Anal. 43(3) (2005) 1069–1090";

    /** Creates the method. */
    public HochbruckOstermann4() {
        super(NAME, Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(4, 4), REFERENCE, buildTableau());
    }

    private static ExponentialRungeKuttaTableau buildTableau() {
        Fraction half = Fraction.ONE_HALF;
        PhiCombination z = PhiCombination.ZERO;
        PhiCombination a52 = phi(2, half).times(1, 2)
                .minus(phi(3))
                .plus(phi(2).times(1, 4))
                .minus(phi(3, half).times(1, 2));
        PhiCombination a54 = phi(2, half).times(1, 4).minus(a52);
        PhiCombination a51 = phi(1, half).times(1, 2).minus(a52.times(2, 1)).minus(a54);
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, half, half, Fraction.ONE, half},
                new PhiCombination[][] {
                    {},
                    {phi(1, half).times(1, 2)},
                    {phi(1, half).times(1, 2).minus(phi(2, half)), phi(2, half)},
                    {phi(1).minus(phi(2).times(2, 1)), phi(2), phi(2)},
                    {a51, a52, a52, a54}},
                new PhiCombination[] {
                    phi(1).minus(phi(2).times(3, 1)).plus(phi(3).times(4, 1)),
                    z,
                    z,
                    phi(3).times(4, 1).minus(phi(2)),
                    phi(2).times(4, 1).minus(phi(3).times(8, 1))},
                null);
    }
}
