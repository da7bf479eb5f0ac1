package org.expint4j.diffusion.model;

import java.util.Objects;
import org.expint4j.diffusion.schedule.DifferentiableSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.vector.VectorOps;

/**
 * A diffusion model as the sampler sees it: noise and data predictions at continuous time \(t\),
 * whatever the model predicts, with guidance and an optional correction of \( \hat x_0 \). It is
 * the reference's {@code model_wrapper} together with DPM-Solver's
 * {@code noise_prediction_fn} and {@code data_prediction_fn}.
 *
 * <p><b>Evaluation.</b> The model is called at the label {@code timeMap.toModelTime(t)} and its
 * raw output \(r\) is of the given {@link ModelType}. With \( x_t = \alpha_t x_0 + \sigma_t
 * \epsilon \), each prediction is an affine function of \(x\) and \(r\), computed in one fused
 * {@link VectorOps#linearCombination} pass from the raw output(s):
 * <table>
 * <caption>Coefficients of \(x\) and \(r\)</caption>
 * <tr><th>type</th><th>\( \hat\epsilon \) ({@link #noise})</th>
 *     <th>\( \hat x_0 = (x - \sigma_t\hat\epsilon)/\alpha_t \) ({@link #data})</th></tr>
 * <tr><td>{@link ModelType#NOISE NOISE}</td><td>\( r \)</td>
 *     <td>\( x/\alpha_t - (\sigma_t/\alpha_t)\, r \)</td></tr>
 * <tr><td>{@link ModelType#DATA DATA}</td><td>\( x/\sigma_t - (\alpha_t/\sigma_t)\, r \)</td>
 *     <td>\( r \)</td></tr>
 * <tr><td>{@link ModelType#VELOCITY VELOCITY}</td><td>\( \sigma_t x + \alpha_t r \)</td>
 *     <td>\( \alpha_t x - \sigma_t r \)</td></tr>
 * <tr><td>{@link ModelType#SCORE SCORE}</td><td>\( -\sigma_t r \)</td>
 *     <td>\( x/\alpha_t + (\sigma_t^2/\alpha_t)\, r \)</td></tr>
 * <tr><td>{@link ModelType#FLOW_VELOCITY FLOW_VELOCITY}</td><td>\( (\alpha_t r - \dot\alpha_t x)/D \)</td>
 *     <td>\( (\dot\sigma_t x - \sigma_t r)/D \)</td></tr>
 * </table>
 * The data column is the reference's \( (x - \sigma_t\hat\epsilon)/\alpha_t \) simplified (for
 * {@code VELOCITY} with \( \alpha_t^2 + \sigma_t^2 = 1 \), so that type needs a
 * {@linkplain NoiseSchedule#isVariancePreserving() variance-preserving} schedule): equal up to
 * rounding, without the round trip through \(\hat\epsilon\) (exact for data-predicting models).
 * {@code FLOW_VELOCITY} solves \( x = \alpha_t x_0 + \sigma_t\epsilon \),
 * \( r = \dot\alpha_t x_0 + \dot\sigma_t\epsilon \) with the determinant
 * \( D = \alpha_t\dot\sigma_t - \dot\alpha_t\sigma_t > 0 \) of a
 * {@link DifferentiableSchedule} (\( D = 1 \) on the flow schedule: \( \hat\epsilon = x + (1 - t) r \),
 * \( \hat x_0 = x - t r \)). {@link Guidance} combines predictions
 * linearly, so its terms join the same pass: classifier-free guidance replaces \(r\) by
 * \( (1 - s) r_u + s r_c \); classifier guidance adds \( -s\sigma_t g \) to \(\hat\epsilon\) and
 * \( s(\sigma_t^2/\alpha_t) g \) to \( \hat x_0 \), with \(g\) the classifier gradient. When the
 * requested prediction is the raw output itself (noise from a noise model, data from a data model,
 * unguided), the model writes straight into {@code out}. After a data prediction the optional
 * {@link X0Correction} runs in place on it.
 *
 * <p><b>Counting.</b> {@link #modelEvaluations()} counts calls of a {@link DiffusionModel}:
 * classifier-free guidance costs 2 per prediction with a separate unconditional model, 1 with a
 * {@linkplain Guidance#classifierFreeBatched doubled batch} (one network call on \(2B\) samples)
 * and 1 when \(s = 1\) (only the conditional model runs). {@link #classifierEvaluations()} counts
 * gradient calls of classifier guidance, and {@link #predictions()} the calls of {@link #noise}
 * and {@link #data} (the number of function evaluations as the DPM-Solver papers count them).
 *
 * <p><b>Batches and memory.</b> Vectors hold \(B\) samples back to back; the wrapper needs only
 * their total length. Scratch vectors for raw outputs are allocated from {@code ops} on the first
 * call and again only when the batch length changes, so steady-state calls allocate nothing. The
 * models must not keep references to the vectors they are given.
 *
 * <p>Not thread-safe: the scratch vectors and counters are shared by all calls.
 *
 * @param <V> vector type
 */
