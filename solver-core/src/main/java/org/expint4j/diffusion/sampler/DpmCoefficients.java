package org.expint4j.diffusion.sampler;

import static org.expint4j.method.ParametricTableau.Entry.phi;
import static org.expint4j.method.ParametricTableau.Expression.R1;
import static org.expint4j.method.ParametricTableau.Expression.R2;

import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.NumericTableau;
import org.expint4j.method.OrderConditions;
import org.expint4j.method.ParametricTableau;
import org.expint4j.method.ParametricTableau.Entry;
import org.expint4j.method.ParametricTableau.Expression;

/**
 * DPM-Solver's update rules written as exponential-integrator weights in λ-time. With \(Z = hL\)
 * (\(L = -1\) for data prediction, \(L = +1\) for noise prediction) every single-step update of
 * the reference is an exponential Runge–Kutta tableau whose nodes are the intermediate
 * log-SNR ratios \(r_1, r_2\) of the step, and every multistep update is an exponential Adams
 * weight rule on the log-SNR history.
 *
 * <p>Single step (reference §1.6), with \( \varphi_{k,i} = \varphi_k(r_i Z) \) and
 * \( \varphi_k = \varphi_k(Z) \), each defined once as a {@link ParametricTableau}
 * ({@link #tableau}): exact at rational \(r\) for the order conditions, filled in place at real
 * \(r\) by the sampler ({@link #singlestep}, {@link #embedded}) without allocating:
 * <ul>
 * <li>order 1 (DDIM): \( b_1 = \varphi_1 \);</li>
 * <li>order 2: \( a_{21} = r_1\varphi_{1,1} \); taylor: \( b_2 = \varphi_2/r_1 \);
 *     dpmsolver: \( b_2 = \varphi_1/(2r_1) \); \( b_1 = \varphi_1 - b_2 \);
 *     embedded (DPM-Solver-12): \( \hat b_1 = \varphi_1 \);</li>
 * <li>order 3: \( a_{21} = r_1\varphi_{1,1} \), \( a_{32} = (r_2^2/r_1)\varphi_{2,2} \),
 *     \( a_{31} = r_2\varphi_{1,2} - a_{32} \); dpmsolver: \( b_3 = \varphi_2/r_2 \), \(b_2 = 0\);
 *     taylor: \( b_2 = \frac{r_2\varphi_2 - 2\varphi_3}{r_1(r_2 - r_1)} \),
 *     \( b_3 = \frac{-r_1\varphi_2 + 2\varphi_3}{r_2(r_2 - r_1)} \); \( b_1 = \varphi_1 - b_2 - b_3 \);
 *     embedded (DPM-Solver-23): the order-2 weights of the same type and \(r_1\).</li>
 * </ul>
 * With \(r_1 = 1/3, r_2 = 2/3\) the order-3 dpmsolver rule is exactly the Hochbruck–Ostermann
 * stiff-order-3 family with \(c_2 = 1/3\) (its embedded weights are those of the taylor type);
 * the order-2 taylor rule is the two-stage family with \(c_2 = r_1\).
 *
 * <p>Their orders at general \(r\), as {@link OrderConditions} measures them: {@link DpmMethods#orders}.
 */
public final class DpmCoefficients {

    private static final ParametricTableau FIRST_ORDER = new ParametricTableau(
            new Expression[] {Expression.ZERO}, new Entry[][] {{}}, new Entry[] {phi(1)}, null);

    private static final ParametricTableau[] SECOND_ORDER = {
        secondOrder(SolverType.DPMSOLVER), secondOrder(SolverType.TAYLOR)};

    private static final ParametricTableau[] THIRD_ORDER = {
        thirdOrder(SolverType.DPMSOLVER), thirdOrder(SolverType.TAYLOR)};

    private DpmCoefficients() {
    }

    /**
     * The single definition of single-step DPM-Solver-{@code order} of one type: exact at
     * rational \(r\) ({@link ParametricTableau#at}), and what {@link #singlestep} and
     * {@link #embedded} write.
     *
     * @param order 1, 2 or 3
     * @param type the coefficient rule (order 1 has one)
     * @return the tableau, with the embedded weights of the adaptive pair for orders 2 and 3
     * @throws IllegalArgumentException for another order
     */
    public static ParametricTableau tableau(int order, SolverType type) {
        return switch (order) {
            case 1 -> FIRST_ORDER;
            case 2 -> SECOND_ORDER[type == SolverType.DPMSOLVER ? 0 : 1];
            case 3 -> THIRD_ORDER[type == SolverType.DPMSOLVER ? 0 : 1];
            default -> throw new IllegalArgumentException("single-step order must be 1, 2 or 3, got " + order);
        };
    }

    /** \( b_1 = \varphi_1 - b_2 \), \( b_2 = \varphi_1/(2r_1) \) (dpmsolver) or \( \varphi_2/r_1 \) (taylor). */
    private static Entry[] secondOrderWeights(SolverType type) {
        Entry b2 = type == SolverType.DPMSOLVER
                ? phi(1).times(Expression.ONE.divide(R1.times(2)))
                : phi(2).times(Expression.ONE.divide(R1));
        return new Entry[] {phi(1).minus(b2), b2};
    }

    private static ParametricTableau secondOrder(SolverType type) {
        return new ParametricTableau(new Expression[] {Expression.ZERO, R1}, new Entry[][] {{}, {phi(1, R1).times(R1)}},
                secondOrderWeights(type), new Entry[] {phi(1), Entry.ZERO});
    }

