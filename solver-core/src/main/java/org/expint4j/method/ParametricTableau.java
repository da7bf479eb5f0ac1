package org.expint4j.method;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.Fraction;

/**
 * An exponential Runge–Kutta tableau whose nodes and entries depend on two parameters
 * \(r_1, r_2\): nodes \(c_i(r)\) and entries
 * \( \sum_m q_m(r)\, \varphi_{k_m}(s_m(r) Z) \), where \(q_m\), \(s_m\) and \(c_i\) are
 * rational functions of \(r = (r_1, r_2)\) written as small {@link Expression} trees. One
 * definition serves two uses:
 * <ul>
 * <li>{@link #at(Fraction, Fraction)}: the exact {@link ExponentialRungeKuttaTableau} at
 *     rational parameters, for {@link OrderConditions}, the classical limit and every catalogue
 *     property;</li>
 * <li>{@link #fill(NumericTableau, double, double)}: the floating-point tableau at real
 *     parameters, written in place without allocating (DPM-Solver picks \(r_1, r_2\) from the
 *     time grid at every step). Terms are written in the order of the definition and never
 *     merged, and each coefficient is computed by exactly the arithmetic its expression
 *     spells, so a definition fixes the executed weights to the last bit.</li>
 * </ul>
 * Entries are built in the {@link PhiCombination} vocabulary, e.g.
 * {@code phi(1, R1).times(R1)} for \( r_1\varphi_1(r_1 Z) \). Immutable and thread-safe.
 */
public final class ParametricTableau {

    private final Expression[] c;
    private final Entry[][] a;
    private final Entry[] b;
    private final Entry[] bHat;

    /**
     * @param c the nodes, {@code c[0]} the constant 0
     * @param a the strictly lower triangle, {@code a[i]} with {@code i} entries
     * @param b the output weights, one per stage
     * @param bHat the embedded weights, one per stage, or {@code null} for none
     * @throws IllegalArgumentException for inconsistent shapes or a first node other than 0
     */
    public ParametricTableau(Expression[] c, Entry[][] a, Entry[] b, Entry[] bHat) {
        int s = c.length;
        if (s < 1 || a.length != s || b.length != s || (bHat != null && bHat.length != s)) {
            throw new IllegalArgumentException("tableau shape mismatch: " + s + " nodes, " + a.length + " rows of a, "
                    + b.length + " weights b" + (bHat == null ? "" : ", " + bHat.length + " weights bHat"));
        }
        if (c[0].op != Expression.Op.CONSTANT || !c[0].constant.equals(Fraction.ZERO)) {
            throw new IllegalArgumentException("the first node must be the constant 0, got " + c[0]);
        }
        for (int i = 0; i < s; i++) {
            if (a[i].length != i) {
                throw new IllegalArgumentException("row a[" + i + "] has " + a[i].length + " entries, expected " + i);
            }
        }
        this.c = c.clone();
        this.a = new Entry[s][];
        for (int i = 0; i < s; i++) {
            this.a[i] = a[i].clone();
        }
        this.b = b.clone();
        this.bHat = bHat == null ? null : bHat.clone();
    }

    /** @return the number of stages */
    public int stages() {
        return c.length;
    }

    /** @return whether embedded weights exist */
    public boolean hasEmbedded() {
        return bHat != null;
    }

    /**
     * The exact tableau at rational parameters (like terms merged as {@link PhiCombination}
     * does).
     *
     * @param r1 \(r_1\) (may be {@code null} if no expression uses it)
     * @param r2 \(r_2\) (may be {@code null} if no expression uses it)
     * @return the tableau
     * @throws IllegalArgumentException if a node leaves \([0, 1]\), a scale is negative or a
     *     needed parameter is {@code null}
     * @throws org.apache.commons.math3.exception.MathArithmeticException on division by zero
     */
    public ExponentialRungeKuttaTableau at(Fraction r1, Fraction r2) {
        int s = c.length;
        Fraction[] nodes = new Fraction[s];
        PhiCombination[][] rows = new PhiCombination[s][];
        PhiCombination[] weights = new PhiCombination[s];
        PhiCombination[] embedded = bHat == null ? null : new PhiCombination[s];
        for (int i = 0; i < s; i++) {
            nodes[i] = c[i].value(r1, r2);
            rows[i] = new PhiCombination[i];
            for (int j = 0; j < i; j++) {
                rows[i][j] = a[i][j].at(r1, r2);
            }
            weights[i] = b[i].at(r1, r2);
            if (embedded != null) {
                embedded[i] = bHat[i].at(r1, r2);
            }
        }
        return new ExponentialRungeKuttaTableau(nodes, rows, weights, embedded);
    }