public final class ModelWrapper<V> {

    /** Guidance with a single model call (none, or classifier-free at scale 1). */
    private static final int PLAIN = 0;
    /** Classifier guidance. */
    private static final int CLASSIFIER = 1;
    /** Classifier-free guidance with two model calls. */
    private static final int TWO_PASS = 2;
    /** Classifier-free guidance with a doubled batch. */
    private static final int DOUBLED = 3;

    /** The model (conditional one under classifier-free guidance). */
    private final DiffusionModel<V> model;
    /** What the model predicts. */
    private final ModelType type;
    /** The noise schedule. */
    private final NoiseSchedule schedule;
    /** Continuous time to model label. */
    private final ModelTimeMap timeMap;
    /** The vector backend. */
    private final VectorOps<V> ops;
    /** The guidance as given. */
    private final Guidance<V> guidance;
    /** Correction of data predictions, or {@code null}. */
    private final X0Correction<V> x0Correction;

    /** One of {@link #PLAIN}, {@link #CLASSIFIER}, {@link #TWO_PASS}, {@link #DOUBLED}. */
    private final int mode;
    /** Guidance scale (1 without guidance). */
    private final double scale;
    /** Classifier gradient, or {@code null}. */
    private final ClassifierGradient<V> gradient;
    /** Second model: unconditional (two-pass) or doubled-batch, or {@code null}. */
    private final DiffusionModel<V> second;

    /** Batch length the scratch vectors have; -1 before the first call. */
    private int scratchLength = -1;
    /** Raw output (unconditional under classifier-free guidance). */
    private V raw;
    /** Conditional raw output, or the classifier gradient. */
    private V extra;
    /** Doubled input batch. */
    private V doubledIn;
    /** Doubled output batch. */
    private V doubledOut;
    /** Weights of the fused pass. */
    private final double[] weights = new double[3];
    /** Terms of the fused pass. */
    private final V[] terms;

    /** Calls of a diffusion model. */
    private long modelEvaluations;
    /** Calls of the classifier gradient. */
    private long classifierEvaluations;
    /** Calls of noise() and data(). */
    private long predictions;

    /**
     * An unguided model without correction.
     *
     * @param model the model
     * @param type what it predicts
     * @param schedule the noise schedule
     * @param timeMap maps continuous time to the model's time label
     * @param ops the vector backend of the batches
     */
    public ModelWrapper(DiffusionModel<V> model, ModelType type, NoiseSchedule schedule,
            ModelTimeMap timeMap, VectorOps<V> ops) {
        this(model, type, schedule, timeMap, ops, Guidance.none(), null);
    }

    /**
     * @param model the model; under classifier-free guidance the conditional one
     * @param type what the model (and any model of the guidance) predicts
     * @param schedule the noise schedule
     * @param timeMap maps continuous time to the model's time label
     * @param ops the vector backend of the batches
     * @param guidance the guidance, {@link Guidance#none()} for none
     * @param x0Correction applied to every data prediction, or {@code null} for none
     * @throws IllegalArgumentException for {@link ModelType#VELOCITY} on a schedule that is not
     *     variance-preserving, or {@link ModelType#FLOW_VELOCITY} on one that is not a
     *     {@link DifferentiableSchedule}
     */
    public ModelWrapper(DiffusionModel<V> model, ModelType type, NoiseSchedule schedule,
            ModelTimeMap timeMap, VectorOps<V> ops, Guidance<V> guidance,
            X0Correction<V> x0Correction) {
        this.model = Objects.requireNonNull(model, "model");
        this.type = Objects.requireNonNull(type, "type");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.timeMap = Objects.requireNonNull(timeMap, "timeMap");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.guidance = Objects.requireNonNull(guidance, "guidance");
        this.x0Correction = x0Correction;
        checkTypeFitsSchedule(type, schedule);
        this.terms = ops.newArray(3);
        if (guidance instanceof Guidance.Classifier<V> c) {
            mode = CLASSIFIER;
            scale = c.scale();
            gradient = c.gradient();
            second = null;
        } else if (guidance instanceof Guidance.ClassifierFree<V> c) {
            // At scale 1 the reference runs the conditional model only.
            mode = c.scale() == 1 ? PLAIN : TWO_PASS;
            scale = c.scale();
            gradient = null;
            second = c.unconditional();
        } else if (guidance instanceof Guidance.ClassifierFreeBatched<V> c) {
            mode = c.scale() == 1 ? PLAIN : DOUBLED;
            scale = c.scale();
            gradient = null;
            second = c.doubled();
        } else {
            mode = PLAIN;
            scale = 1;
            gradient = null;
            second = null;
        }
    }

