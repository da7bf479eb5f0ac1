package org.expint4j.cuda;

import java.util.Objects;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * The host half of {@link CudaGaussianMixtureModel}, usable without a device: the parameters in
 * the layout the kernel reads, the per-time constants computed exactly as
 * {@link GaussianMixtureModel} computes them (same operations, same order, so the same bits), the
 * launch geometry, and the agreement bound against the CPU model. The kernel-emulation test drives
 * the kernel source with exactly these values.
 *
 * <p>Public only for the device check ({@code org.expint4j.cuda.check}), which evaluates the bound
 * on the host: the constructor, {@link #boundUnits} and {@link #agreementBound} are its public
 * members; everything else is the backend's.
 */
public final class GaussianMixtureParameters {

    /** \( \log 2\pi \), as the CPU model computes it. */
    static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    /** Components beyond which a block's shared memory cannot hold one sample's responsibilities. */
    static final int MAX_COMPONENTS = 4096;

    /** Shared memory per block the launch stays within (the default limit, no opt-in needed). */
    static final int SHARED_BYTES = 48 * 1024;

    final int components;
    final int dimension;
    final NoiseSchedule schedule;
    final ModelTimeMap timeMap;
    /** The CPU model of the same parameters: validation, and responsibilities for the bound. */
    final GaussianMixtureModel cpu;
    /** Raw parameters as given, for {@link #cpuModel()}. */
    private final double[] rawWeights;
    private final double[][] rawMeans;
    private final double[][] rawStds;
    /** \( \log w_k \) of the normalised weights. */
    final double[] logWeights;
    /** Means, row-major \(K \times D\). */
    final double[] means;
    /** Standard deviations, row-major. */
    final double[] stds;
    /** {@code stds[kd] * stds[kd]}, the factor the CPU model's variance starts from. */
    final double[] stds2;
    /** Threads (samples) per block. */
    final int threads;

    /** Per-time constants, valid for {@link #preparedTime}. */
    final double[] logNormalisers;
    double alpha;
    double sigma;
    double alpha2;
    double sigma2;
    double preparedTime = Double.NaN;

    /**
     * @throws IllegalArgumentException as {@link GaussianMixtureModel}'s constructor (same
     *     messages), or if there are more than {@link #MAX_COMPONENTS} components
     */
    public GaussianMixtureParameters(double[] weights, double[][] means, double[][] stds, NoiseSchedule schedule,
                              ModelTimeMap timeMap) {
        this.cpu = new GaussianMixtureModel(weights, means, stds, schedule, timeMap);
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.timeMap = Objects.requireNonNull(timeMap, "timeMap");
        this.components = cpu.components();
        this.dimension = cpu.dimension();
        if (components > MAX_COMPONENTS) {
            throw new IllegalArgumentException(components + " components; the CUDA model supports at most "
                + MAX_COMPONENTS);
        }
        this.rawWeights = weights.clone();
        this.rawMeans = deepCopy(means);
        this.rawStds = deepCopy(stds);
        final double[] normalised = cpu.weights();
        this.logWeights = new double[components];
        for (int k = 0; k < components; k++) {
            logWeights[k] = Math.log(normalised[k]);
        }
        this.means = new double[components * dimension];
        this.stds = new double[components * dimension];
        this.stds2 = new double[components * dimension];
        for (int k = 0; k < components; k++) {
            for (int d = 0; d < dimension; d++) {
                final int kd = k * dimension + d;
                this.means[kd] = means[k][d];
                this.stds[kd] = stds[k][d];
                this.stds2[kd] = stds[k][d] * stds[k][d];
            }
        }
        this.logNormalisers = new double[components];
        this.threads = threadsPerBlock(dimension, components);
    }

    private static double[][] deepCopy(double[][] a) {
        final double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** @return a new CPU model of the same parameters */
    GaussianMixtureModel cpuModel() {
        return new GaussianMixtureModel(rawWeights, rawMeans, rawStds, schedule, timeMap);
    }

    /**
     * Fills the per-time constants as {@code GaussianMixtureModel.prepare} does: \(\alpha\),
     * \(\sigma\), their squares, and \( c_k = \log w_k - \tfrac12(D\log 2\pi + \sum_d \log v_{kd})
     * \) with \( v_{kd} = \alpha^2 s_{kd}^2 + \sigma^2 \), summed left to right.
     *
     * @return whether anything changed (a new time)
     */
    boolean prepare(double t) {
        if (t == preparedTime) {
            return false;
        }
        preparedTime = Double.NaN;
        alpha = schedule.alpha(t);
        sigma = schedule.sigma(t);
        alpha2 = alpha * alpha;
        sigma2 = sigma * sigma;
        for (int k = 0; k < components; k++) {
            double logDet = 0;
            for (int d = 0; d < dimension; d++) {
                final int kd = k * dimension + d;
                final double v = alpha2 * (stds[kd] * stds[kd]) + sigma2;
                logDet += Math.log(v);
            }
            logNormalisers[k] = logWeights[k] - 0.5 * (dimension * LOG_TWO_PI + logDet);
        }
        preparedTime = t;
        return true;
    }

    /** @return the tile width: {@code min(D, GMM_TILE)} */
    static int tileWidth(int dimension) {
        return Math.min(dimension, Kernels.GMM_TILE);
    }

    /**
     * @return the most threads (samples) per block, a power of two up to {@code GMM_MAX_THREADS},
     *     whose tile and responsibilities fit in {@link #SHARED_BYTES}
     */
    static int threadsPerBlock(int dimension, int components) {
        final long perThread = (long) (tileWidth(dimension) + 1 + components) * Double.BYTES;
        int threads = Kernels.GMM_MAX_THREADS;
        while (threads > 1 && threads * perThread > SHARED_BYTES) {
            threads /= 2;
        }
        return threads;
    }

    /** @return dynamic shared memory of one block */
    static int sharedBytes(int threads, int dimension, int components) {
        return threads * (tileWidth(dimension) + 1 + components) * Double.BYTES;
    }

    /** @return blocks of a launch over {@code samples} samples, at most {@code maxBlocks} */
    static int grid(long samples, int threads, long maxBlocks) {
        return (int) Math.max(1, Math.min((samples + threads - 1) / threads, maxBlocks));
    }

    /**
     * The constant of the agreement bound, in units of \( u = 2^{-53} \): \( 4K + 16 \). See
     * {@link CudaGaussianMixtureModel} for the derivation.
     */
    public static double boundUnits(int components) {
        return 4.0 * components + 16;
    }

    /**
     * The per-element bound of {@link CudaGaussianMixtureModel#agreementBound}.
     *
     * @param x batch, length a multiple of \(D\)
     * @param t continuous time
     * @param bound receives the bounds, same length
     */
    public void agreementBound(double[] x, double t, double[] bound) {
        if (x.length != bound.length || x.length % dimension != 0) {
            throw new IllegalArgumentException("batch lengths " + x.length + " and " + bound.length
                + " must be equal multiples of the dimension " + dimension);
        }
        prepare(t);
        final double[] point = new double[dimension];
        final double[] gamma = new double[components];
        final double units = boundUnits(components) * 0x1p-53;
        for (int start = 0; start < x.length; start += dimension) {
            System.arraycopy(x, start, point, 0, dimension);
            cpu.responsibilities(point, t, gamma);
            for (int d = 0; d < dimension; d++) {
                double weighted = 0;
                double largest = 0;
                for (int k = 0; k < components; k++) {
                    final int kd = k * dimension + d;
                    final double g = Math.abs((point[d] - alpha * means[kd]) / (alpha2 * stds2[kd] + sigma2));
                    weighted += gamma[k] * g;
                    largest = Math.max(largest, g);
                }
                bound[start + d] = units * sigma * weighted + components * sigma * largest * 0x1p-1071;
            }
        }
    }
}
