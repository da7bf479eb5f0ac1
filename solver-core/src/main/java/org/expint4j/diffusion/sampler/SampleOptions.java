package org.expint4j.diffusion.sampler;

import java.util.Objects;
import org.expint4j.diffusion.noise.NoiseSource;
import org.expint4j.method.UniPcCoefficients;

/**
 * Every option of the reference {@code sample()} (and what goes beyond it), with the reference's
 * defaults. Mutable builder-style setters return {@code this}; the sampler validates the whole
 * set when it runs and names the offending value.
 */
public final class SampleOptions implements Cloneable {

    /** How multistep methods take their first steps. */
    public enum Warmup {
        /** The reference: orders 1, 2, ... while the history fills (caps the global order at 2). */
        LOWER_ORDER,
        /** Single-step steps of matching order, so the order holds from the first step. */
        SINGLESTEP
    }

    /**
     * The most steps a fixed-step run may take (and intervals a time grid may have): 10^6, far
     * beyond converged sampling (50 steps) and the studies' 1000-step references.
     */
    public static final int MAX_STEPS = 1_000_000;

    /**
     * The smallest relative tolerance of the adaptive method, \(10^{-13}\) (about 450 ulps of 1):
     * the difference of the two embedded solutions carries a rounding error of a few ulps of the
     * state, which must stay small against the tolerance for the error estimate to mean anything.
     */
    public static final double MIN_RTOL = 1e-13;

    int steps = 20;
    double tStart = Double.NaN;
    double tEnd = Double.NaN;
    int order = 2;
    SkipType skipType = SkipType.TIME_UNIFORM;
    SamplingMethod method = SamplingMethod.MULTISTEP;
    boolean lowerOrderFinal = true;
    boolean denoiseToZero;
    SolverType solverType = SolverType.DPMSOLVER;
    double atol = 0.0078;
    double rtol = 0.05;
    double hInit = 0.05;
    double theta = 0.9;
    double tErr = 1e-5;
    double[] timeGrid;
    /** Null: by the algorithm ({@link #exactThirdOrder}). */
    Boolean exactThirdOrderMultistep;
    Warmup warmup = Warmup.LOWER_ORDER;
    int batchSize = 1;
    // Stochastic sampling (SDE variants of DPM-Solver++): η, the noise source and its scale.
    double eta;
    NoiseSource noise;
    double sNoise = 1;
    // UniPC (Zhao et al. 2023) and the UniC corrector
    Sampler sampler = Sampler.DPM_SOLVER;
    UniPcCoefficients.Variant variant = UniPcCoefficients.Variant.BH1;
    /** Null: the sampler's default (on for UniPC, off for DPM-Solver). */
    Boolean corrector;
    boolean correctFinalStep;
    // Schedules and time grids: the parameters of the σ-spacings and a user σ grid.
    double rho = Double.NaN;
    double flowShift = 1;
    double[] sigmaGrid;

    /**
     * @param value number of steps (NFE for the fixed-step methods), in \([1, \) {@link #MAX_STEPS}\(]\)
     * @return this
     */
    public SampleOptions steps(int value) {
        steps = value;
        return this;
    }

    /** @param value start time (NaN: the schedule's T) @return this */
    public SampleOptions tStart(double value) {
        tStart = value;
        return this;
    }

    /** @param value end time (NaN: the schedule's default, 1/N or 1e-3) @return this */
    public SampleOptions tEnd(double value) {
        tEnd = value;
        return this;
    }

    /** @param value order: 1–3 (reference), 4 (multistep and single-step fixed) @return this */
    public SampleOptions order(int value) {
        order = value;
        return this;
    }

    /** @param value time-grid spacing @return this */
    public SampleOptions skipType(SkipType value) {
        skipType = Objects.requireNonNull(value, "skipType");
        return this;
    }

    /** @param value the method @return this */
    public SampleOptions method(SamplingMethod value) {
        method = Objects.requireNonNull(value, "method");
        return this;
    }

