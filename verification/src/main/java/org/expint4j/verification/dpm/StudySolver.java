package org.expint4j.verification.dpm;

import org.expint4j.diffusion.sampler.Algorithm;
import org.expint4j.diffusion.sampler.SampleOptions;
import org.expint4j.diffusion.sampler.Sampler;
import org.expint4j.diffusion.sampler.SamplingMethod;
import org.expint4j.diffusion.sampler.SkipType;
import org.expint4j.diffusion.sampler.SolverType;
import org.expint4j.method.UniPcCoefficients.Variant;

/**
 * The samplers compared by the study. Unless a row says otherwise they use a uniform log-SNR grid
 * (the paper's choice for DPM-Solver; DDIM on the same grid, so that the comparison isolates the
 * update) and the reference's other defaults ({@code lower_order_final}, lower-order multistep
 * warm-up, no denoise-to-zero step). Fixed-step solvers are run at NFE targets, the adaptive ones
 * along a tolerance ladder.
 *
 * <p><b>Tuned rows.</b> The rows whose label names a grid or the noise prediction are the best
 * configurations of a sweep at 10 and 20 NFE over grids (log-SNR, time-uniform, time-quadratic,
 * Karras \(\rho \in \{3, 5, 7, 12\}\), polyexponential \(\rho \in \{0.8, 1.25, 1.5\}\), flow),
 * prediction (noise / data), {@code lower_order_final}, warm-up (lower-order / single-step) and
 * the multistep rules (DPM-Solver 2M–4M, UniPC-2–4 bh1/bh2, UniC after 2M/3M/4M) on the study's
 * mixture, both schedules; see {@code docs/results/dpm-study.md}.
 *
 * <p><b>The reference code's options</b> ({@link #referenceCode()}): besides DPM-Solver++(3M) on the
 * log-SNR grid, the rows the reference DPM-Solver code can run, among them the best of the sweep's
 * reference-code configurations (2M and published 3M, noise or data prediction, its three grids).
 *
 * <p><b>Stochastic rows</b> ({@link #stochastic()}) sample the reverse SDE (\(\eta = 1\), the
 * SDE samplers of Lu et al. 2022, arXiv:2211.01095, and k-diffusion) with a seeded Brownian tree:
 * their paths are not those of the ODE, so only the distribution distance is measured.
 *
 * <p>DEIS (tAB, ρAB) and iPNDM enter as one constant each with their {@code Sampler} value in
 * {@link #options}.
 */
public enum StudySolver {

