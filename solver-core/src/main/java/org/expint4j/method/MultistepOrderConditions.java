package org.expint4j.method;

import java.util.Arrays;
import org.expint4j.phi.Phi;

/**
 * The order conditions of an exponential multistep rule ({@link MultistepCoefficients}): with
 * the history \(N_{n-j} = N(t_n + \theta_j h)\) Taylor-expanded about \(t_n\), the local error
 * of \( u_{n+1} = e^Z u_n + h\sum_j \beta_j(Z) N_{n-j} \) is
 * \( \sum_k h^{k+1} \psi_k(Z) N^{(k)}(t_n) + O(h^{p+1}) \) with
 * \[ \psi_k(Z) = \varphi_{k+1}(Z) - \sum_{j\lt p} \beta_j(Z) \frac{\theta_j^k}{k!}. \]
 * A rule whose \(\psi_k\) vanish identically for \(k \lt p\) integrates every polynomial of
 * degree \(\lt p\) exactly for every \(Z\): its error constants do not depend on the stiffness,
 * which is the stiff order \(p\) of exponential Adams methods (Hochbruck and Ostermann, Acta
 * Numerica 19 (2010), §2.5; the exact rule {@link ExponentialAdams#coefficients} has it by
 * construction). A rule whose \(\psi_k\) vanish only at \(Z = 0\) is exact for polynomials only
 * classically. At the top order that weakened form still suffices, as for Runge–Kutta methods
 * ({@link OrderConditions}): for \(Z \le 0\), \(\psi(0) = 0\) makes \(\psi(Z)/(1 - e^Z)\) bounded,
 * so the local errors \(h^p\psi_{p-1}(hL)N^{(p-1)}\), propagated by powers of \(e^{hL}\) and summed by
 * parts, leave a global error \(O(h^p)\) independent of the stiffness. Below the top order it does
 * not: the error constants grow with \(\|hL\|\).
 *
 * <p>Each \(\psi_k\) is evaluated at the given scalar samples \(z\) (for diffusion samplers the
 * linear part is scalar, so scalars are the whole story) and at \(z = 0\), and compared with the
 * magnitude of its terms, as in {@link OrderConditions}: the rule's \(\gamma\) weights are exact
 * rational functions of the nodes rounded once, so a condition that holds leaves a residual of a
 * few dozen ulps of the magnitude, and {@link OrderConditions#DEFAULT_TOLERANCE} \(= 10^{-10}\)
 * separates it from a failing one (relative size \(\ge 10^{-3}\) at the default samples for the
 * rules of the diffusion samplers).
 */
public final class MultistepOrderConditions {

    private MultistepOrderConditions() {
    }

    /**
     * The verdicts of \(\psi_0, \dots, \psi_{K-1}\) for one rule at one set of nodes.
     *
     * @param verdicts {@code verdicts[k]}: {@link OrderConditions.Verdict#STRONG} if
     *     \(\psi_k(z) = 0\) at every sample, {@link OrderConditions.Verdict#WEAK} if only
     *     \(\psi_k(0) = 0\), else {@link OrderConditions.Verdict#FAILS}
     * @param residuals {@code residuals[k]}: the largest relative residual over the samples
     */
    public record Profile(OrderConditions.Verdict[] verdicts, double[] residuals) {

        /**
         * @return the stiff order: the largest \(p\) with \(\psi_k\) {@link OrderConditions.Verdict#STRONG}
         *     for \(k \lt p - 1\) and \(\psi_{p-1}\) at least {@link OrderConditions.Verdict#WEAK}
         */
        public int stiffOrder() {
            int k = 0;
            while (k < verdicts.length && verdicts[k] == OrderConditions.Verdict.STRONG) {
                k++;
            }
            return k < verdicts.length && verdicts[k] == OrderConditions.Verdict.WEAK ? k + 1 : k;
        }

        /** @return the number of leading conditions that hold at \(Z = 0\): the classical order */
        public int classicalOrder() {
            int k = 0;
            while (k < verdicts.length && verdicts[k].atLeastWeak()) {
                k++;
            }
            return k;
        }

        /** @return the verdict symbols of \(\psi_0, \psi_1, \dots\), e.g. {@code "SSW"} */
        public String symbols() {
            StringBuilder sb = new StringBuilder(verdicts.length);
            for (OrderConditions.Verdict v : verdicts) {
                sb.append(v.symbol());
            }
            return sb.toString();
        }

        /** @return the symbols, the orders and the residuals */
        @Override
        public String toString() {
            return symbols() + " (stiff order " + stiffOrder() + ", classical " + classicalOrder() + ", residuals "
                    + Arrays.toString(residuals) + ")";
        }
    }