    /** @param value lower the order of the final steps when steps &lt; 10 (reference rule; UniPC: at any steps) @return this */
    public SampleOptions lowerOrderFinal(boolean value) {
        lowerOrderFinal = value;
        return this;
    }

    /** @param value one extra data-prediction evaluation at the end (+1 NFE) @return this */
    public SampleOptions denoiseToZero(boolean value) {
        denoiseToZero = value;
        return this;
    }

    /** @param value the coefficient rule @return this */
    public SampleOptions solverType(SolverType value) {
        solverType = Objects.requireNonNull(value, "solverType");
        return this;
    }

    /** @param value absolute tolerance of the adaptive method, {@code > 0} @return this */
    public SampleOptions atol(double value) {
        atol = value;
        return this;
    }

    /** @param value relative tolerance of the adaptive method, {@code >=} {@link #MIN_RTOL} @return this */
    public SampleOptions rtol(double value) {
        rtol = value;
        return this;
    }

    /** @param value initial step in λ of the adaptive method, {@code > 0} (clipped to the interval) @return this */
    public SampleOptions hInit(double value) {
        hInit = value;
        return this;
    }

    /** @param value safety factor of the adaptive method, in (0, 1] @return this */
    public SampleOptions theta(double value) {
        theta = value;
        return this;
    }

    /**
     * @param value time tolerance of the adaptive method, in \((0, |t_{\mathrm{start}} - t_{\mathrm{end}}|)\): a
     *     trial step ending within it of \(t_{\mathrm{end}}\) is extended to end there
     * @return this
     */
    public SampleOptions tErr(double value) {
        tErr = value;
        return this;
    }

    /**
     * @param grid a user-given strictly monotone time grid from start to end (overrides steps,
     *     tStart, tEnd and skipType for the fixed-step methods), or {@code null}
     * @return this
     */
    public SampleOptions timeGrid(double[] grid) {
        timeGrid = grid == null ? null : grid.clone();
        return this;
    }

    /**
     * @param exact multistep order 3 with the exact exponential Adams weights, or the reference's
     *     published formula, which converges only at order 2. The default follows the study
     *     (docs/results/dpm-study.md, the 10–30 NFE practitioners sample with): the published formula
     *     for data prediction (median error 9.6e-2 against 1.1e-1 at 10 NFE, 1.2e-2 against 1.5e-2 at
     *     20; it also gives the outputs of the reference, diffusers and k-diffusion), the exact weights
     *     for noise prediction, where they win at every NFE (3.3e-2 against 4.9e-2 at 10 NFE)
     * @return this
     */
    public SampleOptions exactThirdOrderMultistep(boolean exact) {
        exactThirdOrderMultistep = exact;
        return this;
    }

    /**
     * @param algorithm the prediction integrated
     * @return whether multistep order 3 uses the exact weights: as set, else exact for noise
     *     prediction and the published formula for data prediction
     */
    boolean exactThirdOrder(Algorithm algorithm) {
        return exactThirdOrderMultistep != null ? exactThirdOrderMultistep : algorithm == Algorithm.DPMSOLVER;
    }

    /**
     * @param value how multistep methods start: {@link Warmup#SINGLESTEP} takes the first
     *     {@code order - 1} steps with a single-step method of {@code order}'s stage count \(s\)
     *     (2, 3, 5 for orders 2, 3, 4), so the NFE is {@code steps + (order - 1)(s - 1)}
     * @return this
     */
    public SampleOptions warmup(Warmup value) {
        warmup = Objects.requireNonNull(value, "warmup");
        return this;
    }

    /**
     * @param value number of samples B in the batch (the state holds B samples of D values);
     *     the adaptive error norm is per sample
     * @return this
     */
    public SampleOptions batchSize(int value) {
        batchSize = value;
        return this;
    }