    /** DDIM = DPM-Solver-1 (first order; noise and data forms coincide). */
    DDIM("DDIM", Kind.BASELINE, true),
    /** DPM-Solver-fast: single-step, order 3 with the reference's order split, exactly NFE steps. */
    DPM_SOLVER_FAST("DPM-Solver-fast", Kind.FIXED, true),
    /** Single-step DPM-Solver-2 ({@code singlestep_fixed}, 2 NFE per step). */
    DPM_SOLVER_2("DPM-Solver-2", Kind.FIXED, true),
    /** Single-step DPM-Solver-3 ({@code singlestep_fixed}, 3 NFE per step). */
    DPM_SOLVER_3("DPM-Solver-3", Kind.FIXED, true),
    /** Multistep DPM-Solver++(2M). */
    DPMPP_2M("DPM-Solver++(2M)", Kind.FIXED, true),
    /**
     * Multistep DPM-Solver++(3M) with the reference's published formula (converges at order 2): the
     * best the reference code offers, the baseline of the goal table.
     */
    DPMPP_3M_REFERENCE("DPM-Solver++(3M) ref. formula", Kind.FIXED, true),
    /** Multistep DPM-Solver++(3M) with the exact exponential Adams weights. */
    DPMPP_3M_EXACT("DPM-Solver++(3M) exact", Kind.FIXED),
    /** Multistep DPM-Solver++(4M), exact weights (not in the reference). */
    DPMPP_4M_EXACT("DPM-Solver++(4M) exact", Kind.FIXED),
    /** DPM-Solver++(2M) with the UniC corrector (bh2) after each step. */
    DPMPP_2M_UNIC("DPM-Solver++(2M) + UniC bh2", Kind.FIXED),
    /** DPM-Solver++(3M), published formula, with the UniC corrector (bh2). */
    DPMPP_3M_UNIC("DPM-Solver++(3M) ref. + UniC bh2", Kind.FIXED),
    /** UniPC-2, \( B(h) = h \) (Zhao et al. 2023). */
    UNIPC_2_BH1("UniPC-2 bh1", Kind.FIXED),
    /** UniPC-2, \( B(h) = e^h - 1 \). */
    UNIPC_2_BH2("UniPC-2 bh2", Kind.FIXED),
    /** UniPC-3 bh1. */
    UNIPC_3_BH1("UniPC-3 bh1", Kind.FIXED),
    /** UniPC-3 bh2. */
    UNIPC_3_BH2("UniPC-3 bh2", Kind.FIXED),
    /** DPM-Solver(3M), published formula, noise prediction (the reference's {@code dpmsolver} type). */
    DPM_3M_NOISE_REFERENCE("DPM-Solver(3M) ref. formula, noise pred.", Kind.FIXED, true),
    /** DPM-Solver(3M), exact weights, noise prediction. */
    DPM_3M_NOISE_EXACT("DPM-Solver(3M) exact, noise pred.", Kind.FIXED),
    /** The reference code's best at 10 NFE in the sweep: DPM-Solver(2M), noise prediction, time-quadratic. */
    DPM_2M_NOISE_QUADRATIC("DPM-Solver(2M) noise pred., time-quadratic", Kind.FIXED, true),
    /** The reference code's best at 20 NFE on VP: DPM-Solver(3M), published formula, noise pred., time-quadratic. */
    DPM_3M_NOISE_REFERENCE_QUADRATIC("DPM-Solver(3M) ref. formula, noise pred., time-quadratic", Kind.FIXED, true),
    /** The reference code's best at 20 NFE on flow: the same on the time-uniform grid. */
    DPM_3M_NOISE_REFERENCE_UNIFORM("DPM-Solver(3M) ref. formula, noise pred., time-uniform", Kind.FIXED, true),
    /** Tuned: multistep DPM-Solver(4M), exact weights, noise prediction, log-SNR grid. */
    DPM_4M_NOISE("DPM-Solver(4M) noise pred.", Kind.FIXED),
    /** Tuned: DPM-Solver(3M) exact, noise prediction, polyexponential grid \(\rho = 0.8\). */
    DPM_3M_NOISE_POLY("DPM-Solver(3M) exact, noise pred., polyexp. ρ=0.8", Kind.FIXED),
    /** Tuned: UniPC-4 bh2, noise prediction, polyexponential grid \(\rho = 0.8\). */
    UNIPC_4_BH2_NOISE_POLY("UniPC-4 bh2, noise pred., polyexp. ρ=0.8", Kind.FIXED),
    /** Tuned: UniPC-3 bh2, data prediction, time-quadratic grid. */
    UNIPC_3_BH2_QUADRATIC("UniPC-3 bh2, time-quadratic", Kind.FIXED),
    /** Tuned: UniPC-3 bh2, data prediction, time-uniform grid (on the flow schedule: SD3's grid). */
    UNIPC_3_BH2_UNIFORM("UniPC-3 bh2, time-uniform", Kind.FIXED),
    /** DEIS tAB-3 (Zhang and Chen 2023): the noise prediction interpolated in t, as published. */
    DEIS_TAB_3("DEIS tAB-3, noise pred.", Kind.FIXED),
    /** DEIS ρAB-3: the noise prediction interpolated in ρ = σ/α. */
    DEIS_RHOAB_3("DEIS ρAB-3, noise pred.", Kind.FIXED),
    /** iPNDM-4: constant-step Adams–Bashforth weights in ρ. */
    IPNDM_4("iPNDM-4, noise pred.", Kind.FIXED),
    /** SDE-DPM-Solver-1, \(\eta = 1\) (DDPM-like ancestral first order). */
    SDE_DPM_SOLVER_1("SDE-DPM-Solver-1 (η=1)", Kind.STOCHASTIC),
    /** DPM-Solver++(2M) SDE, \(\eta = 1\), k-diffusion's midpoint form. */
    DPMPP_2M_SDE("DPM-Solver++(2M) SDE midpoint", Kind.STOCHASTIC),
    /** DPM-Solver++(3M) SDE, \(\eta = 1\), k-diffusion's (Taylor form, published 3M weights). */
    DPMPP_3M_SDE("DPM-Solver++(3M) SDE", Kind.STOCHASTIC),
    /** Adaptive DPM-Solver-12, atol = rtol along the ladder. */
    DPM_SOLVER_12("DPM-Solver-12 (adaptive)", Kind.ADAPTIVE),
    /** Adaptive DPM-Solver-23, atol = rtol along the ladder. */
    DPM_SOLVER_23("DPM-Solver-23 (adaptive)", Kind.ADAPTIVE),
    /** Dormand–Prince 5(4) on the probability-flow ODE in t, atol = rtol along the ladder. */
    RK45("RK45 (Dormand–Prince, t)", Kind.RK45);