    private static void checkTypeFitsSchedule(ModelType type, NoiseSchedule schedule) {
        if (type == ModelType.VELOCITY && !schedule.isVariancePreserving()) {
            throw new IllegalArgumentException("model type VELOCITY (v-prediction) is defined for variance-preserving "
                    + "schedules only, not " + schedule + "; a flow model's dx/dt is FLOW_VELOCITY");
        }
        if (type == ModelType.FLOW_VELOCITY && !(schedule instanceof DifferentiableSchedule)) {
            throw new IllegalArgumentException("model type FLOW_VELOCITY needs the derivatives of alpha and sigma, "
                    + "which " + schedule + " does not give (use a DifferentiableSchedule such as FlowSchedule)");
        }
    }

    /**
     * The noise prediction \( \hat\epsilon(x, t) \), guided.
     *
     * @param x the noisy batch, not modified
     * @param t continuous time
     * @param out receives \( \hat\epsilon \); may be {@code x}
     * @throws IllegalArgumentException if the lengths differ or {@code t} is not finite
     */
    public void noise(V x, double t, V out) {
        predict(x, t, out, false);
    }

    /**
     * The data prediction \( \hat x_0(x, t) = (x - \sigma_t\hat\epsilon)/\alpha_t \), guided, then
     * corrected in place by the {@link X0Correction} if there is one.
     *
     * @param x the noisy batch, not modified
     * @param t continuous time
     * @param out receives \( \hat x_0 \); may be {@code x}
     * @throws IllegalArgumentException if the lengths differ or {@code t} is not finite
     */
    public void data(V x, double t, V out) {
        predict(x, t, out, true);
        // A non-finite prediction goes on uncorrected (corrections refuse it), so that the sampler's
        // finiteness check reports it with its step, time and stage.
        if (x0Correction != null && Double.isFinite(ops.maxAbs(out))) {
            x0Correction.correct(out, t);
        }
    }

    /**
     * Diffuses clean data to time \(t\): \( \mathrm{out} = \alpha_t x + \sigma_t\,\mathrm{noise} \)
     * (the reference's {@code add_noise}), in one fused pass.
     *
     * @param x clean data
     * @param t continuous time
     * @param noise standard normal noise, same length
     * @param out the result, same length; may be {@code x} or {@code noise}
     */
    public void addNoise(V x, double t, V noise, V out) {
        weights[0] = schedule.alpha(t);
        weights[1] = schedule.sigma(t);
        terms[0] = x;
        terms[1] = noise;
        ops.linearCombination(weights, terms, 2, out);
        clearTerms();
    }

