package org.expint4j.diffusion.sampler;

import java.util.Objects;

/**
 * A {@link SkipType} with its parameters: \(\rho\) of {@link SkipType#KARRAS} and
 * {@link SkipType#POLYEXPONENTIAL}, and the shift \(k\) of {@link SkipType#FLOW}; each is ignored by
 * the other types.
 *
 * @param type the spacing
 * @param rho \( \rho > 0 \), finite
 * @param shift \( k > 0 \), finite
 */
public record GridSpacing(SkipType type, double rho, double shift) {

    /** Karras et al.'s \(\rho = 7\). */
    public static final double DEFAULT_KARRAS_RHO = 7;

    /** k-diffusion's default \(\rho = 1\) of the polyexponential spacing. */
    public static final double DEFAULT_POLYEXPONENTIAL_RHO = 1;

    /**
     * @throws IllegalArgumentException if \(\rho\) or the shift is not positive and finite, naming it
     */
    public GridSpacing {
        Objects.requireNonNull(type, "type");
        if (!(rho > 0 && rho < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("rho = " + rho + ", must be positive and finite");
        }
        if (!(shift > 0 && shift < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("flow shift = " + shift + ", must be positive and finite");
        }
    }

    /**
     * @param type the spacing
     * @return it with the default \(\rho\) of its type (7 for Karras, else 1) and shift 1
     */
    public static GridSpacing of(SkipType type) {
        return new GridSpacing(type, defaultRho(type), 1);
    }

    /**
     * @param type the spacing
     * @return 7 for {@link SkipType#KARRAS}, 1 otherwise
     */
    public static double defaultRho(SkipType type) {
        return type == SkipType.KARRAS ? DEFAULT_KARRAS_RHO : DEFAULT_POLYEXPONENTIAL_RHO;
    }
}
