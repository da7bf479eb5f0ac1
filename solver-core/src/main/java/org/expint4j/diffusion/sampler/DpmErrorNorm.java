package org.expint4j.diffusion.sampler;

import org.expint4j.integrate.ErrorNorm;
import org.expint4j.vector.VectorOps;

/**
 * The reference's error norm of adaptive DPM-Solver (paper App. C): with
 * \(\delta = \max(\mathrm{atol}, \mathrm{rtol}\max(|x_{low}|, |x_{prev}|))\) element-wise,
 * \(E = \max_{b} \mathrm{RMS}_b((x_{high} - x_{low})/\delta)\) over the samples \(b\) of the
 * batch, where \(x_{prev}\) is the lower-order solution of the last accepted step (initially the
 * starting state). One backend reduction per trial ({@link VectorOps#maxSampleRms}), so on a
 * device the states never leave it.
 *
 * @param <V> vector type
 */
final class DpmErrorNorm<V> implements ErrorNorm<V> {

    private final VectorOps<V> ops;
    private final double atol;
    private final double rtol;
    private final int samples;
    private final V previous;
    private final double[] one = new double[1];
    private final V[] single;

    /**
     * @param x0 the starting state \(x\) (copied)
     */
    DpmErrorNorm(VectorOps<V> ops, V x0, double atol, double rtol, int samples) {
        this.ops = ops;
        this.atol = atol;
        this.rtol = rtol;
        this.samples = samples;
        this.previous = ops.allocate(ops.length(x0));
        ops.copy(x0, previous);
        this.single = ops.newArray(1);
    }

    @Override
    public double error(V high, V low, double scale) {
        return ops.maxSampleRms(high, low, scale, previous, atol, rtol, samples);
    }

    /** {@link VectorOps#maxSampleRms} is NaN for any non-finite element. */
    @Override
    public boolean detectsNonFinite() {
        return true;
    }

    @Override
    public void accepted(V high, V low, double scale) {
        one[0] = scale;
        single[0] = low;
        ops.linearCombination(one, single, 1, previous);
    }
}