    private void predict(V x, double t, V out, boolean dataForm) {
        final int n = ops.length(x);
        if (ops.length(out) != n) {
            throw new IllegalArgumentException(
                    "x has length " + n + " but out has length " + ops.length(out));
        }
        Checks.requireFinite(t, "t");
        ensureScratch(n);
        predictions++;
        final double alpha = schedule.alpha(t);
        final double sigma = schedule.sigma(t);
        final double modelTime = timeMap.toModelTime(t);
        // prediction = cx * x + cr * (raw output), per the table of the class documentation.
        double cx;
        double cr;
        if (dataForm) {
            switch (type) {
                case NOISE -> { cx = 1 / alpha; cr = -sigma / alpha; }
                case DATA -> { cx = 0; cr = 1; }
                case VELOCITY -> { cx = alpha; cr = -sigma; }
                case FLOW_VELOCITY -> { cx = ((DifferentiableSchedule) schedule).sigmaDerivative(t); cr = -sigma; }
                default -> { cx = 1 / alpha; cr = sigma * sigma / alpha; }
            }
        } else {
            switch (type) {
                case NOISE -> { cx = 0; cr = 1; }
                case DATA -> { cx = 1 / sigma; cr = -alpha / sigma; }
                case VELOCITY -> { cx = sigma; cr = alpha; }
                case FLOW_VELOCITY -> { cx = -((DifferentiableSchedule) schedule).alphaDerivative(t); cr = alpha; }
                default -> { cx = 0; cr = -sigma; }
            }
        }
        if (type == ModelType.FLOW_VELOCITY) {
            DifferentiableSchedule d = (DifferentiableSchedule) schedule;
            double det = alpha * d.sigmaDerivative(t) - d.alphaDerivative(t) * sigma;
            cx /= det;
            cr /= det;
        }
        if (mode == PLAIN && cx == 0 && cr == 1 && out != x) {
            evaluate(model, x, modelTime, out);
            return;
        }
        int k = 0;
        if (cx != 0) {
            weights[k] = cx;
            terms[k++] = x;
        }
        switch (mode) {
            case PLAIN -> {
                evaluate(model, x, modelTime, raw);
                weights[k] = cr;
                terms[k++] = raw;
            }
            case CLASSIFIER -> {
                evaluate(model, x, modelTime, raw);
                gradient.gradient(x, modelTime, extra);
                classifierEvaluations++;
                weights[k] = cr;
                terms[k++] = raw;
                weights[k] = dataForm ? scale * (sigma * sigma / alpha) : -scale * sigma;
                terms[k++] = extra;
            }
            case TWO_PASS -> {
                evaluate(second, x, modelTime, raw);
                evaluate(model, x, modelTime, extra);
                k = guidedTerms(k, cr);
            }
            default -> {
                ops.copyRange(x, 0, doubledIn, 0, n);
                ops.copyRange(x, 0, doubledIn, n, n);
                evaluate(second, doubledIn, modelTime, doubledOut);
                ops.copyRange(doubledOut, 0, raw, 0, n);
                ops.copyRange(doubledOut, n, extra, 0, n);
                k = guidedTerms(k, cr);
            }
        }
        ops.linearCombination(weights, terms, k, out);
        clearTerms();
    }

    /** Appends \( (1-s)\,c_r\, r_u + s\,c_r\, r_c \) to the fused pass; returns the new count. */
    private int guidedTerms(int k, double cr) {
        weights[k] = (1 - scale) * cr;
        terms[k] = raw;
        weights[k + 1] = scale * cr;
        terms[k + 1] = extra;
        return k + 2;
    }

    private void evaluate(DiffusionModel<V> m, V x, double modelTime, V out) {
        m.evaluate(x, modelTime, out);
        modelEvaluations++;
    }

    /** Drops the references to the caller's vectors. */
    private void clearTerms() {
        terms[0] = null;
        terms[1] = null;
        terms[2] = null;
    }

    private void ensureScratch(int n) {
        if (n == scratchLength) {
            return;
        }
        raw = ops.allocate(n);
        extra = mode == PLAIN ? null : ops.allocate(n);
        if (mode == DOUBLED) {
            doubledIn = ops.allocate(2 * n);
            doubledOut = ops.allocate(2 * n);
        }
        scratchLength = n;
    }

    /** @return calls of a {@link DiffusionModel} so far (a doubled batch counts once) */
    public long modelEvaluations() {
        return modelEvaluations;
    }

    /** @return calls of the classifier gradient so far */
    public long classifierEvaluations() {
        return classifierEvaluations;
    }

    /** @return calls of {@link #noise} and {@link #data} so far */
    public long predictions() {
        return predictions;
    }

    /** Sets all counters to 0. */
    public void resetCounts() {
        modelEvaluations = 0;
        classifierEvaluations = 0;
        predictions = 0;
    }

    /** @return what the model predicts */
    public ModelType modelType() {
        return type;
    }

    /** @return the noise schedule */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** @return the model-time map */
    public ModelTimeMap timeMap() {
        return timeMap;
    }

    /** @return the vector backend */
    public VectorOps<V> ops() {
        return ops;
    }

    /** @return the guidance */
    public Guidance<V> guidance() {
        return guidance;
    }

    /** @return the correction of data predictions, or {@code null} */
    public X0Correction<V> x0Correction() {
        return x0Correction;
    }

    @Override
    public String toString() {
        return "ModelWrapper[" + type + ", " + schedule + ", " + timeMap + ", " + guidance + "]";
    }
}
