package org.expint4j.diffusion.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.diffusion.schedule.CosineSchedule;
import org.expint4j.diffusion.schedule.DifferentiableSchedule;
import org.expint4j.diffusion.schedule.FlowSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.VeSchedule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analytic Gaussian oracle holds on every schedule family (VP linear and cosine, VE, flow):
 * its closed-form solution \( x_t = \alpha_t\mu + \sqrt{v_t/v_T}(x_T - \alpha_T\mu) \) solves the
 * probability-flow ODE
 * \( \mathrm{d}x/\mathrm{d}t = (\dot\alpha_t/\alpha_t)\,x + (\dot\sigma_t - \sigma_t\dot\alpha_t/\alpha_t)\,
 * \epsilon^*(x, t) \) (for VP the familiar \( f x - \tfrac12 g^2 \nabla\log p_t \)), and its
 * predictions are consistent, \( x = \alpha_t x_0^* + \sigma_t\epsilon^* \). Seeded random
 * Gaussians, times and starting points.
 */
class GaussianOracleFamiliesProperties {

    static LongStream seeds() {
        return LongStream.range(0, 8).map(i -> 0x0a1c1e00L + i);
    }

    /**
     * Central differences of the closed form with \( h = 10^{-4}\min(t, T - t) \): truncation
     * \( h^2|x'''|/6 \approx 2\cdot10^{-9}|x|/\min(t, T-t) \), rounding
     * \( 2^{-52}|x|/h \approx 2\cdot10^{-12}|x|/\min(t, T-t) \); the tolerance
     * \( 10^{-6}(|x| + 1)/\min(t, T - t) \) leaves a wide margin, while a wrong drift or solution is
     * off by \( O(|x|/t) \).
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void closedFormSolvesTheProbabilityFlowOde(long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final int dim = rnd.nextInt(1, 5);
        final double[] mean = new double[dim];
        final double[] std = new double[dim];
        for (int d = 0; d < dim; d++) {
            mean[d] = rnd.nextDouble(-2, 2);
            std[d] = Math.exp(rnd.nextDouble(Math.log(0.05), Math.log(3)));
        }
        final DifferentiableSchedule[] families = {new LinearSchedule(), new CosineSchedule(), new VeSchedule(),
            new FlowSchedule()};
        for (DifferentiableSchedule s : families) {
            final GaussianDataModel g = new GaussianDataModel(mean, std, s, ModelTimeMap.CONTINUOUS);
            final double tT = s.tMax();
            final double[] xT = new double[dim];
            for (int d = 0; d < dim; d++) {
                xT[d] = Math.hypot(s.alpha(tT) * std[d], s.sigma(tT)) * rnd.nextGaussian() + s.alpha(tT) * mean[d];
            }
            for (int trial = 0; trial < 20; trial++) {
                final double t = Math.exp(rnd.nextDouble(Math.log(s.tMin()), Math.log(0.99 * tT)));
                final double gap = Math.min(t, tT - t);
                final double h = 1e-4 * gap;
                final double[] x = new double[dim];
                final double[] up = new double[dim];
                final double[] down = new double[dim];
                g.exactSolution(xT, tT, t, x);
                g.exactSolution(xT, tT, t + h, up);
                g.exactSolution(xT, tT, t - h, down);
                final double[] eps = new double[dim];
                final double[] x0 = new double[dim];
                g.noise(x, t, eps);
                g.data(x, t, x0);
                final double a = s.alpha(t);
                final double sig = s.sigma(t);
                final double logAlphaRate = s.alphaDerivative(t) / a;
                for (int d = 0; d < dim; d++) {
                    final String where = "seed " + seed + ", " + s + ", t = " + t + ", d = " + d;
                    final double drift = logAlphaRate * x[d] + (s.sigmaDerivative(t) - sig * logAlphaRate) * eps[d];
                    assertEquals((up[d] - down[d]) / (2 * h), drift, 1e-6 * (Math.abs(x[d]) + 1) / gap, where);
                    // Both predictions are formed from x - alpha mu: a few ulps of it, of |x| and of the terms.
                    final double scale = Math.abs(x[d]) + Math.abs(a * mean[d]) + Math.abs(a * x0[d])
                            + Math.abs(sig * eps[d]);
                    assertEquals(x[d], a * x0[d] + sig * eps[d], 16 * Math.ulp(scale), where);
                }
            }
        }
    }
}
