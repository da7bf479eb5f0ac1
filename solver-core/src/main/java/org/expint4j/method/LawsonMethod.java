package org.expint4j.method;

import java.util.Locale;
import org.apache.commons.math3.fraction.Fraction;

/**
 * A Lawson (integrating-factor) method: a classical explicit Runge–Kutta method applied to
 * \(v(t) = e^{-(t - t_n)L} u(t)\), written in exponential Runge–Kutta form with
 * \[ a_{ij}(Z) = a^{\mathrm{cl}}_{ij}\, \varphi_0\bigl((c_i - c_j) Z\bigr), \qquad
 *    b_i(Z) = b^{\mathrm{cl}}_i\, \varphi_0\bigl((1 - c_i) Z\bigr), \]
 * \(\varphi_0 = \exp\), which needs \(c_i \ge c_j\) wherever \(a^{\mathrm{cl}}_{ij} \ne 0\) (a
 * negative scale would be a backward exponential, unbounded for stiff \(L\)).
 *
 * <p>Registered instances: {@code "lawson-euler"}
 * (\(u_{n+1} = e^{Z}(u_n + h N_n)\)) and {@code "lawson4"} (from classical RK4):
 * <pre>
 *   0   |
 *   1/2 | ½φ0,2
 *   1/2 | 0          ½I
 *   1   | 0          0          φ0,2
 *  -----+-----------------------------------------------
 *       | ⅙φ0        ⅓φ0,2      ⅓φ0,2      ⅙I
 * </pre>
 * with \( \varphi_0 = e^{Z} \), \( \varphi_{0,2} = e^{Z/2} \).
 *
 * <p><b>Stiff order.</b> The classical order is that of the underlying Runge–Kutta method, but
 * Lawson methods have no stiff order in the sense of Hochbruck and Ostermann: already
 * \(\psi_1(Z) = \varphi_1(Z) - \sum_i b_i(Z) \ne 0\), so the method is not exact for
 * \(u' = Lu + \text{const}\), and the stiff order conditions hold at best at \(Z = 0\). Their
 * error bounds need extra regularity of \(N\) along the solution (roughly
 * \(L^{p-1} N(u(t))\) bounded, i.e. compatibility of \(N\) with the boundary conditions for
 * PDEs). How far the order drops therefore depends on the problem: down to about 1 on the
 * Hochbruck–Ostermann parabolic test problem, where the forcing does not vanish on the
 * boundary, while on smooth periodic problems the full order is eventually seen. This class
 * declares stiff order 1, what the weakened \(\psi_1(0) = 0\) found by {@link OrderConditions}
 * guarantees, and what is measured uniformly in the stiffness on the test problems.
 *
 * <p>Reference: J. D. Lawson, Generalized Runge–Kutta processes for stable systems with large
 * Lipschitz constants, SIAM J. Numer. Anal. 4 (1967) 372–380; M. Hochbruck, A. Ostermann,
 * Exponential integrators, Acta Numerica 19 (2010) 209–286.
 */
public final class LawsonMethod extends ExponentialRungeKuttaMethod {

    /** Registry name of the Lawson–Euler method. */
    public static final String EULER_NAME = "lawson-euler";

    /** Registry name of the Lawson method built on classical RK4. */
    public static final String RK4_NAME = "lawson4";

    /** Literature reference. */
    public static final String REFERENCE = "J. D. Lawson, Generalized Runge–Kutta processes for stable"
            + " systems with large Lipschitz constants, SIAM J. Numer. Anal. 4 (1967) 372–380";

    private final ButcherTableau classical;

    /**
     * @param name the registry name, lower case
     * @param classical the classical explicit Runge–Kutta tableau; its order (checked exactly,
     *     at most 4, {@link ButcherTableau#order()}) becomes the classical order
     * @throws IllegalArgumentException if some \(a^{\mathrm{cl}}_{ij} \ne 0\) has
     *     \(c_i \lt c_j\), a node lies outside \([0, 1]\), or the name is not lower case
     */
    public LawsonMethod(String name, ButcherTableau classical) {
        super(checkName(name), Family.LAWSON, Orders.of(classical.order(), 1), REFERENCE, buildTableau(classical));
        this.classical = classical;
    }

    /** @return the Lawson–Euler method {@code "lawson-euler"} */
    public static LawsonMethod euler() {
        return new LawsonMethod(EULER_NAME, ButcherTableau.euler());
    }

    /** @return the Lawson method {@code "lawson4"} built on classical RK4 */
    public static LawsonMethod rk4() {
        return new LawsonMethod(RK4_NAME, ButcherTableau.rk4());
    }

    /** @return the underlying classical tableau */
    public ButcherTableau classical() {
        return classical;
    }

    private static String checkName(String name) {
        if (name == null || name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("method name must be non-empty lower case, got " + name);
        }
        return name;
    }

    private static ExponentialRungeKuttaTableau buildTableau(ButcherTableau cl) {
        int s = cl.stages();
        PhiCombination[][] a = new PhiCombination[s][];
        PhiCombination[] b = new PhiCombination[s];
        for (int i = 0; i < s; i++) {
            a[i] = new PhiCombination[i];
            for (int j = 0; j < i; j++) {
                Fraction scale = cl.c(i).subtract(cl.c(j));
                if (cl.a(i, j).equals(Fraction.ZERO)) {
                    a[i][j] = PhiCombination.ZERO;
                    continue;
                }
                if (scale.compareTo(Fraction.ZERO) < 0) {
                    throw new IllegalArgumentException("Lawson method needs c_i >= c_j where a_ij != 0, but c"
                            + (i + 1) + " = " + PhiCombination.format(cl.c(i)) + " < c" + (j + 1) + " = " + PhiCombination.format(cl.c(j)));
                }
                a[i][j] = PhiCombination.phi(0, scale).times(cl.a(i, j));
            }
            if (cl.c(i).compareTo(Fraction.ZERO) < 0 || cl.c(i).compareTo(Fraction.ONE) > 0) {
                throw new IllegalArgumentException("Lawson method needs nodes in [0, 1], got c"
                        + (i + 1) + " = " + PhiCombination.format(cl.c(i)));
            }
            b[i] = PhiCombination.phi(0, Fraction.ONE.subtract(cl.c(i))).times(cl.b(i));
        }
        return new ExponentialRungeKuttaTableau(cl.c(), a, b, null);
    }
}