    /**
     * @param value \(\eta \ge 0\), finite: 0 (default) integrates the probability-flow ODE; \(\eta > 0\)
     *     samples the SDE family of DPM-Solver++ (SDE-DPM-Solver-1, DPM-Solver++(2M/3M) SDE; see
     *     {@link DpmSolver}), \(\eta = 1\) the reverse diffusion SDE itself; needs data prediction, the
     *     multistep method with lower-order warm-up and a {@link #noise} source
     * @return this
     */
    public SampleOptions eta(double value) {
        eta = value;
        return this;
    }

    /** @param value the noise of the steps when \(\eta > 0\) @return this */
    public SampleOptions noise(NoiseSource value) {
        noise = value;
        return this;
    }

    /** @param value the factor of the injected noise (k-diffusion's {@code s_noise}), finite, {@code >= 0}; default 1 @return this */
    public SampleOptions sNoise(double value) {
        sNoise = value;
        return this;
    }

    /**
     * @param value the multistep rules: DPM-Solver (default) or UniPC, which needs the multistep
     *     method and has orders 1–4
     * @return this
     */
    public SampleOptions sampler(Sampler value) {
        sampler = Objects.requireNonNull(value, "sampler");
        return this;
    }

    /** @param value UniPC's \(B(h)\): {@code BH1} (default, as the reference) or {@code BH2} @return this */
    public SampleOptions variant(UniPcCoefficients.Variant value) {
        variant = Objects.requireNonNull(value, "variant");
        return this;
    }

    /**
     * @param value whether the UniC corrector (of {@link #variant}) follows each multistep predictor
     *     step, UniPC's or DPM-Solver's (default: on for UniPC, off for DPM-Solver); multistep method only
     * @return this
     */
    public SampleOptions corrector(boolean value) {
        corrector = value;
        return this;
    }

    /**
     * @param value whether the corrector also runs after the final step, at the cost of one more
     *     evaluation (default false: the reference UniPC skips it, so NFE = steps)
     * @return this
     */
    public SampleOptions correctFinalStep(boolean value) {
        correctFinalStep = value;
        return this;
    }

    /** @return whether the multistep steps are corrected */
    boolean usesCorrector() {
        return corrector != null ? corrector : sampler == Sampler.UNIPC;
    }

    // ---------------------------------------------------------------- σ-spacings and σ grids

    /**
     * @param value \(\rho > 0\) of the {@link SkipType#KARRAS} and {@link SkipType#POLYEXPONENTIAL}
     *     spacings (NaN, the default: 7 and 1); ignored by the other spacings
     * @return this
     */
    public SampleOptions rho(double value) {
        rho = value;
        return this;
    }

    /**
     * @param value the shift \(k > 0\) of the {@link SkipType#FLOW} spacing (default 1; SD3 uses 3)
     * @return this
     */
    public SampleOptions flowShift(double value) {
        flowShift = value;
        return this;
    }

    /**
     * @param sigmas a user grid of noise levels \( \tilde\sigma = \sigma_t/\alpha_t \), strictly
     *     decreasing when sampling (increasing for the inverse map), each mapped to its time
     *     \( t(\lambda = -\log\tilde\sigma) \) by the schedule; like {@link #timeGrid} it overrides
     *     steps, tStart, tEnd and the spacing for the fixed-step methods; {@code null} for none.
     *     Cannot be combined with a time grid.
     * @return this
     */
    public SampleOptions sigmas(double[] sigmas) {
        sigmaGrid = sigmas == null ? null : sigmas.clone();
        return this;
    }

    /** @return the spacing with its parameters (\(\rho\) defaulted by type) */
    GridSpacing spacing() {
        return new GridSpacing(skipType, Double.isNaN(rho) ? GridSpacing.defaultRho(skipType) : rho, flowShift);
    }

    /**
     * @param grid a time grid
     * @return a copy of these options with that time grid and no σ grid (arrays are shared: they
     *     are never modified)
     */
    SampleOptions withTimeGrid(double[] grid) {
        try {
            SampleOptions copy = (SampleOptions) super.clone();
            copy.timeGrid = grid;
            copy.sigmaGrid = null;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
