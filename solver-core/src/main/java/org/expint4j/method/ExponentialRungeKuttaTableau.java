package org.expint4j.method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.Fraction;

/**
 * The tableau of an explicit exponential Runge–Kutta method for \(u' = Lu + N(t,u)\), with
 * \(Z = hL\) and \(N_j = N(t_n + c_j h, U_j)\):
 * \[ U_i = e^{c_i Z} u_n + h \sum_{j \lt i} a_{ij}(Z) N_j, \qquad
 *    u_{n+1} = e^{Z} u_n + h \sum_i b_i(Z) N_i . \]
 * Every entry \(a_{ij}\), \(b_i\) (and the optional embedded weights \(\hat b_i\), giving
 * \( \hat u_{n+1} = e^Z u_n + h\sum_i \hat b_i(Z) N_i \)) is a {@link PhiCombination}.
 * Immutable; getters return copies.
 */
public final class ExponentialRungeKuttaTableau {

    private final Fraction[] c;
    private final PhiCombination[][] a;
    private final PhiCombination[] b;
    private final PhiCombination[] bHat;

    /**
     * @param c the nodes, {@code c[0] = 0}, each in \([0, 1]\)
     * @param a the strictly lower triangle: {@code a[i]} has {@code i} entries ({@code a[0]} is
     *     empty)
     * @param b the output weights, one per stage
     * @param bHat embedded output weights, one per stage, or {@code null} for none
     * @throws IllegalArgumentException for inconsistent shapes, null entries or nodes outside
     *     \([0,1]\)
     */
    public ExponentialRungeKuttaTableau(Fraction[] c, PhiCombination[][] a, PhiCombination[] b,
                                        PhiCombination[] bHat) {
        int s = c.length;
        if (s < 1) {
            throw new IllegalArgumentException("a tableau needs at least one stage");
        }
        for (int i = 0; i < s; i++) {
            if (c[i] == null) {
                throw new IllegalArgumentException("node c[" + i + "] is null");
            }
        }
        if (!c[0].equals(Fraction.ZERO)) {
            throw new IllegalArgumentException("the first node must be 0, got " + PhiCombination.format(c[0]));
        }
        for (int i = 0; i < s; i++) {
            if (c[i].compareTo(Fraction.ZERO) < 0 || c[i].compareTo(Fraction.ONE) > 0) {
                throw new IllegalArgumentException("node c[" + i + "] = " + PhiCombination.format(c[i])
                        + " is outside [0, 1]");
            }
        }
        if (a.length != s || b.length != s || (bHat != null && bHat.length != s)) {
            throw new IllegalArgumentException("tableau shape mismatch: " + s + " nodes, " + a.length
                    + " rows of a, " + b.length + " weights b"
                    + (bHat == null ? "" : ", " + bHat.length + " weights bHat"));
        }
        this.c = c.clone();
        this.a = new PhiCombination[s][];
        for (int i = 0; i < s; i++) {
            if (a[i].length != i) {
                throw new IllegalArgumentException("row a[" + i + "] has " + a[i].length
                        + " entries, expected " + i);
            }
            this.a[i] = a[i].clone();
        }
        this.b = b.clone();
        this.bHat = bHat == null ? null : bHat.clone();
        List<PhiCombination> all = new ArrayList<>();
        for (PhiCombination[] row : this.a) {
            all.addAll(Arrays.asList(row));
        }
        all.addAll(Arrays.asList(this.b));
        if (this.bHat != null) {
            all.addAll(Arrays.asList(this.bHat));
        }
        if (all.contains(null)) {
            throw new IllegalArgumentException("tableau entries must not be null (use PhiCombination.ZERO)");
        }
    }

    /** @return the number of stages \(s\) */
    public int stages() {
        return c.length;
    }