    private static ParametricTableau thirdOrder(SolverType type) {
        // a32 = (r2²/r1) φ2(r2 Z) makes ψ_{2,3} = r2² φ2(r2 Z) − a32 r1 vanish
        Entry a32 = phi(2, R2).times(R2.times(R2).divide(R1));
        Entry a31 = phi(1, R2).times(R2).minus(a32);
        Entry[] b;
        if (type == SolverType.DPMSOLVER) {
            Entry b3 = phi(2).times(Expression.ONE.divide(R2));
            b = new Entry[] {phi(1).minus(b3), Entry.ZERO, b3};
        } else {
            // b2 = b22 φ2 + b23 φ3, b3 = b32 φ2 + b33 φ3 solve Σ b_i c_i = φ2, Σ b_i c_i²/2 = φ3
            Expression d = R2.minus(R1);
            Expression b22 = R2.divide(R1.times(d));
            Expression b23 = Expression.constant(-2).divide(R1.times(d));
            Expression b32 = R1.negate().divide(R2.times(d));
            Expression b33 = Expression.constant(2).divide(R2.times(d));
            b = new Entry[] {
                phi(1).minus(phi(2).times(b22.plus(b32))).minus(phi(3).times(b23.plus(b33))),
                phi(2).times(b22).plus(phi(3).times(b23)),
                phi(2).times(b32).plus(phi(3).times(b33))};
        }
        Entry[] embedded = secondOrderWeights(type);
        return new ParametricTableau(new Expression[] {Expression.ZERO, R1, R2},
                new Entry[][] {{}, {phi(1, R1).times(R1)}, {a31, a32}},
                b, new Entry[] {embedded[0], embedded[1], Entry.ZERO});
    }

    /**
     * Creates a tableau with room for single-step updates of that order, with embedded weights
     * (used by the adaptive solver).
     *
     * @param order 1, 2 or 3
     * @return an empty tableau
     */
    public static NumericTableau newSinglestepTableau(int order) {
        return new NumericTableau(order, true, 3, 3);
    }

    /**
     * Fills {@code tableau} (of {@code order} stages) with the single-step update of that order:
     * nodes, stages and output weights of {@link #tableau}{@code (order, type)} at
     * \((r_1, r_2)\). Allocates nothing.
     *
     * @param tableau a tableau of {@code order} stages
     * @param order 1, 2 or 3
     * @param type the coefficient rule
     * @param r1 first intermediate ratio (order ≥ 2)
     * @param r2 second intermediate ratio (order 3)
     */
    public static void singlestep(NumericTableau tableau, int order, SolverType type, double r1, double r2) {
        tableau(order, type).fill(tableau, r1, r2);
    }

    /**
     * Sets the embedded weights of the adaptive pairs: for a 2-stage tableau the first-order
     * update (DPM-Solver-12), for a 3-stage one the second-order update with the same \(r_1\)
     * (DPM-Solver-23), both sharing the stages of the higher-order update. Allocates nothing.
     *
     * @param tableau a 2- or 3-stage tableau filled by {@link #singlestep}
     * @param type the coefficient rule
     * @param r1 the first intermediate ratio
     */
    public static void embedded(NumericTableau tableau, SolverType type, double r1) {
        int stages = tableau.stages();
        if (stages != 2 && stages != 3) {
            throw new IllegalArgumentException("adaptive pairs have 2 or 3 stages, got " + stages);
        }
        tableau(stages, type).fillEmbedded(tableau, r1, Double.NaN);
    }

    /**
     * The multistep rule of the reference sampler or the exact exponential Adams rule, on the
     * nodes \( \theta_j = (\lambda_{n-j} - \lambda_n)/h \): \( \theta_1 = -r_0 \),
     * \( \theta_2 = -(r_0 + r_1) \).
     *
     * @param type the solver type (matters for order 2 only, as in the reference)
     * @param exactThirdOrder whether order 3 uses the exact weights or the reference's
     *     published formula, whose second divided difference carries half the weight exact
     *     integration needs (reference §0.1), which limits it to order 2
     * @return the rule
     */
    public static MultistepCoefficients multistep(SolverType type, boolean exactThirdOrder) {
        return (theta, p, gamma) -> {
            if (p == 2 && type == SolverType.DPMSOLVER) {
                // h φ1 m0 + (h φ1 / 2) (m0 - m1) / r0
                double r0 = -theta[1];
                gamma[0][0] = 1 + 1 / (2 * r0);
                gamma[0][1] = 0;
                gamma[1][0] = -1 / (2 * r0);
                gamma[1][1] = 0;
            } else if (p == 3 && !exactThirdOrder) {
                referenceThirdOrder(theta, gamma);
            } else {
                ExponentialAdams.coefficients(theta, p, gamma);
            }
        };
    }

    /** The reference's 3M update: h φ1 m0 + h φ2 D1 + h φ3 D2 with its D1, D2. */
    private static void referenceThirdOrder(double[] theta, double[][] gamma) {
        double r0 = -theta[1];
        double r1 = -theta[2] - r0;
        // D1_0 = (m0 - m1)/r0, D1_1 = (m1 - m2)/r1
        // D1 = (1 + w) D1_0 - w D1_1 with w = r0/(r0 + r1); D2 = (D1_0 - D1_1)/(r0 + r1)
        double w = r0 / (r0 + r1);
        double s = 1 / (r0 + r1);
        // rows j of D1_0 = (1/r0, -1/r0, 0) and D1_1 = (0, 1/r1, -1/r1), without allocating
        for (int j = 0; j < 3; j++) {
            double d10 = j == 0 ? 1 / r0 : j == 1 ? -1 / r0 : 0;
            double d11 = j == 0 ? 0 : j == 1 ? 1 / r1 : -1 / r1;
            gamma[j][0] = j == 0 ? 1 : 0;
            gamma[j][1] = (1 + w) * d10 - w * d11;
            gamma[j][2] = s * (d10 - d11);
        }
    }
}
