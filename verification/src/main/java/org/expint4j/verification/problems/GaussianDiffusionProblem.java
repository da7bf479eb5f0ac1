package org.expint4j.verification.problems;

import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * The diffusion probability-flow ODE of Gaussian data as an ordinary semilinear problem in
 * log-SNR time: with \(\lambda = \log(\alpha_t/\sigma_t)\) and \(v = x/\alpha_t\),
 * \[ \frac{dv}{d\lambda} = -v + \hat x_0(\alpha v, t(\lambda)), \]
 * the equation DPM-Solver++ integrates (\(L = -1\)). With the exact data predictor of
 * \(x_0 \sim N(\mu, \mathrm{diag}(s^2))\) the solution is known in closed form
 * (reference §5.1), so every catalogue method can be measured on the sampler's own ODE: the time
 * runs from \(\lambda(T)\) to \(\lambda(t_0)\). Parameters of the reference's oracle: linear VP
 * schedule, \(\mu = (0.5, -1, 2)\), \(s = (0.1, 1, 0.3)\), \(x_T = (0.3, -1.2, 0.8)\),
 * \(T = 1\), \(t_0 = 10^{-3}\).
 */
public final class GaussianDiffusionProblem extends AnalyticProblem {

    private final NoiseSchedule schedule;
    private final GaussianDataModel model;
    private final double[] xT;
    private final double tStart;
    private final double[] x;

    /**
     * @param schedule the noise schedule
     * @param mean \(\mu\)
     * @param std \(s\)
     * @param xT the noise at {@code tStart}
     * @param tStart \(T\)
     * @param tEnd \(t_0\)
     */
    public GaussianDiffusionProblem(NoiseSchedule schedule, double[] mean, double[] std, double[] xT, double tStart,
                                    double tEnd) {
        super("diffusion-gaussian", "DPM-Solver++ ODE dv/dλ = -v + x0(αv) for Gaussian data, d = " + mean.length
                + ", λ from " + schedule.lambda(tStart) + " to " + schedule.lambda(tEnd),
                schedule.lambda(tStart), schedule.lambda(tEnd));
        this.schedule = schedule;
        this.model = new GaussianDataModel(mean, std, schedule, ModelTimeMap.CONTINUOUS);
        this.xT = xT.clone();
        this.tStart = tStart;
        this.x = new double[mean.length];
    }

    /** @return the reference's oracle configuration (reference §5.1) */
    public static GaussianDiffusionProblem standard() {
        return new GaussianDiffusionProblem(new LinearSchedule(), new double[] {0.5, -1, 2},
                new double[] {0.1, 1, 0.3}, new double[] {0.3, -1.2, 0.8}, 1.0, 1e-3);
    }

    @Override
    public SemilinearProblem problem() {
        return SemilinearProblem.of(new ScalarLinearPart(-1), xT.length, (lambda, v, out) -> {
            double t = schedule.inverseLambda(lambda);
            double alpha = schedule.alpha(t);
            for (int i = 0; i < v.length; i++) {
                x[i] = alpha * v[i];
            }
            model.data(x, t, out);
        });
    }

    @Override
    public double[] exactSolution(double lambda) {
        double t = schedule.inverseLambda(lambda);
        double[] out = new double[xT.length];
        model.exactSolution(xT, tStart, t, out);
        double alpha = schedule.alpha(t);
        for (int i = 0; i < out.length; i++) {
            out[i] /= alpha;
        }
        return out;
    }

    @Override
    public String referenceDescription() {
        return "closed form x_t = α_t μ + sqrt(v_t/v_T)(x_T - α_T μ), v = α²s² + σ², as v = x/α";
    }
}