    /**
     * Writes the nodes, the stage rows \(a_{ij}\) and the output weights \(b_j\) at real
     * parameters into {@code target}, replacing what was there; the embedded row is left alone
     * ({@link #fillEmbedded}). Allocates nothing.
     *
     * @param target a tableau with as many stages and room for every entry's terms and φ indices
     * @param r1 \(r_1\) (ignored if unused, may be NaN then)
     * @param r2 \(r_2\) (ignored if unused, may be NaN then)
     * @throws IllegalArgumentException if {@code target} has another number of stages, too
     *     little room, or a value is not finite
     */
    public void fill(NumericTableau target, double r1, double r2) {
        checkStages(target);
        for (int i = 0; i < c.length; i++) {
            target.setNode(i, c[i].value(r1, r2));
            for (int j = 0; j < i; j++) {
                a[i][j].fill(target, i, j, r1, r2);
            }
        }
        for (int j = 0; j < c.length; j++) {
            b[j].fill(target, target.outputRow(), j, r1, r2);
        }
    }

    /**
     * Writes the embedded weights \(\hat b_j\) at real parameters into the embedded row of
     * {@code target}. Allocates nothing.
     *
     * @param target a tableau with embedded weights and as many stages
     * @param r1 \(r_1\)
     * @param r2 \(r_2\)
     * @throws IllegalStateException if this tableau has no embedded weights
     * @throws IllegalArgumentException as {@link #fill}, or if {@code target} has no embedded row
     */
    public void fillEmbedded(NumericTableau target, double r1, double r2) {
        if (bHat == null) {
            throw new IllegalStateException("this tableau has no embedded weights");
        }
        checkStages(target);
        for (int j = 0; j < c.length; j++) {
            bHat[j].fill(target, target.embeddedRow(), j, r1, r2);
        }
    }

    private void checkStages(NumericTableau target) {
        if (target.stages() != c.length) {
            throw new IllegalArgumentException("a " + c.length + "-stage tableau cannot fill a " + target.stages()
                    + "-stage one");
        }
    }

    /** @return the definition row by row, e.g. {@code a21 = (r1) φ1((r1) Z)} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            sb.append('c').append(i + 1).append(" = ").append(c[i]);
            for (int j = 0; j < i; j++) {
                sb.append(";  a").append(i + 1).append(j + 1).append(" = ").append(a[i][j]);
            }
            sb.append('\n');
        }
        for (int i = 0; i < b.length; i++) {
            sb.append('b').append(i + 1).append(" = ").append(b[i]).append('\n');
        }
        for (int i = 0; bHat != null && i < bHat.length; i++) {
            sb.append("bHat").append(i + 1).append(" = ").append(bHat[i]).append('\n');
        }
        return sb.toString();
    }

    /**
     * A rational function of \(r_1, r_2\) as an expression tree: constants, the two symbols and
     * \(+, -, \times, /\), negation. {@link #value(double, double)} performs exactly the
     * operations of the tree, in its order, without allocating; {@link #value(Fraction,
     * Fraction)} is exact. Immutable.
     */
    public static final class Expression {

        /** The constant 0. */
        public static final Expression ZERO = constant(Fraction.ZERO);
        /** The constant 1. */
        public static final Expression ONE = constant(Fraction.ONE);
        /** The symbol \(r_1\). */
        public static final Expression R1 = new Expression(Op.R1, null, null, null);
        /** The symbol \(r_2\). */
        public static final Expression R2 = new Expression(Op.R2, null, null, null);

        private enum Op { CONSTANT, R1, R2, PLUS, MINUS, TIMES, DIVIDE, NEGATE }

        private final Op op;
        private final Expression left;
        private final Expression right;
        private final Fraction constant;
        private final double constantValue;

