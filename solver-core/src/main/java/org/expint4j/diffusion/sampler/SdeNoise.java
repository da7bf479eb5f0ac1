package org.expint4j.diffusion.sampler;

import org.expint4j.diffusion.noise.NoiseSource;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.integrate.AdditiveNoise;
import org.expint4j.vector.VectorOps;

/**
 * The noise term of a DPM-Solver++ SDE step from \(s\) to \(t\) in \(y = x/\alpha\):
 * \( w\,z \) with \( w = s_{\mathrm{noise}}\,(\sigma_t/\alpha_t)\sqrt{-\mathrm{expm1}(-2\eta h)} \), the
 * standard deviation of the exact stochastic convolution of the λ-time SDE
 * ({@link LambdaDynamics#eta}), and \(z\) the source's standard normal noise of the step. The
 * source writes into a preallocated host array, copied into the stepper's buffer.
 *
 * @param <V> vector type
 */
final class SdeNoise<V> implements AdditiveNoise<V> {

    private final NoiseSource source;
    private final NoiseSchedule schedule;
    private final VectorOps<V> ops;
    private final double eta;
    private final double scale;
    private final int batchSize;
    private final double[] host;
    private int step;
    private double from;
    private double to;

    SdeNoise(NoiseSource source, NoiseSchedule schedule, VectorOps<V> ops, SampleOptions o, int length) {
        this.source = source;
        this.schedule = schedule;
        this.ops = ops;
        this.eta = o.eta;
        this.scale = o.sNoise;
        this.batchSize = o.batchSize;
        this.host = new double[length];
    }

    /** The user times of the next step (the sampler's hook). */
    void nextStep(int number, double s, double t) {
        step = number;
        from = s;
        to = t;
    }

    @Override
    public double fill(double lambda, double h, V out) {
        source.sample(step, from, to, batchSize, host);
        ops.copyFrom(host, out);
        return scale * schedule.sigma(to) / schedule.alpha(to) * Math.sqrt(-Math.expm1(-2 * eta * h));
    }
}
