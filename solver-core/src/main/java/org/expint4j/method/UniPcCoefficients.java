package org.expint4j.method;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The coefficient rules of UniPC (W. Zhao, L. Bai, Y. Rao, J. Zhou, J. Lu, "UniPC: A Unified
 * Predictor-Corrector Framework for Fast Sampling of Diffusion Models", NeurIPS 2023,
 * arXiv:2302.04867): the predictor UniP-\(p\) and the corrector UniC-\(p\) as exponential
 * multistep weights for {@link org.expint4j.integrate.ExponentialAdamsStepper}.
 *
 * <p>With \(Z = hL\) (in λ-time \(L = -1\) for data prediction, \(+1\) for noise prediction), the
 * history \(N_k\) at nodes \(r_k = \theta_k\) (\(r_0 = 0\); the corrector adds \(r = 1\), the value
 * at the predicted state) and \( D_k = (N_k - N_0)/r_k \), both are
 * \[ u_{n+1} = e^Z u_n + h\varphi_1(Z) N_0 + B(Z)\,\tfrac{h}{Z} \sum_k \rho_k D_k, \qquad
 * \sum_k \rho_k r_k^{i-1} = \frac{i!\,Z\varphi_{i+1}(Z)}{B(Z)}, \ i = 1, \dots, K, \]
 * with \(K = p-1\) unknowns for UniP-\(p\) and \(K = p\) for UniC-\(p\) (its nodes are the
 * predictor's and 1). The variant fixes \(B\): {@link Variant#BH1} \(B(Z) = Z\),
 * {@link Variant#BH2} \(B(Z) = e^Z - 1\). In the reference code's terms \(Z\) is its {@code hh}
 * (\(-h\) for data prediction), so its {@code B_h} is \(B(Z)\) and the sign convention of both
 * predictions is one.
 *
 * <p>Where the system is solved, \( B(Z)\rho/Z \) does not depend on \(B\) and the weights are
 * those of exact integration of the interpolating polynomial: UniP-\(p\) (\(p \ge 3\)) is the
 * exponential Adams rule ({@link ExponentialAdams#coefficients}) and UniC-\(p\) (\(p \ge 2\)) the
 * exponential Adams–Moulton rule on the nodes \((1, 0, r_1, \dots)\), computed here by that
 * Lagrange construction (the same polynomial as the Vandermonde system above). The variants
 * differ only in the closed forms of the reference, \( \rho = 1/2 \) for UniP-2 and UniC-1:
 * <ul>
 * <li>UniP-2: \( h\varphi_1 N_0 + \tfrac12 (B/Z) h D_1 \) — with BH2 this is
 *     DPM-Solver++(2M);</li>
 * <li>UniC-1: \( h\varphi_1 N_0 + \tfrac12 (B/Z) h (N_{n+1} - N_0) \).</li>
 * </ul>
 * \(B/Z\) is \(1\) (BH1, a constant weight, {@link MultistepCoefficients#hasConstantTerm}) or
 * \(\varphi_1(Z)\) (BH2), so every weight is a φ-combination, evaluated without cancellation for
 * small \(h\). Orders (observed in the sampler's tests): UniP-\(p\) \(p\), UniP-\(p\) with UniC
 * \(p+1\); any \(p \le\) {@link ExponentialAdams#MAX_ORDER}.
 */
public final class UniPcCoefficients {

    /** The choice of \(B(h)\) (reference {@code variant}; its third, {@code vary_coeff}, is not offered). */
    public enum Variant {
        /** \( B(Z) = Z \) (reference {@code 'bh1'}, its default). */
        BH1,
        /** \( B(Z) = e^Z - 1 \) (reference {@code 'bh2'}). */
        BH2;

        /**
         * @param name {@code bh1} or {@code bh2}, any case
         * @return the variant
         * @throws IllegalArgumentException naming an unknown variant
         */
        public static Variant parse(String name) {
            return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
                case "bh1" -> BH1;
                case "bh2" -> BH2;
                default -> throw new IllegalArgumentException("unknown UniPC variant '" + name
                        + "': expected bh1 or bh2");
            };
        }
    }

    private UniPcCoefficients() {
    }

    /**
     * UniP-\(p\) on the nodes \( (0, \theta_1, \dots, \theta_{p-1}) \).
     *
     * @param variant the choice of \(B\)
     * @return the predictor rule
     */
    public static MultistepCoefficients predictor(Variant variant) {
        return new Rule(variant);
    }

    /**
     * UniC-\(p\) on the nodes \( (1, 0, \theta_1, \dots, \theta_{p-1}) \) (\(p+1\) values); it may
     * follow any multistep predictor.
     *
     * @param variant the choice of \(B\)
     * @return the corrector rule
     */
    public static MultistepCoefficients corrector(Variant variant) {
        // The node lists tell the two apart: one rule serves both.
        return new Rule(variant);
    }

    /** Two nodes: the closed form \( \rho = 1/2 \); more: the exact rule. */
    private static final class Rule implements MultistepCoefficients {

        private final Variant variant;

        Rule(Variant variant) {
            this.variant = Objects.requireNonNull(variant, "variant");
        }

        @Override
        public boolean hasConstantTerm() {
            return variant == Variant.BH1;
        }

        @Override
        public void compute(double[] theta, int p, double[][] gamma) {
            for (int j = 0; j < p; j++) {
                Arrays.fill(gamma[j], 0, p + 1, 0.0);
            }
            if (p != 2) {
                ExponentialAdams.coefficients(theta, p, gamma);
                return;
            }
            // Nodes (θ_a, θ_b) with θ_b = 0 the base value N_0: h φ1 N_0 + ½ (B/Z) h (N_a - N_0)/θ_a.
            int a = theta[0] == 0 ? 1 : 0;
            int b = 1 - a;
            double rho = 0.5 / theta[a];
            gamma[b][0] = 1;
            // B/Z: the constant 1 (column p) for BH1, φ1 (column 0) for BH2
            int column = variant == Variant.BH1 ? p : 0;
            gamma[a][column] += rho;
            gamma[b][column] -= rho;
        }
    }
}
