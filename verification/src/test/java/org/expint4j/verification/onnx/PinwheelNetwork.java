package org.expint4j.verification.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.expint4j.diffusion.model.DiffusionModel;

/**
 * The shipped network evaluated in plain Java from its float64 weights
 * ({@code pinwheel-cfg-weights.bin}, written by the training script from the float64 graph):
 * an evaluation independent of ONNX Runtime, to check the ONNX path against. Features
 * \( [x, \sin(f_i \log t), \cos(f_i \log t), e_y] \) with the graph's frequencies \(f_i\) (the
 * file's last 16 values), then three SiLU layers of 128 and a linear output, as the manifest
 * describes.
 */
final class PinwheelNetwork implements DiffusionModel<double[]> {

    private static final int HIDDEN = 128;
    private static final int TIME = 32;
    private static final int CLASS = 16;
    private static final int IN = 2 + TIME + CLASS;

    private final double[] embedding = new double[(PinwheelData.CLASSES + 1) * CLASS];
    private final double[][] weights = {new double[HIDDEN * IN], new double[HIDDEN * HIDDEN],
        new double[HIDDEN * HIDDEN], new double[2 * HIDDEN]};
    private final double[][] biases = {new double[HIDDEN], new double[HIDDEN], new double[HIDDEN], new double[2]};
    private final double[] frequencies = new double[TIME / 2];
    private final int[] labels;

    /** @param labels the label of every sample (one for all, or one per sample) */
    PinwheelNetwork(int... labels) {
        this.labels = labels.clone();
        try (InputStream in = PinwheelNetwork.class.getResourceAsStream(
                "/org/expint4j/verification/models/pinwheel-cfg-weights.bin")) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            // The manifest's order: classes.weight, then weight and bias of each layer.
            read(bytes, embedding);
            for (int l = 0; l < 4; l++) {
                read(bytes, weights[l]);
                read(bytes, biases[l]);
            }
            read(bytes, frequencies);
            if (bytes.hasRemaining()) {
                throw new IllegalStateException(bytes.remaining() + " bytes left over in the weights file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(ByteBuffer bytes, double[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] = bytes.getDouble();
        }
    }

    @Override
    public void evaluate(double[] x, double t, double[] out) {
        double[] a = new double[IN];
        double[] h = new double[HIDDEN];
        double[] g = new double[HIDDEN];
        for (int b = 0; b < x.length / 2; b++) {
            int label = labels.length == 1 ? labels[0] : labels[b];
            a[0] = x[2 * b];
            a[1] = x[2 * b + 1];
            double logT = Math.log(t);
            for (int i = 0; i < frequencies.length; i++) {
                double angle = logT * frequencies[i];
                a[2 + i] = Math.sin(angle);
                a[2 + frequencies.length + i] = Math.cos(angle);
            }
            System.arraycopy(embedding, label * CLASS, a, 2 + TIME, CLASS);
            layer(0, a, IN, h, true);
            layer(1, h, HIDDEN, g, true);
            layer(2, g, HIDDEN, h, true);
            double[] y = new double[2];
            layer(3, h, HIDDEN, y, false);
            out[2 * b] = y[0];
            out[2 * b + 1] = y[1];
        }
    }

    private void layer(int l, double[] in, int n, double[] out, boolean silu) {
        double[] w = weights[l];
        for (int j = 0; j < biases[l].length; j++) {
            double z = biases[l][j];
            for (int i = 0; i < n; i++) {
                z += w[j * n + i] * in[i];
            }
            out[j] = silu ? z / (1 + Math.exp(-z)) : z;
        }
    }
}
