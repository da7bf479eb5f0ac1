package org.expint4j.diffusion.sampler;

import java.util.SplittableRandom;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.CosineSchedule;
import org.expint4j.diffusion.schedule.DiscreteSchedule;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/** Random pieces shared by the sampler fuzz tests: a schedule family, Gaussian data and noise. */
final class FuzzInstances {

    private FuzzInstances() {
    }

    /** @return one of the four schedule families: continuous linear and cosine, discrete linear and cosine */
    static NoiseSchedule schedule(int which) {
        return switch (which % 4) {
            case 0 -> new LinearSchedule();
            case 1 -> new CosineSchedule();
            case 2 -> DiscreteSchedule.linear(1e-4, 0.02, 1000);
            default -> DiscreteSchedule.cosine(1000);
        };
    }

    /** Gaussian data of dimension 1–3 with its exact predictor, and a noise batch of 1 to {@code maxBatch}. */
    record Data(GaussianDataModel model, double[] noise, int batch) {
    }

    static Data gaussian(SplittableRandom r, NoiseSchedule schedule, int maxBatch) {
        int dimension = 1 + r.nextInt(3);
        int batch = 1 + r.nextInt(maxBatch);
        double[] mean = new double[dimension];
        double[] std = new double[dimension];
        for (int d = 0; d < dimension; d++) {
            mean[d] = r.nextDouble(-2, 2);
            std[d] = Math.exp(r.nextDouble(Math.log(0.05), Math.log(2)));
        }
        double[] noise = new double[dimension * batch];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextGaussian();
        }
        return new Data(new GaussianDataModel(mean, std, schedule, ModelTimeMap.CONTINUOUS), noise, batch);
    }
}
