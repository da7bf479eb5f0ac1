package org.expint4j.diffusion.model;

import java.util.Objects;

/**
 * Presents a {@code double[]} model as a {@code float[]} one, for sampling in single precision
 * with a model written in double (such as the analytic models): the batch is widened exactly,
 * evaluated in double and rounded to {@code float}. The conversion buffers are allocated on the
 * first call and again only when the batch length changes, so steady-state calls allocate nothing;
 * the adapter is therefore not thread-safe.
 */
public final class FloatModelAdapter implements DiffusionModel<float[]> {

    /** The model in double precision. */
    private final DiffusionModel<double[]> model;

    /** Widened input. */
    private double[] in = new double[0];

    /** Output in double precision. */
    private double[] result = new double[0];

    /** @param model the model in double precision */
    public FloatModelAdapter(DiffusionModel<double[]> model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * @param x the batch, not modified
     * @param modelTime the model's time label
     * @param out receives the model's output rounded to {@code float}, same length
     * @throws IllegalArgumentException if the lengths differ
     */
    @Override
    public void evaluate(float[] x, double modelTime, float[] out) {
        if (x.length != out.length) {
            throw new IllegalArgumentException(
                    "x has length " + x.length + " but out has length " + out.length);
        }
        if (in.length != x.length) {
            in = new double[x.length];
            result = new double[x.length];
        }
        for (int i = 0; i < x.length; i++) {
            in[i] = x[i];
        }
        model.evaluate(in, modelTime, result);
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) result[i];
        }
    }

    @Override
    public String toString() {
        return "FloatModelAdapter[" + model + "]";
    }
}
