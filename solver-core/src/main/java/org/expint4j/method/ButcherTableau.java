package org.expint4j.method;

import org.apache.commons.math3.fraction.Fraction;

/**
 * An explicit classical Runge–Kutta tableau with exact rational entries,
 * \[ U_i = u_n + h \sum_{j \lt i} a_{ij} f(t_n + c_j h, U_j), \qquad
 *    u_{n+1} = u_n + h \sum_i b_i f(t_n + c_i h, U_i). \]
 * It serves twice: as the input of a {@link LawsonMethod}, and as the classical limit
 * \(Z \to 0\) of an exponential Runge–Kutta tableau
 * ({@link ExponentialRungeKuttaTableau#classicalLimit()}), whose classical order conditions
 * {@link #order()} checks exactly.
 *
 * <p>Immutable; getters return copies.
 */
public final class ButcherTableau {

    private final Fraction[] c;
    private final Fraction[][] a;
    private final Fraction[] b;

    /**
     * @param c the nodes, {@code c[0] = 0}
     * @param a the strictly lower triangle: {@code a[i]} has {@code i} entries
     * @param b the weights, one per stage
     * @throws IllegalArgumentException for inconsistent shapes, null entries, or
     *     \(c_1 \ne 0\)
     */
    public ButcherTableau(Fraction[] c, Fraction[][] a, Fraction[] b) {
        int s = c.length;
        if (s < 1) {
            throw new IllegalArgumentException("a tableau needs at least one stage");
        }
        if (a.length != s || b.length != s) {
            throw new IllegalArgumentException("tableau shape mismatch: " + s + " nodes, " + a.length
                    + " rows of a, " + b.length + " weights b");
        }
        if (!Fraction.ZERO.equals(c[0])) {
            throw new IllegalArgumentException("the first node of an explicit method must be 0, got " + PhiCombination.format(c[0]));
        }
        this.c = c.clone();
        this.a = new Fraction[s][];
        for (int i = 0; i < s; i++) {
            if (a[i].length != i) {
                throw new IllegalArgumentException("row a[" + i + "] has " + a[i].length
                        + " entries, expected " + i);
            }
            this.a[i] = a[i].clone();
            requireNonNull(this.a[i], "a[" + i + "]");
        }
        this.b = b.clone();
        requireNonNull(this.c, "c");
        requireNonNull(this.b, "b");
    }