    /** How a row is run and scored. */
    private enum Kind {
        /** Fixed-step baseline (DDIM). */
        BASELINE,
        /** Fixed-step sampler of order &ge; 2 on the ODE. */
        FIXED,
        /** Fixed-step SDE sampler: distribution distance only. */
        STOCHASTIC,
        /** Adaptive DPM-Solver. */
        ADAPTIVE,
        /** The black-box baseline. */
        RK45
    }

    private final String label;
    private final Kind kind;
    private final boolean referenceCode;

    StudySolver(String label, Kind kind) {
        this(label, kind, false);
    }

    StudySolver(String label, Kind kind, boolean referenceCode) {
        this.label = label;
        this.kind = kind;
        this.referenceCode = referenceCode;
    }

    /**
     * @return whether the reference DPM-Solver code runs this configuration (its methods, its
     *     published 3M formula, its grids log-SNR / time-uniform / time-quadratic, either prediction)
     */
    public boolean referenceCode() {
        return referenceCode;
    }

    /** @return the display name */
    public String label() {
        return label;
    }

    /** @return whether it runs along a tolerance ladder (otherwise at NFE targets) */
    public boolean adaptive() {
        return kind == Kind.ADAPTIVE || kind == Kind.RK45;
    }

    /**
     * @return whether it is a fast sampler of order &ge; 2 on the ODE (the family the speed-up
     *     ratios are taken against; DDIM and RK45 are the baselines, SDE rows have no ODE error)
     */
    public boolean dpmSolver() {
        return kind == Kind.FIXED || kind == Kind.ADAPTIVE;
    }

    /**
     * @return whether it samples the reverse SDE: its paths are not the ODE's, so it has no
     *     pathwise error (only the distribution distance) and stays out of the NFE headline
     */
    public boolean stochastic() {
        return kind == Kind.STOCHASTIC;
    }

    /** @return which prediction the variant integrates (RK45: the noise one) */
    Algorithm algorithm() {
        return switch (this) {
            case DDIM, DPM_SOLVER_FAST, DPM_SOLVER_2, DPM_SOLVER_3, DPM_SOLVER_12, DPM_SOLVER_23, RK45,
                    DPM_4M_NOISE, DPM_3M_NOISE_POLY, UNIPC_4_BH2_NOISE_POLY, DPM_3M_NOISE_REFERENCE, DPM_3M_NOISE_EXACT,
                    DPM_2M_NOISE_QUADRATIC, DPM_3M_NOISE_REFERENCE_QUADRATIC, DPM_3M_NOISE_REFERENCE_UNIFORM,
                    DEIS_TAB_3, DEIS_RHOAB_3, IPNDM_4 ->
                    Algorithm.DPMSOLVER;
            default -> Algorithm.DPMSOLVER_PLUS_PLUS;
        };
    }

