package org.expint4j.diffusion;

import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.NumericTableau;

/**
 * DPM-Solver's update rules written as exponential-integrator weights in λ-time. With \(Z = hL\)
 * (\(L = -1\) for data prediction, \(L = +1\) for noise prediction) every single-step update of
 * the reference is an exponential Runge–Kutta tableau whose nodes are the intermediate
 * log-SNR ratios \(r_1, r_2\) of the step, and every multistep update is an exponential Adams
 * weight rule on the log-SNR history. The rules below fill a {@link NumericTableau} (or a
 * coefficient array) in place, so a sampler step allocates nothing.
 *
 * <p>Single step (reference §1.6), with \( \varphi_{k,i} = \varphi_k(r_i Z) \):
 * <ul>
 * <li>order 1 (DDIM): \( b_1 = \varphi_1 \);</li>
 * <li>order 2: \( a_{21} = r_1\varphi_{1,1} \); taylor: \( b_2 = \varphi_2/r_1 \);
 *     dpmsolver: \( b_2 = \varphi_1/(2r_1) \); \( b_1 = \varphi_1 - b_2 \);</li>
 * <li>order 3: \( a_{21} = r_1\varphi_{1,1} \), \( a_{32} = (r_2^2/r_1)\varphi_{2,2} \),
 *     \( a_{31} = r_2\varphi_{1,2} - a_{32} \); dpmsolver: \( b_3 = \varphi_2/r_2 \), \(b_2 = 0\);
 *     taylor: \( b_2 = \frac{r_2\varphi_2 - 2\varphi_3}{r_1(r_2 - r_1)} \),
 *     \( b_3 = \frac{-r_1\varphi_2 + 2\varphi_3}{r_2(r_2 - r_1)} \); \( b_1 = \varphi_1 - b_2 - b_3 \).</li>
 * </ul>
 * With \(r_1 = 1/3, r_2 = 2/3\) the order-3 dpmsolver rule is exactly the Hochbruck–Ostermann
 * stiff-order-3 family with \(c_2 = 1/3\), and the taylor rules are the exact φ-weights of
 * polynomial interpolation.
 */
public final class DpmCoefficients {

    private DpmCoefficients() {
    }

    /**
     * Creates a tableau with room for single-step updates up to order 3, with embedded weights
     * (used by the adaptive solver).
     *
     * @return an empty tableau
     */
    public static NumericTableau newSinglestepTableau(int order) {
        return new NumericTableau(order, true, 3, 3);
    }

    /**
     * Fills {@code tableau} (of {@code order} stages) with the single-step update of that order.
     *
     * @param tableau a tableau of {@code order} stages
     * @param order 1, 2 or 3
     * @param type the coefficient rule
     * @param r1 first intermediate ratio (order ≥ 2)
     * @param r2 second intermediate ratio (order 3)
     */
    public static void singlestep(NumericTableau tableau, int order, SolverType type, double r1, double r2) {
        int out = tableau.outputRow();
        switch (order) {
            case 1 -> {
                tableau.clear(out, 0);
                tableau.addTerm(out, 0, 1, 1, 1);
            }
            case 2 -> {
                tableau.setNode(1, r1);
                setEntry(tableau, 1, 0, r1, 1, r1);
                secondOrderWeights(tableau, out, type, r1);
            }
            case 3 -> {
                tableau.setNode(1, r1);
                tableau.setNode(2, r2);
                setEntry(tableau, 1, 0, r1, 1, r1);
                double q = r2 * r2 / r1;
                tableau.clear(2, 0);
                tableau.addTerm(2, 0, r2, 1, r2);
                tableau.addTerm(2, 0, -q, 2, r2);
                setEntry(tableau, 2, 1, q, 2, r2);
                for (int j = 0; j < 3; j++) {
                    tableau.clear(out, j);
                }
                if (type == SolverType.DPMSOLVER) {
                    tableau.addTerm(out, 0, 1, 1, 1);
                    tableau.addTerm(out, 0, -1 / r2, 2, 1);
                    tableau.addTerm(out, 2, 1 / r2, 2, 1);
                } else {
                    double d = r2 - r1;
                    double b22 = r2 / (r1 * d);
                    double b23 = -2 / (r1 * d);
                    double b32 = -r1 / (r2 * d);
                    double b33 = 2 / (r2 * d);
                    tableau.addTerm(out, 0, 1, 1, 1);
                    tableau.addTerm(out, 0, -(b22 + b32), 2, 1);
                    tableau.addTerm(out, 0, -(b23 + b33), 3, 1);
                    tableau.addTerm(out, 1, b22, 2, 1);
                    tableau.addTerm(out, 1, b23, 3, 1);
                    tableau.addTerm(out, 2, b32, 2, 1);
                    tableau.addTerm(out, 2, b33, 3, 1);
                }
            }
            default -> throw new IllegalArgumentException("single-step order must be 1, 2 or 3, got " + order);
        }
    }

    /**
     * Sets the embedded weights of the adaptive pairs: for a 2-stage tableau the first-order
     * update (DPM-Solver-12), for a 3-stage one the second-order update with the same \(r_1\)
     * (DPM-Solver-23), both sharing the stages of the higher-order update.
     *
     * @param tableau a 2- or 3-stage tableau filled by {@link #singlestep}
     * @param type the coefficient rule
     * @param r1 the first intermediate ratio
     */
    public static void embedded(NumericTableau tableau, SolverType type, double r1) {
        int row = tableau.embeddedRow();
        for (int j = 0; j < tableau.stages(); j++) {
            tableau.clear(row, j);
        }
        if (tableau.stages() == 2) {
            tableau.addTerm(row, 0, 1, 1, 1);
        } else if (tableau.stages() == 3) {
            secondOrderWeights(tableau, row, type, r1);
        } else {
            throw new IllegalArgumentException("adaptive pairs have 2 or 3 stages, got " + tableau.stages());
        }
    }

    private static void secondOrderWeights(NumericTableau tableau, int row, SolverType type, double r1) {
        tableau.clear(row, 0);
        tableau.clear(row, 1);
        tableau.addTerm(row, 0, 1, 1, 1);
        if (type == SolverType.DPMSOLVER) {
            tableau.addTerm(row, 0, -1 / (2 * r1), 1, 1);
            tableau.addTerm(row, 1, 1 / (2 * r1), 1, 1);
        } else {
            tableau.addTerm(row, 0, -1 / r1, 2, 1);
            tableau.addTerm(row, 1, 1 / r1, 2, 1);
        }
    }

    private static void setEntry(NumericTableau tableau, int row, int column, double q, int k, double s) {
        tableau.clear(row, column);
        tableau.addTerm(row, column, q, k, s);
    }

    /**
     * The multistep rule of the reference sampler or the exact exponential Adams rule, on the
     * nodes \( \theta_j = (\lambda_{n-j} - \lambda_n)/h \): \( \theta_1 = -r_0 \),
     * \( \theta_2 = -(r_0 + r_1) \).
     *
     * @param type the solver type (matters for order 2 only, as in the reference)
     * @param exactThirdOrder whether order 3 uses the exact weights (default) or the reference's
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
        double[] d10 = {1 / r0, -1 / r0, 0};
        double[] d11 = {0, 1 / r1, -1 / r1};
        for (int j = 0; j < 3; j++) {
            gamma[j][0] = j == 0 ? 1 : 0;
            gamma[j][1] = (1 + w) * d10[j] - w * d11[j];
            gamma[j][2] = s * (d10[j] - d11[j]);
        }
    }
}
