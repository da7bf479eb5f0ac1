package org.expint4j.method;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.Fraction;

/**
 * The tableau of an explicit exponential Runge–Kutta method for \(u' = Lu + N(t,u)\), with
 * \(Z = hL\) and \(N_j = N(t_n + c_j h, U_j)\):
 * \[ U_i = e^{c_i Z} u_n + h \sum_{j<i} a_{ij}(Z) N_j, \qquad
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
     * @throws IllegalArgumentException for inconsistent shapes or nodes outside \([0,1]\)
     */
    public ExponentialRungeKuttaTableau(Fraction[] c, PhiCombination[][] a, PhiCombination[] b,
                                        PhiCombination[] bHat) {
        int s = c.length;
        if (s < 1) {
            throw new IllegalArgumentException("a tableau needs at least one stage");
        }
        if (!c[0].equals(Fraction.ZERO)) {
            throw new IllegalArgumentException("the first node must be 0, got " + c[0]);
        }
        for (int i = 0; i < s; i++) {
            if (c[i].compareTo(Fraction.ZERO) < 0 || c[i].compareTo(Fraction.ONE) > 0) {
                throw new IllegalArgumentException("node c[" + i + "] = " + c[i] + " is outside [0, 1]");
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
            sb.append("c").append(i + 1).append(" = ").append(c[i]);
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