    /** @return a copy of the nodes */
    public Fraction[] c() {
        return c.clone();
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
    public PhiCombination a(int i, int j) {
        return a[i][j];
    }

    /**
     * @param i stage index
     * @return \(b_i\)
     */
    public PhiCombination b(int i) {
        return b[i];
    }

    /** @return whether embedded weights exist */
    public boolean hasEmbedded() {
        return bHat != null;
    }

    /**
     * @param i stage index
     * @return \(\hat b_i\)
     * @throws IllegalStateException if the tableau has no embedded weights
     */
    public PhiCombination bHat(int i) {
        if (bHat == null) {
            throw new IllegalStateException("this tableau has no embedded weights");
        }
        return bHat[i];
    }

    /**
     * The classical limit \(Z \to 0\): every entry replaced by its exact value at \(Z = 0\)
     * ({@link PhiCombination#valueAtZero()}). A method of classical order \(p\) reduces to a
     * classical Runge–Kutta method of order at least \(\min(p, 4)\) checked by
     * {@link ButcherTableau#order()}.
     *
     * @return the classical Runge–Kutta tableau \((c, a(0), b(0))\)
     */
    public ButcherTableau classicalLimit() {
        return limit(b);
    }

    /**
     * @return the classical limit \((c, a(0), \hat b(0))\) of the embedded method
     * @throws IllegalStateException if the tableau has no embedded weights
     */
    public ButcherTableau embeddedClassicalLimit() {
        if (bHat == null) {
            throw new IllegalStateException("this tableau has no embedded weights");
        }
        return limit(bHat);
    }

    private ButcherTableau limit(PhiCombination[] weights) {
        int s = c.length;
        Fraction[][] a0 = new Fraction[s][];
        Fraction[] b0 = new Fraction[s];
        for (int i = 0; i < s; i++) {
            a0[i] = new Fraction[i];
            for (int j = 0; j < i; j++) {
                a0[i][j] = a[i][j].valueAtZero();
            }
            b0[i] = weights[i].valueAtZero();
        }
        return new ButcherTableau(c, a0, b0);
    }

    /**
     * @return a copy of the output weights \(b\)
     */
    public PhiCombination[] b() {
        return b.clone();
    }

    /**
     * @return a copy of the embedded weights \(\hat b\)
     * @throws IllegalStateException if the tableau has no embedded weights
     */
    public PhiCombination[] bHat() {
        if (bHat == null) {
            throw new IllegalStateException("this tableau has no embedded weights");
        }
        return bHat.clone();
    }

    /**
     * The same stages with other output weights, e.g. to test a published variant of \(b\).
     *
     * @param weights the new \(b\), one per stage
     * @return a tableau with nodes and \(a\) of this one, weights {@code weights} and no
     *     embedded weights
     */
    public ExponentialRungeKuttaTableau withWeights(PhiCombination[] weights) {
        return new ExponentialRungeKuttaTableau(c, a, weights, null);
    }

    /** @return the largest φ index in any entry (at least 0) */
    public int maxK() {
        int max = 0;
        for (PhiCombination e : entries()) {
            max = Math.max(max, e.maxK());
        }
        return max;
    }

    /** @return every entry: all \(a_{ij}\), then all \(b_i\), then all \(\hat b_i\) */
    public List<PhiCombination> entries() {
        List<PhiCombination> all = new ArrayList<>();
        for (PhiCombination[] row : a) {
            all.addAll(List.of(row));
        }
        all.addAll(List.of(b));
        if (bHat != null) {
            all.addAll(List.of(bHat));
        }
        return all;
    }

    /**
     * The distinct argument scales the step needs: every \(c_i\) (for \(e^{c_i Z}\)), 1 (for
     * \(e^Z\)) and every node used inside an entry, in increasing order.
     *
     * @return the distinct scales
     */
    public List<Fraction> scales() {
        List<Fraction> scales = new ArrayList<>();
        scales.add(Fraction.ONE);
        for (Fraction ci : c) {
            addDistinct(scales, ci);
        }
        for (PhiCombination e : entries()) {
            for (PhiTerm t : e.terms()) {
                addDistinct(scales, t.node());
            }
        }
        scales.sort(Fraction::compareTo);
        return scales;
    }

    private static void addDistinct(List<Fraction> list, Fraction f) {
        if (!list.contains(f)) {
            list.add(f);
        }
    }

    /** @return the tableau drawn row by row, for reports and Javadoc */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < c.length; i++) {
            sb.append("c").append(i + 1).append(" = ").append(PhiCombination.format(c[i]));
            for (int j = 0; j < i; j++) {
                if (!a[i][j].isZero()) {
                    sb.append(";  a").append(i + 1).append(j + 1).append(" = ").append(a[i][j]);
                }
            }
            sb.append('\n');
        }
        for (int i = 0; i < b.length; i++) {
            sb.append("b").append(i + 1).append(" = ").append(b[i]).append('\n');
        }
        if (bHat != null) {
            for (int i = 0; i < bHat.length; i++) {
                sb.append("bHat").append(i + 1).append(" = ").append(bHat[i]).append('\n');
            }
        }
        return sb.toString();
    }
}
