package org.expint4j.diffusion.noise;

/**
 * Counter-based (stateless) random numbers: a value is a hash of its key (seed and counters), so
 * any value can be produced alone, in any order, by any thread. The hash chains the SplitMix64
 * finaliser (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA
 * 2014; their generator is this finaliser on a counter and passes BigCrush); the normal deviate
 * is Box–Muller's cosine branch of two independent uniforms.
 */
final class CounterRandom {

    /** The golden-ratio increment of SplitMix64. */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private static final double TWO_PI = 2 * Math.PI;

    private CounterRandom() {
    }

    /** The SplitMix64 finaliser (variant 13 of Stafford's mix). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits of the key (seed, a, b, c). */
    static long bits(long seed, long a, long b, long c) {
        long h = mix(seed + GAMMA);
        h = mix(h + (a + 1) * GAMMA);
        h = mix(h + (b + 1) * GAMMA);
        return mix(h + (c + 1) * GAMMA);
    }

    /** A standard normal deviate of the key. */
    static double gaussian(long seed, long a, long b, long c) {
        long h = bits(seed, a, b, c);
        // u1 in (0, 1], so the logarithm is finite; u2 in [0, 1).
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53;
        double u2 = (mix(h + GAMMA) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
    }
}