        private Expression(Op op, Expression left, Expression right, Fraction constant) {
            this.op = op;
            this.left = left;
            this.right = right;
            this.constant = constant;
            this.constantValue = constant == null ? Double.NaN : constant.doubleValue();
        }

        /**
         * @param value the constant
         * @return the constant function
         */
        public static Expression constant(Fraction value) {
            return new Expression(Op.CONSTANT, null, null, value);
        }

        /**
         * @param value the constant
         * @return the constant function
         */
        public static Expression constant(int value) {
            return constant(new Fraction(value));
        }

        /**
         * @param other the other operand
         * @return {@code this + other}
         */
        public Expression plus(Expression other) {
            return new Expression(Op.PLUS, this, other, null);
        }

        /**
         * @param other the other operand
         * @return {@code this - other}
         */
        public Expression minus(Expression other) {
            return new Expression(Op.MINUS, this, other, null);
        }

        /**
         * @param other the other operand
         * @return {@code this * other}
         */
        public Expression times(Expression other) {
            return new Expression(Op.TIMES, this, other, null);
        }

        /**
         * @param factor an integer factor
         * @return {@code this * factor}
         */
        public Expression times(int factor) {
            return times(constant(factor));
        }

        /**
         * @param other the divisor
         * @return {@code this / other}
         */
        public Expression divide(Expression other) {
            return new Expression(Op.DIVIDE, this, other, null);
        }

        /** @return {@code -this} */
        public Expression negate() {
            return op == Op.NEGATE ? left : new Expression(Op.NEGATE, this, null, null);
        }

        /**
         * @param r1 \(r_1\)
         * @param r2 \(r_2\)
         * @return the value in floating point, by the operations of the tree
         */
        public double value(double r1, double r2) {
            return switch (op) {
                case CONSTANT -> constantValue;
                case R1 -> r1;
                case R2 -> r2;
                case PLUS -> left.value(r1, r2) + right.value(r1, r2);
                case MINUS -> left.value(r1, r2) - right.value(r1, r2);
                case TIMES -> left.value(r1, r2) * right.value(r1, r2);
                case DIVIDE -> left.value(r1, r2) / right.value(r1, r2);
                case NEGATE -> -left.value(r1, r2);
            };
        }

        /**
         * @param r1 \(r_1\)
         * @param r2 \(r_2\)
         * @return the exact value
         * @throws IllegalArgumentException if a symbol the expression uses is {@code null}
         */
        public Fraction value(Fraction r1, Fraction r2) {
            return switch (op) {
                case CONSTANT -> constant;
                case R1 -> symbol("r1", r1);
                case R2 -> symbol("r2", r2);
                case PLUS -> left.value(r1, r2).add(right.value(r1, r2));
                case MINUS -> left.value(r1, r2).subtract(right.value(r1, r2));
                case TIMES -> left.value(r1, r2).multiply(right.value(r1, r2));
                case DIVIDE -> left.value(r1, r2).divide(right.value(r1, r2));
                case NEGATE -> left.value(r1, r2).negate();
            };
        }

        private static Fraction symbol(String name, Fraction value) {
            if (value == null) {
                throw new IllegalArgumentException(name + " is used by the tableau but was not given");
            }
            return value;
        }

        private boolean isOne() {
            return op == Op.CONSTANT && constant.equals(Fraction.ONE);
        }

        /** @return infix form, every compound operand bracketed, e.g. {@code r2 / (r1 * (r2 - r1))} */
        @Override
        public String toString() {
            return switch (op) {
                case CONSTANT -> PhiCombination.format(constant);
                case R1 -> "r1";
                case R2 -> "r2";
                case PLUS -> operand(left) + " + " + operand(right);
                case MINUS -> operand(left) + " - " + operand(right);
                case TIMES -> operand(left) + " * " + operand(right);
                case DIVIDE -> operand(left) + " / " + operand(right);
                case NEGATE -> "-" + operand(left);
            };
        }

        /** Brackets instead of precedence rules: unambiguous, and these strings only label tests. */
        private static String operand(Expression e) {
            return e.left == null ? e.toString() : "(" + e + ")";
        }
    }

