package org.expint4j.diffusion.sampler;

/** How the sampling time grid is spaced between \(t_T\) and \(t_0\) (reference {@code skip_type}). */
public enum SkipType {
    /** Uniform in \(\lambda\) (recommended for low-resolution data). */
    LOGSNR,
    /** Uniform in \(t\) (the reference default, recommended for high resolution). */
    TIME_UNIFORM,
    /** Uniform in \(\sqrt t\), squared. */
    TIME_QUADRATIC
}
