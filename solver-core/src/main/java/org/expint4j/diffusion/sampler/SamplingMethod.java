package org.expint4j.diffusion.sampler;

/** The reference sampler's {@code method} option. */
public enum SamplingMethod {
    /** Multistep DPM-Solver(++) (exponential Adams in λ); NFE = steps. */
    MULTISTEP,
    /** Single-step DPM-Solver-fast: orders 3, 3, ..., then 2 or 1 to use exactly {@code steps} NFE. */
    SINGLESTEP,
    /** Single-step steps all of the same order: {@code steps / order} steps. */
    SINGLESTEP_FIXED,
    /** DPM-Solver-12 / DPM-Solver-23 with the reference's step-size control. */
    ADAPTIVE
}
