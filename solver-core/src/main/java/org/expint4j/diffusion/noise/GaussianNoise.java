package org.expint4j.diffusion.noise;

/**
 * Independent standard normal noise for every step, sample and element, from a seed:
 * \( z_{n,b,i} \) is a hash of \((\mathrm{seed}, b, n, i)\) turned into a normal deviate
 * ({@link CounterRandom}). Reproducible and stateless: a sample's noise depends only on the seed,
 * its index \(b\) in the batch, the step number and the element, not on the batch size or the
 * order of calls. This is the noise of ancestral and SDE samplers in k-diffusion's
 * {@code default_noise_sampler}, without its dependence on the batch layout. Immutable and
 * thread-safe.
 */
public final class GaussianNoise implements NoiseSource {

    private final long seed;

    /** @param seed the seed */
    public GaussianNoise(long seed) {
        this.seed = seed;
    }

    @Override
    public void sample(int step, double from, double to, int batchSize, double[] out) {
        int dim = NoiseSource.dimension(batchSize, out.length);
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < dim; i++) {
                out[b * dim + i] = CounterRandom.gaussian(seed, b, step, i);
            }
        }
    }

    @Override
    public String toString() {
        return "gaussian(seed " + seed + ")";
    }
}