    private static void requireNonNull(Fraction[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException(what + " entry " + i + " is null");
            }
        }
    }

    /**
     * The explicit Euler method: \(c = (0)\), \(b = (1)\).
     *
     * @return its tableau
     */
    public static ButcherTableau euler() {
        return new ButcherTableau(new Fraction[] {Fraction.ZERO}, new Fraction[][] {{}},
                new Fraction[] {Fraction.ONE});
    }

    /**
     * The classical fourth-order Runge–Kutta method.
     * <pre>
     *   0   |
     *   1/2 | 1/2
     *   1/2 | 0    1/2
     *   1   | 0    0    1
     *  -----+--------------------
     *       | 1/6  1/3  1/3  1/6
     * </pre>
     *
     * @return its tableau
     */
    public static ButcherTableau rk4() {
        Fraction z = Fraction.ZERO;
        Fraction h = Fraction.ONE_HALF;
        return new ButcherTableau(new Fraction[] {z, h, h, Fraction.ONE},
                new Fraction[][] {{}, {h}, {z, h}, {z, z, Fraction.ONE}},
                new Fraction[] {new Fraction(1, 6), Fraction.ONE_THIRD, Fraction.ONE_THIRD, new Fraction(1, 6)});
    }

    /** @return the number of stages */
    public int stages() {
        return c.length;
    }

    /**
     * @param i stage index
     * @return \(c_i\)
     */
    public Fraction c(int i) {
        return c[i];
    }

    /**
     * @param i stage index
     * @param j stage index, {@code j < i}
     * @return \(a_{ij}\)
     */
    public Fraction a(int i, int j) {
        return a[i][j];
    }

    /**
     * @param i stage index
     * @return \(b_i\)
     */
    public Fraction b(int i) {
        return b[i];
    }

    /** @return a copy of the nodes */
    public Fraction[] c() {
        return c.clone();
    }

    /** @return a copy of the weights */
    public Fraction[] b() {
        return b.clone();
    }

    /**
     * The classical order, checked exactly up to 4 with the eight conditions (trees) of order
     * \(\le 4\), together with the row-sum condition \( \sum_j a_{ij} = c_i \) for order
     * \(\ge 2\) (without it the nodes seen by \(t\) and by \(u\) differ):
     * \[ \textstyle \sum b_i = 1;\quad \sum b_i c_i = \frac12;\quad
     *    \sum b_i c_i^2 = \frac13,\ \sum b_i a_{ij} c_j = \frac16;\quad
     *    \sum b_i c_i^3 = \frac14,\ \sum b_i c_i a_{ij} c_j = \frac18,\
     *    \sum b_i a_{ij} c_j^2 = \frac1{12},\ \sum b_i a_{ij} a_{jk} c_k = \frac1{24}. \]
     *
     * @return the largest \(p \le 4\) for which all conditions of order \(\le p\) hold, 0 if
     *     not even \( \sum b_i = 1 \)
     */
    public int order() {
        int s = c.length;
        if (!sum(b).equals(Fraction.ONE)) {
            return 0;
        }
        for (int i = 0; i < s; i++) {
            if (!sum(a[i]).equals(c[i])) {
                return 1;
            }
        }
        Fraction[] ac = new Fraction[s];   // (A c)_i
        Fraction[] ac2 = new Fraction[s];  // (A c²)_i
        for (int i = 0; i < s; i++) {
            ac[i] = Fraction.ZERO;
            ac2[i] = Fraction.ZERO;
            for (int j = 0; j < i; j++) {
                ac[i] = ac[i].add(a[i][j].multiply(c[j]));
                ac2[i] = ac2[i].add(a[i][j].multiply(c[j]).multiply(c[j]));
            }
        }
        Fraction[] aac = new Fraction[s];  // (A A c)_i
        for (int i = 0; i < s; i++) {
            aac[i] = Fraction.ZERO;
            for (int j = 0; j < i; j++) {
                aac[i] = aac[i].add(a[i][j].multiply(ac[j]));
            }
        }
        Fraction[] c2 = new Fraction[s];
        Fraction[] c3 = new Fraction[s];
        Fraction[] cac = new Fraction[s];
        for (int i = 0; i < s; i++) {
            c2[i] = c[i].multiply(c[i]);
            c3[i] = c2[i].multiply(c[i]);
            cac[i] = c[i].multiply(ac[i]);
        }
        if (!dot(b, c).equals(Fraction.ONE_HALF)) {
            return 1;
        }
        if (!dot(b, c2).equals(Fraction.ONE_THIRD) || !dot(b, ac).equals(new Fraction(1, 6))) {
            return 2;
        }
        if (!dot(b, c3).equals(Fraction.ONE_QUARTER) || !dot(b, cac).equals(new Fraction(1, 8))
                || !dot(b, ac2).equals(new Fraction(1, 12)) || !dot(b, aac).equals(new Fraction(1, 24))) {
            return 3;
        }
        return 4;
    }

    private static Fraction sum(Fraction[] x) {
        Fraction s = Fraction.ZERO;
        for (Fraction f : x) {
            s = s.add(f);
        }
        return s;
    }

    private static Fraction dot(Fraction[] x, Fraction[] y) {
        Fraction s = Fraction.ZERO;
        for (int i = 0; i < x.length; i++) {
            s = s.add(x[i].multiply(y[i]));
        }
        return s;
    }

    /** @return the tableau drawn row by row */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            sb.append(PhiCombination.format(c[i])).append(" |");
            for (int j = 0; j < i; j++) {
                sb.append(' ').append(PhiCombination.format(a[i][j]));
            }
            sb.append('\n');
        }
        sb.append("b =");
        for (Fraction w : b) {
            sb.append(' ').append(PhiCombination.format(w));
        }
        return sb.toString();
    }
}
