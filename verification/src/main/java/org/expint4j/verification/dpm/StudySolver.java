package org.expint4j.verification.dpm;

import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;

/**
 * The samplers compared by the study. All DPM-Solver variants use a uniform log-SNR grid
 * (the paper's choice for DPM-Solver; DDIM on the same grid, so that the comparison isolates the
 * order of the update) and the reference's other defaults ({@code lower_order_final}, lower-order
 * multistep warm-up, no denoise-to-zero step). Fixed-step solvers are run at NFE targets, the
 * others along a tolerance ladder.
 */
public enum StudySolver {

    /** DDIM = DPM-Solver-1 (first order; noise and data forms coincide). */
    DDIM("DDIM", false, false),
    /** DPM-Solver-fast: single-step, order 3 with the reference's order split, exactly NFE steps. */
    DPM_SOLVER_FAST("DPM-Solver-fast", false, true),
    /** Single-step DPM-Solver-2 ({@code singlestep_fixed}, 2 NFE per step). */
    DPM_SOLVER_2("DPM-Solver-2", false, true),
    /** Single-step DPM-Solver-3 ({@code singlestep_fixed}, 3 NFE per step). */
    DPM_SOLVER_3("DPM-Solver-3", false, true),
    /** Multistep DPM-Solver++(2M). */
    DPMPP_2M("DPM-Solver++(2M)", false, true),
    /** Multistep DPM-Solver++(3M) with the reference's published formula (converges at order 2). */
    DPMPP_3M_REFERENCE("DPM-Solver++(3M) ref. formula", false, true),
    /** Multistep DPM-Solver++(3M) with the exact exponential Adams weights. */
    DPMPP_3M_EXACT("DPM-Solver++(3M) exact", false, true),
    /** Adaptive DPM-Solver-12, atol = rtol along the ladder. */
    DPM_SOLVER_12("DPM-Solver-12 (adaptive)", true, true),
    /** Adaptive DPM-Solver-23, atol = rtol along the ladder. */
    DPM_SOLVER_23("DPM-Solver-23 (adaptive)", true, true),
    /** Dormand–Prince 5(4) on the probability-flow ODE in t, atol = rtol along the ladder. */
    RK45("RK45 (Dormand–Prince, t)", true, false);

    private final String label;
    private final boolean adaptive;
    private final boolean dpmSolver;

    StudySolver(String label, boolean adaptive, boolean dpmSolver) {
        this.label = label;
        this.adaptive = adaptive;
        this.dpmSolver = dpmSolver;
    }

    /** @return the display name */
    public String label() {
        return label;
    }

    /** @return whether it runs along a tolerance ladder (otherwise at NFE targets) */
    public boolean adaptive() {
        return adaptive;
    }

    /**
     * @return whether it is a DPM-Solver of order &ge; 2 (the family the speed-up ratios are
     *     taken against; DDIM and RK45 are the baselines)
     */
    public boolean dpmSolver() {
        return dpmSolver;
    }

    /** @return which prediction the DPM-Solver variant integrates (RK45: the noise one) */
    Algorithm algorithm() {
        return switch (this) {
            case DPMPP_2M, DPMPP_3M_REFERENCE, DPMPP_3M_EXACT -> Algorithm.DPMSOLVER_PLUS_PLUS;
            default -> Algorithm.DPMSOLVER;
        };
    }

    /**
     * @param control NFE target (fixed-step) or atol = rtol (adaptive)
     * @param batch the batch size B
     * @return the sampler options, or {@code null} for RK45
     */
    SampleOptions options(double control, int batch) {
        SampleOptions o = new SampleOptions().skipType(SkipType.LOGSNR).batchSize(batch);
        int nfe = (int) control;
        return switch (this) {
            case DDIM -> o.method(SamplingMethod.MULTISTEP).order(1).steps(nfe);
            case DPM_SOLVER_FAST -> o.method(SamplingMethod.SINGLESTEP).order(3).steps(nfe);
            case DPM_SOLVER_2 -> o.method(SamplingMethod.SINGLESTEP_FIXED).order(2).steps(nfe);
            case DPM_SOLVER_3 -> o.method(SamplingMethod.SINGLESTEP_FIXED).order(3).steps(nfe);
            case DPMPP_2M -> o.method(SamplingMethod.MULTISTEP).order(2).steps(nfe);
            case DPMPP_3M_REFERENCE -> o.method(SamplingMethod.MULTISTEP).order(3).steps(nfe)
                    .exactThirdOrderMultistep(false);
            case DPMPP_3M_EXACT -> o.method(SamplingMethod.MULTISTEP).order(3).steps(nfe)
                    .exactThirdOrderMultistep(true);
            case DPM_SOLVER_12 -> o.method(SamplingMethod.ADAPTIVE).order(2).atol(control).rtol(control);
            case DPM_SOLVER_23 -> o.method(SamplingMethod.ADAPTIVE).order(3).atol(control).rtol(control);
            case RK45 -> null;
        };
    }

    /** @return the smallest NFE target a fixed-step solver can run (its minimum step count) */
    int minimumNfe() {
        return switch (this) {
            case DPM_SOLVER_2 -> 2;
            case DPM_SOLVER_3, DPMPP_3M_REFERENCE, DPMPP_3M_EXACT, DPM_SOLVER_FAST -> 3;
            default -> 1;
        };
    }
}
