package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The two-stage exponential Runge–Kutta family of stiff order 2 with a free node
 * \(c_2 \in (0, 1]\) and the exponential Euler method embedded:
 * <pre>
 *   0  |
 *   c2 | c2 φ1,2
 *  ----+-------------------------
 *      | φ1 − φ2/c2      φ2/c2         (b,    stiff order 2)
 *      | φ1              0             (bHat, stiff order 1)
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \).
 * Stiff order conditions 1–3 hold for every \(Z\) (\(\sum_i b_i = \varphi_1\),
 * \(\sum_i b_i c_i = \varphi_2\), \(a_{21} = c_2\varphi_{1,2}\)); condition 4 fails even at
 * \(Z = 0\), so the classical order is 2 as well.
 *
 * <p>Registered instances: {@code "hochost2"} (\(c_2 = 1/2\)) and {@code "etd2rk"}
 * (\(c_2 = 1\), the ETD2RK method of Cox and Matthews: \(a_{21} = \varphi_1\),
 * \(b = (\varphi_1 - \varphi_2, \varphi_2)\)). In λ-time with \(L = \pm 1\) the family is
 * DPM-Solver-2 in its Taylor variant with \(r_1 = c_2\); the pair \((b, \hat b)\) is the
 * DPM-Solver-12 error estimator.
 *
 * <p>References: M. Hochbruck, A. Ostermann, Explicit exponential Runge–Kutta methods for
 * semilinear parabolic problems, SIAM J. Numer. Anal. 43(3) (2005) 1069–1090; S. M. Cox,
 * P. C. Matthews, Exponential time differencing for stiff systems, J. Comput. Phys. 176 (2002)
 * 430–455.
 */
public final class HochbruckOstermann2 extends ExponentialRungeKuttaMethod {

    /** Registry name of the member \(c_2 = 1/2\). */
    public static final String NAME = "hochost2";

    /** Registry name of the member \(c_2 = 1\), Cox–Matthews ETD2RK. */
    public static final String ETD2RK_NAME = "etd2rk";

    private static final String HO_REFERENCE = "M. Hochbruck, A. Ostermann, Explicit exponential"
            + " Runge–Kutta methods for semilinear parabolic problems, SIAM J. Numer. Anal. 43(3)"
            + " (2005) 1069–1090";

    private static final String CM_REFERENCE = "S. M. Cox, P. C. Matthews, Exponential time differencing"
            + " for stiff systems, J. Comput. Phys. 176 (2002) 430–455";

    private final Fraction c2;

    /**
     * @param c2 the free node \(c_2\)
     * @throws IllegalArgumentException if \(c_2 \notin (0, 1]\)
     */
    public HochbruckOstermann2(Fraction c2) {
        super(name(c2), Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(2, 2).withEmbedded(1),
                c2.equals(Fraction.ONE) ? CM_REFERENCE + "; " + HO_REFERENCE : HO_REFERENCE,
                buildTableau(c2));
        this.c2 = c2;
    }

    /** @return the member \(c_2 = 1/2\), {@code "hochost2"} */
    public static HochbruckOstermann2 hochost2() {
        return new HochbruckOstermann2(Fraction.ONE_HALF);
    }

    /** @return the member \(c_2 = 1\), Cox–Matthews {@code "etd2rk"} */
    public static HochbruckOstermann2 etd2rk() {
        return new HochbruckOstermann2(Fraction.ONE);
    }

    /** @return the free node \(c_2\) */
    public Fraction c2() {
        return c2;
    }

    /**
     * @param c2 the free node
     * @return the name of the member: the registry name for \(c_2 \in \{1/2, 1\}\), otherwise
     *     e.g. {@code "hochost2[c2=1/3]"}
     */
    static String name(Fraction c2) {
        validate(c2);
        if (c2.equals(Fraction.ONE)) {
            return ETD2RK_NAME;
        }
        return c2.equals(Fraction.ONE_HALF) ? NAME : NAME + "[c2=" + PhiCombination.format(c2) + "]";
    }

    static void validate(Fraction c2) {
        if (c2 == null || c2.compareTo(Fraction.ZERO) <= 0 || c2.compareTo(Fraction.ONE) > 0) {
            throw new IllegalArgumentException("node c2 must lie in (0, 1], got " + (c2 == null ? null : PhiCombination.format(c2)));
        }
    }

    /**
     * The weights \( (\varphi_1 - \varphi_2/c_2,\ \varphi_2/c_2) \), also the embedded weights
     * of {@link HochbruckOstermann3} (padded with zeros).
     *
     * @param c2 the node
     * @return \(b_1, b_2\)
     */
    static PhiCombination[] weights(Fraction c2) {
        PhiCombination b2 = phi(2).times(c2.reciprocal());
        return new PhiCombination[] {phi(1).minus(b2), b2};
    }

    private static ExponentialRungeKuttaTableau buildTableau(Fraction c2) {
        validate(c2);
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, c2},
                new PhiCombination[][] {{}, {phi(1, c2).times(c2)}},
                weights(c2),
                new PhiCombination[] {phi(1), PhiCombination.ZERO});
    }
}
