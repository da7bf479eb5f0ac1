package org.expint4j.diffusion.sampler;

/**
 * Which multistep rules the {@link DpmSolver} loop runs. All are configurations of the same
 * exponential Adams stepper in λ-time; they differ in their predictor weights, in whether the
 * UniC corrector is on by default, and in when the final steps use lower orders.
 */
public enum Sampler {
    /** DPM-Solver / DPM-Solver++ (Lu et al. 2022): every method, no corrector unless asked for. */
    DPM_SOLVER,
    /**
     * UniPC (Zhao et al., NeurIPS 2023, arXiv:2302.04867): multistep UniP-\(p\) predictor
     * ({@link org.expint4j.method.UniPcCoefficients}) with the UniC corrector, which raises the
     * order to \(p+1\) without extra model evaluations; lower-order final steps at every step
     * count, as the reference UniPC code does.
     */
    UNIPC,
    /**
     * DEIS tAB (Zhang and Chen, ICLR 2023, arXiv:2204.13902): the prediction interpolated in the
     * diffusion time \(t\) ({@link DeisCoefficients#tAb}); orders 1–4, no lower-order final steps.
     */
    DEIS_TAB,
    /** DEIS ρAB: the prediction interpolated in \(\rho = \sigma_t/\alpha_t\) ({@link DeisCoefficients#rhoAb}); orders 1–4. */
    DEIS_RHOAB,
    /** iPNDM (same paper): constant-step Adams–Bashforth weights in \(\rho\) ({@link DeisCoefficients#ipndm}); orders 1–4. */
    IPNDM;

    /** @return the name in the literature, for messages: "DPM-Solver", "UniPC", "DEIS tAB", "DEIS rho-AB", "iPNDM" */
    public String label() {
        return switch (this) {
            case DPM_SOLVER -> "DPM-Solver";
            case UNIPC -> "UniPC";
            case DEIS_TAB -> "DEIS tAB";
            case DEIS_RHOAB -> "DEIS rho-AB";
            case IPNDM -> "iPNDM";
        };
    }

    /** The highest order of the UniPC, DEIS and iPNDM samplers here. */
    static final int MAX_ORDER = 4;

    /**
     * @param steps the number of steps of the run
     * @return whether {@link SampleOptions#lowerOrderFinal} lowers the order of the final steps:
     *     DPM-Solver's reference below 10 steps, UniPC's always, DEIS and iPNDM never (their
     *     reference code has no such rule)
     */
    boolean lowersFinalOrder(int steps) {
        return switch (this) {
            case DPM_SOLVER -> steps < 10;
            case UNIPC -> true;
            default -> false;
        };
    }
}