    /**
     * The profile at the default samples and tolerance of {@link OrderConditions}.
     *
     * @param rule the coefficient rule
     * @param theta the nodes \(\theta_0 = 0, \theta_1, \dots, \theta_{p-1}\), distinct
     * @param conditions how many conditions \(K\) to evaluate, {@code >= 1}
     * @return the profile
     */
    public static Profile profile(MultistepCoefficients rule, double[] theta, int conditions) {
        return profile(rule, theta, conditions, OrderConditions.defaultSamples(), OrderConditions.DEFAULT_TOLERANCE);
    }

    /**
     * @param rule the coefficient rule
     * @param theta the nodes \(\theta_0 = 0, \theta_1, \dots, \theta_{p-1}\), distinct and finite
     * @param conditions how many conditions \(K\) to evaluate, in [1, {@link ExponentialAdams#MAX_ORDER} + 1]
     * @param samples the scalar arguments, at least one, finite, with some \(|z| \ge 1\)
     * @param tolerance the tolerance relative to the magnitude of the terms, {@code > 0}
     * @return the profile
     * @throws IllegalArgumentException naming an offending argument
     */
    public static Profile profile(MultistepCoefficients rule, double[] theta, int conditions, double[] samples,
                                  double tolerance) {
        int p = theta.length;
        if (p < 1 || theta[0] != 0) {
            throw new IllegalArgumentException("nodes must start with theta_0 = 0, got " + Arrays.toString(theta));
        }
        for (int j = 1; j < p; j++) {
            if (!Double.isFinite(theta[j]) || theta[j] == 0) {
                throw new IllegalArgumentException("node theta_" + j + " must be finite and non-zero, got " + theta[j]);
            }
        }
        if (conditions < 1 || conditions > ExponentialAdams.MAX_ORDER + 1) {
            throw new IllegalArgumentException("number of conditions must be in [1, " + (ExponentialAdams.MAX_ORDER + 1)
                    + "], got " + conditions);
        }
        OrderConditions.checkSamples(samples, tolerance);
        double[][] gamma = new double[p][p + 1];
        rule.compute(theta.clone(), p, gamma);
        if (!rule.hasConstantTerm()) {
            for (double[] row : gamma) {
                row[p] = 0;
            }
        }
        int phis = Math.max(p, conditions) + 1;
        double[] phi = new double[phis + 1];
        OrderConditions.Verdict[] verdicts = new OrderConditions.Verdict[conditions];
        double[] residuals = new double[conditions];
        double[] atZero = residualsAt(0, gamma, theta, conditions, phi);
        for (double z : samples) {
            double[] r = residualsAt(z, gamma, theta, conditions, phi);
            for (int k = 0; k < conditions; k++) {
                residuals[k] = Math.max(residuals[k], r[k]);
            }
        }
        for (int k = 0; k < conditions; k++) {
            verdicts[k] = residuals[k] <= tolerance ? OrderConditions.Verdict.STRONG
                    : atZero[k] <= tolerance ? OrderConditions.Verdict.WEAK : OrderConditions.Verdict.FAILS;
        }
        return new Profile(verdicts, residuals);
    }

    /** \(|\psi_k(z)| / M_k(z)\) for \(k \lt K\), with \(M_k\) the sum of the magnitudes of its terms. */
    private static double[] residualsAt(double z, double[][] gamma, double[] theta, int conditions, double[] phi) {
        Phi.phi(z, phi);
        int p = theta.length;
        double[] beta = new double[p];
        double[] betaMagnitude = new double[p];
        for (int j = 0; j < p; j++) {
            for (int m = 0; m < p; m++) {
                beta[j] += gamma[j][m] * phi[m + 1];
                betaMagnitude[j] += Math.abs(gamma[j][m] * phi[m + 1]);
            }
            // The constant term of rules that have one (MultistepCoefficients#hasConstantTerm).
            beta[j] += gamma[j][p];
            betaMagnitude[j] += Math.abs(gamma[j][p]);
        }
        double[] r = new double[conditions];
        double factorial = 1;
        for (int k = 0; k < conditions; k++) {
            factorial *= Math.max(k, 1);
            double psi = phi[k + 1];
            double magnitude = Math.abs(phi[k + 1]);
            for (int j = 0; j < p; j++) {
                double w = Math.pow(theta[j], k) / factorial;
                psi -= beta[j] * w;
                magnitude += betaMagnitude[j] * Math.abs(w);
            }
            r[k] = magnitude == 0 ? 0 : Math.abs(psi) / magnitude;
        }
        return r;
    }
}
