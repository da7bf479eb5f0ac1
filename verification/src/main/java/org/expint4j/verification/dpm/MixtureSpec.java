package org.expint4j.verification.dpm;

import java.util.SplittableRandom;
import org.expint4j.diffusion.GaussianMixtureModel;
import org.expint4j.diffusion.ModelTimeMap;
import org.expint4j.diffusion.NoiseSchedule;

/**
 * The data distribution of the study: a mixture of \(K\) Gaussians with diagonal covariances in
 * \(d\) dimensions, \( \sum_k w_k N(\mu_k, \mathrm{diag}(s_k^2)) \), drawn from a seed:
 * weights \( w_k \propto U(1, 4) \) (non-uniform), standard deviations \( s_{k,j} \sim U(s_-, s_+) \),
 * means \( \mu_{k,j} \sim U(-a, a) \) with \(a = 1\) (the data range diffusion models are trained
 * on), redrawn until every pair of modes is at least \( 4 s_+ \) apart, and \(a\) widened by 10%
 * after every 200 failed draws (needed only in low dimension), so that the modes are separated.
 *
 * @param weights normalised weights \(w_k\)
 * @param means \(\mu_k\), \(K\) rows of length \(d\)
 * @param stds \(s_k\), same shape
 */
public record MixtureSpec(double[] weights, double[][] means, double[][] stds) {

    /**
     * @param dimension \(d \ge 1\)
     * @param components \(K \ge 1\)
     * @param stdLow \(s_- &gt; 0\)
     * @param stdHigh \(s_+ \ge s_-\)
     * @param seed the seed
     * @return the mixture
     */
    public static MixtureSpec random(int dimension, int components, double stdLow, double stdHigh, long seed) {
        if (dimension < 1 || components < 1 || !(stdLow > 0) || !(stdHigh >= stdLow)) {
            throw new IllegalArgumentException("need d >= 1, K >= 1, 0 < stdLow <= stdHigh; got d = " + dimension
                    + ", K = " + components + ", stds in [" + stdLow + ", " + stdHigh + "]");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] weights = new double[components];
        double sum = 0;
        for (int k = 0; k < components; k++) {
            weights[k] = 1 + 3 * random.nextDouble();
            sum += weights[k];
        }
        for (int k = 0; k < components; k++) {
            weights[k] /= sum;
        }
        double[][] stds = new double[components][dimension];
        for (double[] row : stds) {
            for (int j = 0; j < dimension; j++) {
                row[j] = stdLow + (stdHigh - stdLow) * random.nextDouble();
            }
        }
        double[][] means = new double[components][dimension];
        double range = 1;
        double separation = 4 * stdHigh;
        for (int attempt = 1; ; attempt++) {
            for (double[] row : means) {
                for (int j = 0; j < dimension; j++) {
                    row[j] = range * (2 * random.nextDouble() - 1);
                }
            }
            if (minimumSeparation(means) >= separation) {
                break;
            }
            if (attempt % 200 == 0) {
                range *= 1.1;
            }
        }
        return new MixtureSpec(weights, means, stds);
    }

    /** @return the smallest distance between two means (infinity for one component) */
    public static double minimumSeparation(double[][] means) {
        double min = Double.POSITIVE_INFINITY;
        for (int a = 0; a < means.length; a++) {
            for (int b = a + 1; b < means.length; b++) {
                double s = 0;
                for (int j = 0; j < means[a].length; j++) {
                    double d = means[a][j] - means[b][j];
                    s += d * d;
                }
                min = Math.min(min, Math.sqrt(s));
            }
        }
        return min;
    }

    /** @return \(d\) */
    public int dimension() {
        return means[0].length;
    }

    /** @return \(K\) */
    public int components() {
        return weights.length;
    }

    /**
     * @param schedule the noise schedule
     * @param timeMap the model-time map
     * @return the exact noise predictor of this mixture
     */
    public GaussianMixtureModel model(NoiseSchedule schedule, ModelTimeMap timeMap) {
        return new GaussianMixtureModel(weights, means, stds, schedule, timeMap);
    }
}
