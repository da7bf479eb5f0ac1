package org.expint4j.cuda;

import java.util.LinkedHashMap;
import java.util.Map;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;

/**
 * The kernel entry points of {@code expint4j_kernels.cu} and their argument layouts.
 *
 * <p>Every kernel takes one by-value struct of 8-byte fields (device pointers, {@code long long},
 * {@code double}); the host writes the fields in order into a {@code long[]} (doubles as their raw
 * bits). {@link #argumentWords()} lists, for every entry point, the number of fields: a test
 * compares it with the parameter size the PTX declares, so a layout mismatch is caught without a
 * GPU.
 */
final class Kernels {

    /** Terms fused in one launch of the element-wise combinations. */
    static final int MAX_TERMS = 8;
    /** Threads per block of the element-wise kernels. */
    static final int THREADS = 256;
    /** Threads per block of max-abs; the kernels' REDUCE_THREADS. */
    static final int REDUCE_THREADS = 256;
    /** Threads per block of the RMS kernel: reduction units per block (RMS_ROWS). */
    static final int RMS_ROWS = 128;
    /** Elements per reduction unit (RMS_BLOCK), the CPU backend's reduction block. */
    static final int RMS_BLOCK = 1024;
    /** Fields of the RMS kernels' argument struct (RmsArgs). */
    static final int RMS_WORDS = 12;
    /** Fields before the terms of an element-wise kernel: out, n, acc. */
    static final int HEADER = 3;
    /** Columns of the Gaussian-mixture kernel's shared-memory tile (GMM_TILE). */
    static final int GMM_TILE = 32;
    /** Most threads (samples) per block of the Gaussian-mixture kernel (GMM_MAX_THREADS). */
    static final int GMM_MAX_THREADS = 128;
    /** Fields of the Gaussian-mixture kernel's argument struct (GmmArgs). */
    static final int GMM_WORDS = 12;

    /** [precision][k - 1] */
    final CUfunction[][] linear = new CUfunction[2][MAX_TERMS];
    final CUfunction[][] diagonal = new CUfunction[2][MAX_TERMS];
    final CUfunction[][] complex = new CUfunction[2][MAX_TERMS];
    /** [precision] */
    final CUfunction[] dense = new CUfunction[2];
    final CUfunction[] fill = new CUfunction[2];
    final CUfunction[] maxAbs = new CUfunction[2];
    final CUfunction[] rms = new CUfunction[2];
    final CUfunction[] gmm = new CUfunction[2];
    final CUfunction maxAbsFinal;
    final CUfunction rmsFinal;

    /** Looks every entry point up in a loaded module; the caller's context must be current. */
    Kernels(CUmodule module) {
        for (Precision p : Precision.values()) {
            final int i = p.ordinal();
            final String s = p.kernelSuffix();
            for (int k = 1; k <= MAX_TERMS; k++) {
                linear[i][k - 1] = function(module, "linear" + k + "_" + s);
                diagonal[i][k - 1] = function(module, "diagonal" + k + "_" + s);
                complex[i][k - 1] = function(module, "complex" + k + "_" + s);
            }
            dense[i] = function(module, "dense_" + s);
            fill[i] = function(module, "fill_" + s);
            maxAbs[i] = function(module, "max_abs_" + s);
            rms[i] = function(module, "rms_" + s);
            gmm[i] = function(module, "gmm_noise_" + s);
        }
        maxAbsFinal = function(module, "max_abs_final");
        rmsFinal = function(module, "rms_final");
    }

    private static CUfunction function(CUmodule module, String name) {
        final CUfunction f = new CUfunction();
        Cu.check(JCudaDriver.cuModuleGetFunction(f, module, name), "cuModuleGetFunction(" + name + ")");
        return f;
    }

    /** @return every entry point with the number of 8-byte fields of its argument struct */
    static Map<String, Integer> argumentWords() {
        final Map<String, Integer> m = new LinkedHashMap<>();
        for (Precision p : Precision.values()) {
            final String s = p.kernelSuffix();
            for (int k = 1; k <= MAX_TERMS; k++) {
                m.put("linear" + k + "_" + s, HEADER + 2 * k);     // x[k], a[k]
                m.put("diagonal" + k + "_" + s, HEADER + 2 * k);   // w[k], x[k]
                m.put("complex" + k + "_" + s, HEADER + 2 * k);    // w[k], x[k]
            }
            m.put("dense_" + s, HEADER + 2);                        // w, x
            m.put("fill_" + s, 3);                                  // out, n, value
            m.put("max_abs_" + s, 3);                               // partials, x, n
            m.put("rms_" + s, RMS_WORDS);  // partials, x, y, atol_vector, sample_length,
                                           // blocks_per_sample, units, atol, rtol, min_atol,
                                           // reference, scale
            m.put("gmm_noise_" + s, GMM_WORDS);  // out, x, means, stds2, log_norm, samples,
                                                 // dimension, components, alpha, sigma, alpha2, sigma2
        }
        m.put("max_abs_final", 3);                                  // result, partials, count
        m.put("rms_final", 5);  // out, partials, samples, blocks_per_sample, sample_length
        return m;
    }
}
