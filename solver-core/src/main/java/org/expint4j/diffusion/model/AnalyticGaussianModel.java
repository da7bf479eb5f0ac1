package org.expint4j.diffusion.model;

import java.util.Objects;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * What the analytic Gaussian models share: an exact noise predictor \( \epsilon^*(x, t) \) in
 * continuous time, evaluated as a {@link DiffusionModel} at \( t = \) {@code
 * timeMap.fromModelTime(modelTime)}, on batches of \(B\) samples of dimension \(D\) back to back.
 */
abstract sealed class AnalyticGaussianModel implements DiffusionModel<double[]>
        permits GaussianDataModel, GaussianMixtureModel {

    /** The noise schedule. */
    final NoiseSchedule schedule;

    /** Model time to continuous time. */
    final ModelTimeMap timeMap;

    AnalyticGaussianModel(NoiseSchedule schedule, ModelTimeMap timeMap) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.timeMap = Objects.requireNonNull(timeMap, "timeMap");
    }

    /** @return the dimension \(D\) of a sample */
    public abstract int dimension();

    /** Writes \( \epsilon^*(x, t) \) of the batch {@code x} at time {@code t} to {@code out}. */
    public abstract void noise(double[] x, double t, double[] out);

    /** @return the noise schedule */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** @return the model-time map */
    public ModelTimeMap timeMap() {
        return timeMap;
    }

    /** {@link #noise} at \( t = \) {@code timeMap.fromModelTime(modelTime)}, with its exceptions. */
    @Override
    public final void evaluate(double[] x, double modelTime, double[] out) {
        noise(x, timeMap.fromModelTime(modelTime), out);
    }

    /** @throws IllegalArgumentException unless {@code x} and {@code out} are batches of \(D\) */
    final void checkBatch(double[] x, double[] out) {
        final int dim = dimension();
        if (x.length != out.length || x.length % dim != 0) {
            throw new IllegalArgumentException("batch lengths " + x.length + " and " + out.length
                    + " must be equal multiples of the dimension " + dim);
        }
    }
}
