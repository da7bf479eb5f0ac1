package org.expint4j.method;

import org.apache.commons.math3.fraction.Fraction;

/**
 * One term \( q\, \varphi_k(c Z) \) of a tableau entry, with exact rational coefficient \(q\)
 * and node scale \(c\); \(Z = hL\).
 *
 * @param coefficient \(q\)
 * @param k the φ index, {@code >= 0}
 * @param node \(c\), the scale of the argument, {@code >= 0}
 */
public record PhiTerm(Fraction coefficient, int k, Fraction node) {

    /**
     * @param coefficient \(q\), not null
     * @param k the φ index, {@code >= 0}
     * @param node \(c \ge 0\), not null
     */
    public PhiTerm {
        if (coefficient == null || node == null) {
            throw new IllegalArgumentException("coefficient and node must not be null");
        }
        if (k < 0) {
            throw new IllegalArgumentException("φ index must be >= 0, got " + k);
        }
        if (node.compareTo(Fraction.ZERO) < 0) {
            throw new IllegalArgumentException("node must be >= 0, got " + node);
        }
    }
}
