package org.expint4j.method;

import static org.expint4j.method.PhiCombination.phi;

import org.apache.commons.math3.fraction.Fraction;

/**
 * The three-stage exponential Runge–Kutta family of stiff order 3 of Hochbruck and Ostermann,
 * with a free node \(c_2 \in (0, 1]\), \(c_3 = 2/3\), and the {@link HochbruckOstermann2} weights
 * of the same \(c_2\) embedded:
 * <pre>
 *   0   |
 *   c2  | c2 φ1,2
 *   2/3 | ⅔φ1,3 − a32      4/(9 c2) φ2,3
 *  -----+--------------------------------------------------
 *       | φ1 − (3/2)φ2     0                (3/2)φ2     (b,    stiff order 3)
 *       | φ1 − φ2/c2       φ2/c2            0           (bHat, stiff order 2)
 * </pre>
 * with \( \varphi_j = \varphi_j(Z) \) and \( \varphi_{j,i} = \varphi_j(c_i Z) \). Conditions
 * 1–3 and 5 hold for every \(Z\) (\(\psi_{2,3} = 0\) and \(b_2 = 0\) kill condition 5);
 * condition 4, \(\psi_3(Z) = \varphi_3 - \varphi_2/3 = 0\), holds only in the weakened form
 * \(\psi_3(0) = 0\), which the convergence theorem allows at the top order. As
 * \(Z \to 0\) it reduces to a third-order Runge–Kutta method (Heun's for \(c_2 = 1/3\)).
 *
 * <p>Registered instance: {@code "hochost3"} with \(c_2 = 1/3\), the nodes
 * \((r_1, r_2) = (1/3, 2/3)\) of DPM-Solver-3: \((c, a, b)\) is exactly the order-3 'dpmsolver'
 * rule there, and \(\hat b\) is the order-2 'taylor' rule with \(r_1 = 1/3\) (DPM-Solver-23 of
 * the 'dpmsolver' type embeds the 'dpmsolver' order-2 rule instead, \(\hat b_2 = \varphi_1/(2r_1)\)).
 *
 * <p>Reference: M. Hochbruck, A. Ostermann, Explicit exponential Runge–Kutta methods for
 * semilinear parabolic problems, SIAM J. Numer. Anal. 43(3) (2005) 1069–1090; C. Lu et al.,
 * DPM-Solver: a fast ODE solver for diffusion probabilistic model sampling in around 10 steps,
 * NeurIPS 2022.
 */
public final class HochbruckOstermann3 extends ExponentialRungeKuttaMethod {

    /** Registry name of the member \(c_2 = 1/3\). */
    public static final String NAME = "hochost3";

    /** Literature reference. */
    public static final String REFERENCE = "M. Hochbruck, A. Ostermann, Explicit exponential Runge–Kutta"
            + " methods for semilinear parabolic problems, SIAM J. Numer. Anal. 43(3) (2005) 1069–1090";

    private static final Fraction C3 = new Fraction(2, 3);

    private final Fraction c2;

    /**
     * @param c2 the free node \(c_2\)
     * @throws IllegalArgumentException if \(c_2 \notin (0, 1]\)
     */
    public HochbruckOstermann3(Fraction c2) {
        super(name(c2), Family.EXPONENTIAL_RUNGE_KUTTA, Orders.of(3, 3).withEmbedded(2), REFERENCE, buildTableau(c2));
        this.c2 = c2;
    }

    /** @return the member \(c_2 = 1/3\), {@code "hochost3"} */
    public static HochbruckOstermann3 hochost3() {
        return new HochbruckOstermann3(Fraction.ONE_THIRD);
    }

    /** @return the free node \(c_2\) */
    public Fraction c2() {
        return c2;
    }

    private static String name(Fraction c2) {
        HochbruckOstermann2.validate(c2);
        return c2.equals(Fraction.ONE_THIRD) ? NAME : NAME + "[c2=" + PhiCombination.format(c2) + "]";
    }

    private static ExponentialRungeKuttaTableau buildTableau(Fraction c2) {
        HochbruckOstermann2.validate(c2);
        // a32 = 4/(9 c2) φ2(⅔Z) makes ψ_{2,3} = c3² φ2(c3 Z) − a32 c2 vanish
        PhiCombination a32 = phi(2, C3).times(new Fraction(4, 9).divide(c2));
        PhiCombination a31 = phi(1, C3).times(C3).minus(a32);
        PhiCombination[] embedded = HochbruckOstermann2.weights(c2);
        return new ExponentialRungeKuttaTableau(
                new Fraction[] {Fraction.ZERO, c2, C3},
                new PhiCombination[][] {{}, {phi(1, c2).times(c2)}, {a31, a32}},
                new PhiCombination[] {
                    phi(1).minus(phi(2).times(3, 2)),
                    PhiCombination.ZERO,
                    phi(2).times(3, 2)},
                new PhiCombination[] {embedded[0], embedded[1], PhiCombination.ZERO});
    }
}
