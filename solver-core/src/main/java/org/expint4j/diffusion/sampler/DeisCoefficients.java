package org.expint4j.diffusion.sampler;

import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.method.InterpolatedExponentialAdams;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.MultistepWeights;

/**
 * The multistep rules of DEIS (Zhang and Chen, "Fast sampling of diffusion models with
 * exponential integrator", ICLR 2023, arXiv 2204.13902) in λ-time. In the noise-prediction form
 * (\(y = x/\sigma_t\), \(L = +1\), \(N = -\hat\epsilon\)) the probability-flow ODE is
 * \( d(x/\alpha)/d\rho = \hat\epsilon \) with \(\rho = \sigma_t/\alpha_t = e^{-\lambda}\), and a
 * step \( y_{n+1} = e^{h}y_n + \sum_j w_j N_{n-j} \) integrates the propagator exactly:
 * <ul>
 * <li><b>ρAB</b>: \(\hat\epsilon\) interpolated by a polynomial in \(\rho\) (exact integration in
 *     ρ of the Adams–Bashforth polynomial);</li>
 * <li><b>tAB</b>: interpolated by a polynomial in the diffusion time \(t\), the paper's best
 *     variant, integrated numerically as the paper does;</li>
 * <li><b>iPNDM</b>: the "improved PNDM" of the same paper: the classical constant-step
 *     Adams–Bashforth weights of orders 1–4 applied in \(\rho\), \(w_j = h\varphi_1(h)\,c_j\), with
 *     lower orders while the history fills. They assume steps uniform in \(\rho\): on a smooth
 *     grid that is not (a logSNR grid is geometric in \(\rho\), step ratios \(1 + O(h)\)) they
 *     miss the nodes by \(O(h)\), which limits iPNDM to order 2 whatever its nominal order
 *     (measured: 2.01 for iPNDM-4, {@code DeisSamplerTest}); a few-NFE heuristic that the study
 *     measures.</li>
 * </ul>
 * The published DEIS integrates the noise prediction; the same rules with the data prediction
 * (\(L = -1\)) interpolate \(\hat x_0\) instead.
 */
public final class DeisCoefficients {

    /** Adams–Bashforth weights of constant steps, orders 1–4: {@code AB[p - 1][j]} multiplies \(N_{n-j}\). */
    private static final double[][] AB = {
        {1},
        {3.0 / 2, -1.0 / 2},
        {23.0 / 12, -16.0 / 12, 5.0 / 12},
        {55.0 / 24, -59.0 / 24, 37.0 / 24, -9.0 / 24}};

    /** The largest iPNDM order. */
    public static final int IPNDM_MAX_ORDER = 4;

    private DeisCoefficients() {
    }

    /** @return the ρAB rule: interpolation in \(\rho = e^{-\lambda}\) (a fresh, not thread-safe instance) */
    public static MultistepWeights rhoAb() {
        return new InterpolatedExponentialAdams(lambda -> Math.exp(-lambda), "rho");
    }

    /**
     * @param schedule the schedule whose \(t(\lambda)\) is the interpolation variable
     * @return the tAB rule (a fresh, not thread-safe instance)
     */
    public static MultistepWeights tAb(NoiseSchedule schedule) {
        return new InterpolatedExponentialAdams(schedule::inverseLambda, "t");
    }

    /** @return the iPNDM rule, orders 1–{@value #IPNDM_MAX_ORDER} */
    public static MultistepCoefficients ipndm() {
        return (theta, p, gamma) -> {
            if (p > IPNDM_MAX_ORDER) {
                throw new IllegalArgumentException("iPNDM has orders 1-" + IPNDM_MAX_ORDER + ", got " + p);
            }
            for (int j = 0; j < p; j++) {
                java.util.Arrays.fill(gamma[j], 0, p, 0.0);
                gamma[j][0] = AB[p - 1][j];
            }
        };
    }
}
