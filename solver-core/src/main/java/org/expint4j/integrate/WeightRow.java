package org.expint4j.integrate;

import org.expint4j.problem.LinearPart;
import org.expint4j.vector.VectorOps;

/**
 * One prepared fused weighted sum \( \mathrm{out} = \sum_{j<k} W_j x_j \) of a step: its weights in
 * the linear part's representation (numbers for a scalar part, backend vectors otherwise) and the
 * references to its input vectors. Built once; {@link #apply} allocates nothing.
 *
 * @param <V> vector type
 */
final class WeightRow<V> {

    private final VectorOps<V> ops;
    private final LinearPart.Kind kind;
    private final double[] scalarWeights;
    private final V[] vectorWeights;
    private final V[] inputs;
    private final int k;
    /** Scalar weights times the factors of {@link #applyScaled}; null for vector weights. */
    private final double[] scaledWeights;
    /** The additive noise term of this step ({@link #setNoise}), or null. */
    private V noise;
    private double noiseWeight;
    private final double[] noiseTerm = new double[2];
    private final V[] noisePair;

    WeightRow(VectorOps<V> ops, LinearPart linearPart, int k) {
        this.ops = ops;
        this.kind = linearPart.kind();
        this.k = k;
        // One slot beyond the k terms for the noise term, fused into the scalar-weight sum.
        this.inputs = ops.newArray(k + 1);
        this.noisePair = ops.newArray(2);
        if (kind == LinearPart.Kind.SCALAR) {
            scalarWeights = new double[k + 1];
            scaledWeights = new double[k + 1];
            vectorWeights = null;
        } else {
            scalarWeights = null;
            scaledWeights = null;
            vectorWeights = ops.newArray(k);
            for (int j = 0; j < k; j++) {
                vectorWeights[j] = ops.allocate(linearPart.weightLength());
            }
        }
    }

    /** @return the number of terms */
    int terms() {
        return k;
    }

    /** Sets the weight of term {@code j} from its values in the linear part's representation. */
    void setWeight(int j, double[] values) {
        if (scalarWeights != null) {
            scalarWeights[j] = values[0];
        } else {
            ops.copyFrom(values, vectorWeights[j]);
        }
    }

    /** Sets the input vector of term {@code j}. */
    void setInput(int j, V x) {
        inputs[j] = x;
    }

    /**
     * Sets the additive term \(w\,\xi\) of the next sums ({@link AdditiveNoise}), or removes it
     * ({@code noise == null}). With scalar weights it is one more term of the fused sum; with
     * vector weights (whose backends have no mixed scalar/vector sum) it is added in a second pass.
     */
    void setNoise(V value, double weight) {
        noise = value;
        noiseWeight = weight;
        if (scalarWeights != null) {
            scalarWeights[k] = weight;
            inputs[k] = value;
        }
    }

    /** The number of terms of the scalar-weight sum: k, plus the noise term if set. */
    private int scalarTerms() {
        return noise == null ? k : k + 1;
    }

    /** Writes the weighted sum into {@code out}. */
    void apply(V out) {
        switch (kind) {
            case SCALAR -> ops.linearCombination(scalarWeights, inputs, scalarTerms(), out);
            case DIAGONAL -> ops.diagonalCombination(vectorWeights, inputs, k, out);
            case COMPLEX_DIAGONAL -> ops.complexDiagonalCombination(vectorWeights, inputs, k, out);
            case DENSE -> ops.denseCombination(vectorWeights, inputs, k, out);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
        if (noise != null && kind != LinearPart.Kind.SCALAR) {
            noiseTerm[0] = 1;
            noiseTerm[1] = noiseWeight;
            noisePair[0] = out;
            noisePair[1] = noise;
            ops.linearCombination(noiseTerm, noisePair, 2, out);
        }
    }

    /**
     * Writes the weighted sum into {@code out} (the same bits as {@link #apply}) and returns
     * \( \max_i |\mathrm{out}_i| \), computed in the same pass where the backend can.
     */
    double applyMaxAbs(V out) {
        return switch (kind) {
            case SCALAR -> ops.linearCombinationMaxAbs(scalarWeights, inputs, scalarTerms(), out);
            case DIAGONAL -> noise == null ? ops.diagonalCombinationMaxAbs(vectorWeights, inputs, k, out)
                    : applyThenMaxAbs(out);
            default -> applyThenMaxAbs(out);
        };
    }

    private double applyThenMaxAbs(V out) {
        apply(out);
        return ops.maxAbs(out);
    }

    /**
     * Writes the sum with its first weight multiplied by {@code first} and the others by
     * {@code others} (scalar weights only): how a step on scaled states is taken without scaling
     * the vectors. The noise term's weight is taken as set (already in the output's scale).
     *
     * @return \( \max_i |\mathrm{out}_i| \) if {@code max}, else 0
     * @throws IllegalStateException for vector weights
     */
    double applyScaled(V out, double first, double others, boolean max) {
        if (scaledWeights == null) {
            throw new IllegalStateException("scaled sums need scalar weights, not " + kind);
        }
        scaledWeights[0] = scalarWeights[0] * first;
        for (int j = 1; j < k; j++) {
            scaledWeights[j] = scalarWeights[j] * others;
        }
        scaledWeights[k] = scalarWeights[k];
        if (max) {
            return ops.linearCombinationMaxAbs(scaledWeights, inputs, scalarTerms(), out);
        }
        ops.linearCombination(scaledWeights, inputs, scalarTerms(), out);
        return 0;
    }
}
