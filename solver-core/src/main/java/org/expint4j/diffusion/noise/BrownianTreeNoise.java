package org.expint4j.diffusion.noise;

/**
 * A virtual Brownian tree: one Brownian path \(W\) per sample and element on \([t_0, t_1]\),
 * \(W(t_0) = 0\), evaluated at any time from the seed alone, and the noise of a step from \(s\)
 * to \(t\) its normalised increment \( z = (W(t) - W(s))/\sqrt{|t - s|} \) (as k-diffusion's
 * {@code BrownianTreeNoiseSampler}). \(W(t)\) is found by recursive Brownian-bridge bisection
 * (Gaines and Lyons, "Variable step size control in the numerical solution of stochastic
 * differential equations", SIAM J. Appl. Math. 57, 1997; the "virtual" tree of diffrax's
 * {@code VirtualBrownianTree}): \( W(t_1) = \sqrt{t_1 - t_0}\,\xi_0 \), and on a
 * node \([a, c]\) with known ends the midpoint \(m\) takes
 * \[ W(m) = \tfrac12\big(W(a) + W(c)\big) + \tfrac12\sqrt{c - a}\;\xi_{\mathrm{node}}, \]
 * the bridge's exact conditional law, with \(\xi_{\mathrm{node}}\) a counter-based normal deviate
 * of (seed, sample, element, node) ({@link CounterRandom}). After {@value #LEVELS} levels
 * (intervals of \((t_1 - t_0)/2^{32}\)) the path is interpolated linearly.
 *
 * <p>Hence the same seed gives the same path at every time grid (a step of a 20-step run is
 * the sum of two steps of the 40-step run on the refined grid, to rounding), and sample \(b\) the
 * same path in a batch of any size. The tree keeps the last queried time's values, since a
 * sampler's step starts where the previous one ended: one walk per step. Not thread-safe.
 */
public final class BrownianTreeNoise implements NoiseSource {

    /** Bisection depth: below \((t_1 - t_0)/2^{32}\) the path is linear (far below sampling steps). */
    public static final int LEVELS = 32;

    private final long seed;
    private final double t0;
    private final double t1;
    private double cachedTime = Double.NaN;
    private int cachedBatch;
    private double[] cached = new double[0];

    /**
     * @param seed the seed
     * @param t0 the start of the covered interval
     * @param t1 its end, {@code > t0}
     * @throws IllegalArgumentException if the interval is empty or not finite
     */
    public BrownianTreeNoise(long seed, double t0, double t1) {
        if (!(t0 < t1) || !Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("a Brownian tree needs a finite interval t0 < t1, got [" + t0 + ", "
                    + t1 + "]");
        }
        this.seed = seed;
        this.t0 = t0;
        this.t1 = t1;
    }

    @Override
    public void sample(int step, double from, double to, int batchSize, double[] out) {
        int dim = NoiseSource.dimension(batchSize, out.length);
        check("from", from);
        check("to", to);
        if (from == to) {
            throw new IllegalArgumentException("a step's noise needs distinct times, got from = to = " + from);
        }
        if (cached.length != out.length) {
            cached = new double[out.length];
            cachedTime = Double.NaN;
        }
        double norm = 1 / Math.sqrt(Math.abs(to - from));
        boolean known = from == cachedTime && batchSize == cachedBatch;
        cachedBatch = batchSize;
        for (int b = 0; b < batchSize; b++) {
            for (int i = 0; i < dim; i++) {
                int k = b * dim + i;
                double start = known ? cached[k] : value(b, i, from);
                double end = value(b, i, to);
                cached[k] = end;
                out[k] = (end - start) * norm;
            }
        }
        cachedTime = to;
    }

    /**
     * \(W(t)\) of one sample and element.
     *
     * @param sample the sample index \(b\)
     * @param element the element index
     * @param t a time in \([t_0, t_1]\)
     * @return \(W(t)\)
     */
    public double value(int sample, int element, double t) {
        check("t", t);
        double a = t0;
        double c = t1;
        double wa = 0;
        double wc = Math.sqrt(t1 - t0) * CounterRandom.gaussian(seed, sample, element, 0);
        if (t == c) {
            return wc;
        }
        // Heap numbering: the root interval is node 1, the children of node k are 2k and 2k + 1.
        long node = 1;
        for (int level = 0; level < LEVELS && t != a; level++) {
            double m = a + 0.5 * (c - a);
            double wm = 0.5 * (wa + wc) + 0.5 * Math.sqrt(c - a) * CounterRandom.gaussian(seed, sample, element, node);
            if (t == m) {
                return wm;
            }
            if (t < m) {
                c = m;
                wc = wm;
                node = 2 * node;
            } else {
                a = m;
                wa = wm;
                node = 2 * node + 1;
            }
        }
        return t == a ? wa : wa + (wc - wa) * ((t - a) / (c - a));
    }

    private void check(String name, double t) {
        if (!(t >= t0 && t <= t1)) {
            throw new IllegalArgumentException(name + " = " + t + " is outside the Brownian tree's interval [" + t0
                    + ", " + t1 + "]");
        }
    }

    @Override
    public String toString() {
        return "brownian-tree(seed " + seed + ", [" + t0 + ", " + t1 + "])";
    }
}
