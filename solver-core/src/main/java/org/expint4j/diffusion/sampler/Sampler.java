package org.expint4j.diffusion.sampler;

/**
 * Which multistep coefficient rules the {@link DpmSolver} loop runs. Both are configurations of
 * the same exponential Adams stepper in λ-time; they differ in their predictor weights and in
 * whether the UniC corrector is on by default.
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
    UNIPC
}
