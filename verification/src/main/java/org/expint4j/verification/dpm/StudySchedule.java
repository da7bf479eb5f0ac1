package org.expint4j.verification.dpm;

import java.util.Arrays;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * The two noise schedules of the study, each with the model-time map a trained model would be
 * called with and the drift \( f(t) = \mathrm{d}\log\alpha_t/\mathrm{d}t \) of the
 * probability-flow ODE in \(t\) (for the black-box RK45 baseline):
 * <ul>
 * <li>{@link #DISCRETE_LINEAR}: DDPM's linear betas \(10^{-4} \dots 0.02\), \(N = 1000\), with the
 *     reference's map \(1000(t - 1/N)\); \(\log\alpha_t\) is piecewise linear, so \(f\) is
 *     piecewise constant with 999 jumps;</li>
 * <li>{@link #CONTINUOUS_LINEAR}: the linear VP-SDE, \(\beta_0 = 0.1\), \(\beta_1 = 20\),
 *     \( f(t) = -\tfrac12(\beta_0 + t(\beta_1 - \beta_0)) \).</li>
 * </ul>
 * Both end at \( t_\varepsilon = 10^{-3} \) (\(1/N\) for the discrete one).
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
}