    /**
     * @param control NFE target (fixed-step) or atol = rtol (adaptive)
     * @param batch the batch size B
     * @return the sampler options (SDE rows without their noise source), or {@code null} for RK45
     */
    SampleOptions options(double control, int batch) {
        SampleOptions o = new SampleOptions().skipType(SkipType.LOGSNR).batchSize(batch);
        int nfe = (int) control;
        SampleOptions multistep = o.method(SamplingMethod.MULTISTEP).steps(nfe);
        return switch (this) {
            case DDIM -> multistep.order(1);
            case DPM_SOLVER_FAST -> o.method(SamplingMethod.SINGLESTEP).order(3).steps(nfe);
            case DPM_SOLVER_2 -> o.method(SamplingMethod.SINGLESTEP_FIXED).order(2).steps(nfe);
            case DPM_SOLVER_3 -> o.method(SamplingMethod.SINGLESTEP_FIXED).order(3).steps(nfe);
            case DPMPP_2M -> multistep.order(2);
            case DPMPP_3M_REFERENCE -> multistep.order(3).exactThirdOrderMultistep(false);
            case DPMPP_3M_EXACT -> multistep.order(3).exactThirdOrderMultistep(true);
            case DPMPP_4M_EXACT, DPM_4M_NOISE -> multistep.order(4);
            case DPMPP_2M_UNIC -> multistep.order(2).corrector(true).variant(Variant.BH2);
            case DPMPP_3M_UNIC -> multistep.order(3).exactThirdOrderMultistep(false).corrector(true)
                    .variant(Variant.BH2);
            case UNIPC_2_BH1 -> uniPc(multistep, 2, Variant.BH1);
            case UNIPC_2_BH2 -> uniPc(multistep, 2, Variant.BH2);
            case UNIPC_3_BH1 -> uniPc(multistep, 3, Variant.BH1);
            case UNIPC_3_BH2 -> uniPc(multistep, 3, Variant.BH2);
            case DPM_3M_NOISE_REFERENCE -> multistep.order(3).exactThirdOrderMultistep(false);
            case DPM_3M_NOISE_EXACT -> multistep.order(3).exactThirdOrderMultistep(true);
            case DPM_2M_NOISE_QUADRATIC -> multistep.order(2).skipType(SkipType.TIME_QUADRATIC);
            case DPM_3M_NOISE_REFERENCE_QUADRATIC -> multistep.order(3).exactThirdOrderMultistep(false)
                    .skipType(SkipType.TIME_QUADRATIC);
            case DPM_3M_NOISE_REFERENCE_UNIFORM -> multistep.order(3).exactThirdOrderMultistep(false)
                    .skipType(SkipType.TIME_UNIFORM);
            case DPM_3M_NOISE_POLY -> multistep.order(3).exactThirdOrderMultistep(true)
                    .skipType(SkipType.POLYEXPONENTIAL).rho(0.8);
            case UNIPC_4_BH2_NOISE_POLY -> uniPc(multistep, 4, Variant.BH2).skipType(SkipType.POLYEXPONENTIAL)
                    .rho(0.8);
            case UNIPC_3_BH2_QUADRATIC -> uniPc(multistep, 3, Variant.BH2).skipType(SkipType.TIME_QUADRATIC);
            case UNIPC_3_BH2_UNIFORM -> uniPc(multistep, 3, Variant.BH2).skipType(SkipType.TIME_UNIFORM);
            case DEIS_TAB_3 -> multistep.sampler(Sampler.DEIS_TAB).order(3);
            case DEIS_RHOAB_3 -> multistep.sampler(Sampler.DEIS_RHOAB).order(3);
            case IPNDM_4 -> multistep.sampler(Sampler.IPNDM).order(4);
            case SDE_DPM_SOLVER_1 -> multistep.order(1).eta(1);
            case DPMPP_2M_SDE -> multistep.order(2).eta(1).solverType(SolverType.DPMSOLVER);
            case DPMPP_3M_SDE -> multistep.order(3).eta(1).solverType(SolverType.TAYLOR)
                    .exactThirdOrderMultistep(false);
            case DPM_SOLVER_12 -> o.method(SamplingMethod.ADAPTIVE).order(2).atol(control).rtol(control);
            case DPM_SOLVER_23 -> o.method(SamplingMethod.ADAPTIVE).order(3).atol(control).rtol(control);
            case RK45 -> null;
        };
    }

    private static SampleOptions uniPc(SampleOptions o, int order, Variant variant) {
        return o.sampler(Sampler.UNIPC).order(order).variant(variant);
    }

    /** @return the smallest NFE target a fixed-step solver can run (its minimum step count) */
    int minimumNfe() {
        return switch (this) {
            case DPM_SOLVER_2, DPMPP_2M, DPMPP_2M_UNIC, UNIPC_2_BH1, UNIPC_2_BH2, DPMPP_2M_SDE,
                    DPM_2M_NOISE_QUADRATIC -> 2;
            case DPMPP_4M_EXACT, DPM_4M_NOISE, UNIPC_4_BH2_NOISE_POLY, IPNDM_4 -> 4;
            case DDIM, SDE_DPM_SOLVER_1, DPM_SOLVER_12, DPM_SOLVER_23, RK45 -> 1;
            default -> 3;
        };
    }
}
