package org.expint4j.verification.dpm;

import java.util.Arrays;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.FlowSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * The noise schedules of the study, each with the model-time map a trained model would be
 * called with and the two coefficients of the probability-flow ODE in \(t\),
 * \( \mathrm{d}x/\mathrm{d}t = f(t)\,x + c(t)\,\hat\epsilon(x, t) \) (for the black-box RK45
 * baseline, {@link ProbabilityFlowRk45}):
 * <ul>
 * <li>{@link #DISCRETE_LINEAR}: DDPM's linear betas \(10^{-4} \dots 0.02\), \(N = 1000\), with the
 *     reference's map \(1000(t - 1/N)\); \(\log\alpha_t\) is piecewise linear, so \(f\) is
 *     piecewise constant with 999 jumps;</li>
 * <li>{@link #CONTINUOUS_LINEAR}: the linear VP-SDE, \(\beta_0 = 0.1\), \(\beta_1 = 20\),
 *     \( f(t) = -\tfrac12(\beta_0 + t(\beta_1 - \beta_0)) \);</li>
 * <li>{@link #FLOW}: the flow-matching path \( \alpha_t = 1 - t \), \( \sigma_t = t \)
 *     ({@link FlowSchedule}, Lipman et al. 2023), from \( T = 1 - 10^{-3} \); not
 *     variance-preserving, \( f = -1/(1 - t) \), \( c = 1/(1 - t) \), i.e. the velocity
 *     \( \mathrm{d}x/\mathrm{d}t = (\hat\epsilon - x)/(1 - t) = \hat\epsilon - \hat x_0 \).</li>
 * </ul>
 * All end at \( t_\varepsilon = 10^{-3} \) (\(1/N\) for the discrete one). The exact mixture
 * predictor is the same function of \( (x, \alpha_t, \sigma_t) \) on every schedule.
 */
public enum StudySchedule {

    /** Discrete linear betas, N = 1000, reference model-time map. */
    DISCRETE_LINEAR("discrete linear β (1e-4..0.02, N=1000)", "discrete") {
        private final DiscreteSchedule schedule = DiscreteSchedule.linear(1e-4, 0.02, 1000);
        private final double[] times = schedule.times();
        private final double[] logAlphas = schedule.logAlphas();

        @Override
        public NoiseSchedule schedule() {
            return schedule;
        }

        @Override
        public ModelTimeMap timeMap() {
            return schedule.modelTimeMap();
        }

        @Override
        public double drift(double t) {
            // Slope of the segment holding t (the outermost ones beyond the keypoints), as the
            // schedule interpolates; at a keypoint the segment above it.
            int i = Arrays.binarySearch(times, t);
            int lo = i >= 0 ? i : -i - 2;
            lo = Math.max(0, Math.min(times.length - 2, lo));
            return (logAlphas[lo + 1] - logAlphas[lo]) / (times[lo + 1] - times[lo]);
        }
    },

    /** Continuous linear VP, beta0 = 0.1, beta1 = 20. */
    CONTINUOUS_LINEAR("continuous linear VP (β0=0.1, β1=20)", "continuous") {
        private final LinearSchedule schedule = new LinearSchedule(0.1, 20);

        @Override
        public NoiseSchedule schedule() {
            return schedule;
        }

        @Override
        public ModelTimeMap timeMap() {
            return ModelTimeMap.CONTINUOUS;
        }

        @Override
        public double drift(double t) {
            return -0.5 * (schedule.beta0() + t * (schedule.beta1() - schedule.beta0()));
        }
    },

    /** Flow matching, alpha = 1 - t, sigma = t, on [1e-3, 1 - 1e-3]. */
    FLOW("flow matching (α = 1 − t, σ = t)", "flow") {
        private final FlowSchedule schedule = new FlowSchedule();

        @Override
        public NoiseSchedule schedule() {
            return schedule;
        }

        @Override
        public ModelTimeMap timeMap() {
            return ModelTimeMap.CONTINUOUS;
        }

        @Override
        public double drift(double t) {
            return -1 / (1 - t);
        }

        @Override
        public double noiseCoefficient(double t) {
            // sigma' - sigma f = 1 + t/(1 - t)
            return 1 / (1 - t);
        }
    };

    private final String label;
    private final String key;

    StudySchedule(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** @return a human-readable description */
    public String label() {
        return label;
    }

    /** @return a short name for tables and file columns */
    public String key() {
        return key;
    }

    /** @return the noise schedule */
    public abstract NoiseSchedule schedule();

    /** @return the map from continuous time to the model's time label */
    public abstract ModelTimeMap timeMap();

    /**
     * @param t the time
     * @return \( f(t) = \mathrm{d}\log\alpha_t/\mathrm{d}t \)
     */
    public abstract double drift(double t);

    /**
     * The coefficient of \(\hat\epsilon\) in the probability-flow ODE: with
     * \( g^2 = \mathrm{d}\sigma_t^2/\mathrm{d}t - 2f\sigma_t^2 \) and
     * \( \nabla\log p_t = -\hat\epsilon/\sigma_t \),
     * \( c(t) = g^2/(2\sigma_t) = \dot\sigma_t - f\sigma_t \). For a variance-preserving
     * schedule \( \dot\sigma_t = -f\alpha_t^2/\sigma_t \), so \( c = -f/\sigma_t \) (the
     * default).
     *
     * @param t the time
     * @return \( c(t) \)
     */
    public double noiseCoefficient(double t) {
        return -drift(t) / schedule().sigma(t);
    }
}