    /**
     * A tableau entry \( \sum_m q_m(r)\, \varphi_{k_m}(s_m(r) Z) \): an ordered list of terms,
     * never merged or reordered (so that the floating-point fill is fixed by the definition).
     * Immutable.
     */
    public static final class Entry {

        /** The zero entry. */
        public static final Entry ZERO = new Entry(new Expression[0], new int[0], new Expression[0]);

        private final Expression[] q;
        private final int[] k;
        private final Expression[] s;

        private Entry(Expression[] q, int[] k, Expression[] s) {
            this.q = q;
            this.k = k;
            this.s = s;
        }

        /**
         * @param k the φ index, {@code >= 0}
         * @return \( \varphi_k(Z) \)
         */
        public static Entry phi(int k) {
            return phi(k, Expression.ONE);
        }

        /**
         * @param k the φ index, {@code >= 0}
         * @param scale \(s(r)\)
         * @return \( \varphi_k(s(r) Z) \)
         */
        public static Entry phi(int k, Expression scale) {
            if (k < 0) {
                throw new IllegalArgumentException("φ index must be >= 0, got " + k);
            }
            return new Entry(new Expression[] {Expression.ONE}, new int[] {k}, new Expression[] {scale});
        }

        /**
         * @param factor \(f(r)\)
         * @return every coefficient multiplied by {@code factor} (a coefficient 1 is replaced by
         *     it: the same value to the bit)
         */
        public Entry times(Expression factor) {
            Expression[] scaled = new Expression[q.length];
            for (int m = 0; m < q.length; m++) {
                scaled[m] = q[m].isOne() ? factor : q[m].times(factor);
            }
            return new Entry(scaled, k, s);
        }

        /**
         * @param other another entry
         * @return the terms of {@code this}, then those of {@code other}
         */
        public Entry plus(Entry other) {
            int n = k.length;
            Expression[] q2 = java.util.Arrays.copyOf(q, n + other.k.length);
            int[] k2 = java.util.Arrays.copyOf(k, n + other.k.length);
            Expression[] s2 = java.util.Arrays.copyOf(s, n + other.k.length);
            for (int m = 0; m < other.k.length; m++) {
                q2[n + m] = other.q[m];
                k2[n + m] = other.k[m];
                s2[n + m] = other.s[m];
            }
            return new Entry(q2, k2, s2);
        }

        /**
         * @param other another entry
         * @return the terms of {@code this}, then those of {@code other} negated (negation is
         *     exact in floating point)
         */
        public Entry minus(Entry other) {
            Expression[] negated = new Expression[other.q.length];
            for (int m = 0; m < negated.length; m++) {
                negated[m] = other.q[m].negate();
            }
            return plus(new Entry(negated, other.k, other.s));
        }

        PhiCombination at(Fraction r1, Fraction r2) {
            List<PhiTerm> terms = new ArrayList<>(k.length);
            for (int m = 0; m < k.length; m++) {
                terms.add(new PhiTerm(q[m].value(r1, r2), k[m], s[m].value(r1, r2)));
            }
            return PhiCombination.of(terms);
        }

        void fill(NumericTableau target, int row, int column, double r1, double r2) {
            target.clear(row, column);
            for (int m = 0; m < k.length; m++) {
                target.addTerm(row, column, q[m].value(r1, r2), k[m], s[m].value(r1, r2));
            }
        }

        /** @return e.g. {@code φ1(Z) - (1 / r2) φ2(Z)}, every term with its expressions */
        @Override
        public String toString() {
            if (k.length == 0) {
                return "0";
            }
            StringBuilder sb = new StringBuilder();
            for (int m = 0; m < k.length; m++) {
                boolean negative = q[m].op == Expression.Op.NEGATE;
                Expression magnitude = negative ? q[m].left : q[m];
                sb.append(m == 0 ? (negative ? "-" : "") : negative ? " - " : " + ");
                if (!magnitude.isOne()) {
                    sb.append('(').append(magnitude).append(") ");
                }
                sb.append('φ').append(k[m]).append('(')
                        .append(s[m].isOne() ? "Z" : "(" + s[m] + ") Z").append(')');
            }
            return sb.toString();
        }
    }
}
