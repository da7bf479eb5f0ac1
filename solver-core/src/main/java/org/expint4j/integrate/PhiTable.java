package org.expint4j.integrate;

import java.util.Arrays;
import org.expint4j.phi.Phi;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.ScalarLinearPart;

/**
 * The φ-functions \( \varphi_k(s\,hL) \), \(k \le K\), of one step size \(h\) for a set of
 * argument scales \(s\), in the linear part's representation, and linear combinations of them.
 * Preallocated for a maximum number of scales; {@link #compute}, {@link #phi} and the
 * {@code combine} methods allocate nothing.
 */
final class PhiTable {

    private final LinearPart linearPart;
    private final double[] scales;
    private final double[][][] values;
    private final double[] scratch;
    /** φ_0..φ_maxK of one scalar argument. */
    private final double[] scalarPhi;
    private final int maxK;
    private int count;

    PhiTable(LinearPart linearPart, int maxScales, int maxK) {
        this.linearPart = linearPart;
        this.maxK = maxK;
        this.scales = new double[maxScales];
        // Storage per scale is created on first use: most tableaux use far fewer scales than the bound.
        this.values = new double[maxScales][][];
        this.scratch = new double[linearPart.weightLength()];
        this.scalarPhi = new double[maxK + 1];
    }

    /** Forgets all scales. */
    void clear() {
        count = 0;
    }

    /** Registers a scale (duplicates are ignored). */
    void addScale(double s) {
        for (int i = 0; i < count; i++) {
            if (scales[i] == s) {
                return;
            }
        }
        if (values[count] == null) {
            values[count] = new double[maxK + 1][scratch.length];
        }
        scales[count++] = s;
    }

    /**
     * Computes \( \varphi_k(s h L) \) for every registered scale.
     *
     * @return the number of evaluations of the linear part's φ-functions
     */
    int compute(double h) {
        for (int i = 0; i < count; i++) {
            if (linearPart instanceof ScalarLinearPart scalar) {
                // All orders in one call and without allocating (the sampler's weights change every
                // step); the same bits as ScalarLinearPart.phi, which evaluates each order alone.
                Phi.phi(scales[i] * h * scalar.lambda(), scalarPhi);
                for (int k = 0; k <= maxK; k++) {
                    values[i][k][0] = scalarPhi[k];
                }
            } else {
                linearPart.phi(scales[i] * h, values[i]);
            }
        }
        return count;
    }

    /** @return \( \varphi_k(sZ) \) in the linear part's representation (a live view) */
    double[] phi(int k, double s) {
        return values[indexOf(s)][k];
    }

    /** Clears the scratch accumulator. */
    double[] startCombination() {
        Arrays.fill(scratch, 0.0);
        return scratch;
    }

    /** Adds {@code q * phi_k(s Z)} to the scratch accumulator. */
    void accumulate(double q, int k, double s) {
        double[] phi = values[indexOf(s)][k];
        for (int i = 0; i < scratch.length; i++) {
            scratch[i] += q * phi[i];
        }
    }

    /** @return the scratch accumulator, valid until the next combination */
    double[] combination() {
        return scratch;
    }

    private int indexOf(double s) {
        for (int i = 0; i < count; i++) {
            if (scales[i] == s) {
                return i;
            }
        }
        throw new IllegalStateException("scale " + s + " not in the φ table");
    }
}
