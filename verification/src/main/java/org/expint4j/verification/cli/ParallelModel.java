package org.expint4j.verification.cli;

import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.expint4j.diffusion.model.DiffusionModel;

/**
 * Evaluates a model that works sample by sample (such as the analytic Gaussian mixture) on a
 * batch split into chunks, one per core, each with its own model instance: the analytic models
 * keep scratch buffers and are not thread-safe, and the vector arithmetic of the sampler is cheap
 * next to them. Each sample's prediction is computed exactly as on one thread, so results do not
 * depend on the number of cores. Small batches are evaluated on the calling thread.
 */
final class ParallelModel implements DiffusionModel<double[]> {

    /** Below this many values per chunk, splitting costs more than it saves. */
    private static final int MIN_CHUNK = 4096;

    private final DiffusionModel<double[]>[] models;
    private final int dimension;
    private double[][] in;
    private double[][] out;
    private int chunkSamples = -1;
    private int batchLength = -1;

    /**
     * @param factory makes independent instances of the model
     * @param dimension the dimension D of a sample
     * @param threads the number of chunks (cores), {@code >= 1}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    ParallelModel(Supplier<DiffusionModel<double[]>> factory, int dimension, int threads) {
        this.models = new DiffusionModel[Math.max(1, threads)];
        for (int i = 0; i < models.length; i++) {
            models[i] = factory.get();
        }
        this.dimension = dimension;
    }

    @Override
    public void evaluate(double[] x, double modelTime, double[] result) {
        int samples = x.length / dimension;
        int chunks = Math.min(models.length, Math.max(1, x.length / MIN_CHUNK));
        if (chunks <= 1) {
            models[0].evaluate(x, modelTime, result);
            return;
        }
        if (x.length != batchLength) {
            batchLength = x.length;
            chunkSamples = (samples + chunks - 1) / chunks;
            in = new double[chunks][];
            out = new double[chunks][];
            for (int c = 0; c < chunks; c++) {
                int n = Math.max(0, Math.min(chunkSamples, samples - c * chunkSamples));
                in[c] = new double[n * dimension];
                out[c] = new double[n * dimension];
            }
        }
        IntStream.range(0, in.length).parallel().forEach(c -> {
            int length = in[c].length;
            if (length == 0) {
                return;
            }
            int offset = c * chunkSamples * dimension;
            System.arraycopy(x, offset, in[c], 0, length);
            models[c].evaluate(in[c], modelTime, out[c]);
            System.arraycopy(out[c], 0, result, offset, length);
        });
    }
}
