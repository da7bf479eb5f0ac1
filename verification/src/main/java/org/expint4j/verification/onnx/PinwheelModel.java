package org.expint4j.verification.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.Guidance;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.model.ModelType;
import org.expint4j.diffusion.model.ModelWrapper;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.diffusion.model.onnx.OnnxDiffusionModel;
import org.expint4j.vector.VectorOps;

/**
 * The trained model shipped in this module: a conditional noise predictor for {@link PinwheelData}
 * (an MLP of 40 k parameters with a sinusoidal time embedding and a class embedding, trained with
 * label dropout so that classifier-free guidance works), exported to ONNX by
 * {@code verification/src/main/python/train_pinwheel.py}, with its manifest
 * {@code pinwheel-cfg.json} (data set, seed, architecture, training, loss, sha256) beside it. It
 * was trained on the VP linear schedule in continuous time: {@link #SCHEDULE}, model time \(t\).
 * Labels 0–4 are the arms, {@link #NULL_LABEL} = 5 means "no class".
 */
public final class PinwheelModel {

    /** The schedule the model was trained with: VP linear, \(\beta_0 = 0.1\), \(\beta_1 = 20\). */
    public static final NoiseSchedule SCHEDULE = new LinearSchedule();

    /** The model's time input is continuous \(t\). */
    public static final ModelTimeMap TIME_MAP = ModelTimeMap.CONTINUOUS;

    /** The label meaning "no class". */
    public static final int NULL_LABEL = PinwheelData.CLASSES;

    private static final String FLOAT32 = "pinwheel-cfg.onnx";
    private static final String FLOAT64 = "pinwheel-cfg-f64.onnx";

    private PinwheelModel() {
    }

    /**
     * @param float64 the float64 graph (for convergence studies) instead of the float32 one
     * @return the model, loaded from this module's resources
     */
    public static OnnxDiffusionModel load(boolean float64) {
        String name = float64 ? FLOAT64 : FLOAT32;
        return OnnxDiffusionModel.load("shipped model " + name, resource(name), new OnnxDiffusionModel.Options());
    }

    /**
     * The wrapper that turns one of the model's views into the sampler's noise predictor, with
     * the facts of this model: it predicts noise, on {@link #SCHEDULE}, reading {@link #TIME_MAP}.
     *
     * @param network a view of the loaded model
     * @param guidance the guidance, {@link Guidance#none()} for none
     * @param ops the backend of the states
     * @return the wrapper
     */
    public static ModelWrapper<double[]> wrapper(DiffusionModel<double[]> network, Guidance<double[]> guidance,
                                                 VectorOps<double[]> ops) {
        return new ModelWrapper<>(network, ModelType.NOISE, SCHEDULE, TIME_MAP, ops, guidance, null);
    }

    /** @return the manifest, as JSON text */
    public static String manifest() {
        return new String(resource("pinwheel-cfg.json"), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = PinwheelModel.class.getResourceAsStream("/org/expint4j/verification/models/" + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
