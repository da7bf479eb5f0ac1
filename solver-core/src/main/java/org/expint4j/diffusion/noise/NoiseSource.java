package org.expint4j.diffusion.noise;

/**
 * The standard normal noise \( z_n \) of a stochastic sampler's steps. A batch holds \(B\)
 * samples of \(D\) values back to back; an implementation writes each sample's noise from that
 * sample's index (not from its neighbours), so the same source gives sample \(b\) the same noise
 * in a batch of any size. Implementations allocate nothing per call once sized.
 */
@FunctionalInterface
public interface NoiseSource {

    /**
     * Writes the noise of one step.
     *
     * @param step the number of the step, from 1
     * @param from the step's start time (the sampler's user time \(t\))
     * @param to the step's end time
     * @param batchSize \(B\), which divides {@code out.length}
     * @param out receives \(B \cdot D\) standard normal values
     * @throws IllegalArgumentException if the batch size does not divide the length, or a time is
     *     outside what the source covers (the message names the value)
     */
    void sample(int step, double from, double to, int batchSize, double[] out);

    /**
     * @param batchSize \(B\)
     * @param length \(B \cdot D\)
     * @return \(D\)
     * @throws IllegalArgumentException if \(B\) does not divide the length
     */
    static int dimension(int batchSize, int length) {
        if (batchSize < 1 || length % batchSize != 0) {
            throw new IllegalArgumentException("batch size " + batchSize + " does not divide the noise length "
                    + length);
        }
        return length / batchSize;
    }
}
