package org.expint4j.method;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.phi.Phi;

/**
 * Checks an {@link ExponentialRungeKuttaTableau} against the stiff order conditions of
 * Hochbruck and Ostermann (SIAM J. Numer. Anal. 43(3) (2005) 1069–1090, Table 5.1; Acta Numerica
 * 19 (2010) 209–286). With
 * \[ \psi_j(Z) = \varphi_j(Z) - \sum_i b_i(Z) \frac{c_i^{j-1}}{(j-1)!}, \qquad
 *    \psi_{j,i}(Z) = c_i^j \varphi_j(c_i Z) - \sum_k a_{ik}(Z) \frac{c_k^{j-1}}{(j-1)!}, \]
 * and \(J, K\) arbitrary bounded operators that need not commute with \(Z\), the conditions are
 * <table class="striped">
 * <caption>Stiff order conditions</caption>
 * <thead><tr><th>#</th><th>order</th><th>condition</th></tr></thead>
 * <tbody>
 * <tr><td>1</td><td>1</td><td>\(\psi_1(Z) = 0\), i.e. \(\sum_i b_i = \varphi_1\)</td></tr>
 * <tr><td>2</td><td>2</td><td>\(\psi_2(Z) = 0\)</td></tr>
 * <tr><td>3</td><td>2</td><td>\(\psi_{1,i}(Z) = 0\) for all \(i\), i.e. the row sums
 *     \(\sum_j a_{ij} = c_i \varphi_1(c_i Z)\)</td></tr>
 * <tr><td>4</td><td>3</td><td>\(\psi_3(Z) = 0\)</td></tr>
 * <tr><td>5</td><td>3</td><td>\(\sum_i b_i(Z) J \psi_{2,i}(Z) = 0\)</td></tr>
 * <tr><td>6</td><td>4</td><td>\(\psi_4(Z) = 0\)</td></tr>
 * <tr><td>7</td><td>4</td><td>\(\sum_i b_i(Z) J \psi_{3,i}(Z) = 0\)</td></tr>
 * <tr><td>8</td><td>4</td><td>\(\sum_i b_i(Z) J \sum_j a_{ij}(Z) J \psi_{2,j}(Z) = 0\)</td></tr>
 * <tr><td>9</td><td>4</td><td>\(\sum_i b_i(Z) c_i K \psi_{2,i}(Z) = 0\)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>Each condition is evaluated three ways:
 * <ol>
 * <li><b>strong</b>, with scalar arguments: single-factor conditions (1–4, 6) at each sample
 *     \(z\); in the products (5, 7, 9) the outer \(b_i\) at \(z_1\) and the inner \(\psi\) at an
 *     independent \(z_2\), and in condition 8 \(b_i\) at \(z_1\), \(a_{ij}\) at \(z_2\),
 *     \(\psi_{2,j}\) at \(z_3\), over all ordered pairs (triples) of samples. Since scalars
 *     commute, evaluating at equal arguments would let factors cancel that cannot cancel across
 *     \(J\); independent arguments stand in for the non-commuting \(J\), \(K\).</li>
 * <li><b>weakened</b>: the outer \(b_i\) (and in condition 8 also \(a_{ij}\)) at \(Z = 0\),
 *     exactly, the inner \(\psi\) at each sample; for conditions 1–4 and 6, which have no inner
 *     factor, this is \(\psi(0) = 0\) in exact arithmetic. The convergence theorem tolerates
 *     the weakened form for the conditions of the top order.</li>
 * <li><b>classical limit</b>: everything at \(Z = 0\), in exact {@link Fraction}s.</li>
 * </ol>
 *
 * <p><b>Tolerance.</b> A condition that holds is an identity between φ-functions, so its
 * computed residual is rounding only. Every residual is compared with the magnitude \(M\) of
 * the same expression with each term replaced by its absolute value (\(\sum |q\,\varphi_k|\) per
 * entry, propagated through the sums and products). Each φ value carries a relative error of a
 * few units in the last place ({@link org.expint4j.phi.Phi} guarantees below \(10^{-14}\) for
 * real \(z \ge -10^8\); a plain Taylor series on \(|z| \le 8\) manages \(10^{-13}\)), and
 * the at most a few dozen additions add \(\approx 50u \approx 10^{-14}\), so a true identity
 * gives \(|r| \lesssim 10^{-13} M\). A failing condition is a nonzero analytic
 * function of \(z\), of relative size \(O(1)\) for large \(|z|\) but only \(O(|z|^m)\) near 0
 * when its classical limit holds (\(m\) grows with the classical order: \(\psi_1\) of
 * {@code lawson4} is \(3 \cdot 10^{-6}\) relative at \(z = -0.3\)), so the samples must include
 * moderately large \(|z|\); the verdict takes the largest residual over all samples. At the
 * default samples the smallest failing ratio measured in the catalogue is above
 * \(4 \cdot 10^{-3}\). {@link #DEFAULT_TOLERANCE} \(= 10^{-10}\) sits between the two with three
 * orders of magnitude to spare on either side.
 *
 * <p>The <b>stiff order</b> read off a {@link Profile} is the largest \(p \le 4\) such that all
 * conditions of order \(\lt p\) hold strongly and all of order \(p\) at least in weakened form
 * (the Hochbruck–Ostermann convergence theorem: weakened conditions at the top order cost at
 * most a logarithm).
 */
public final class OrderConditions {

    /**
     * The default tolerance relative to the magnitude of the terms; see the class
     * documentation.
     */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /**
     * Default sample arguments: the left half-plane from mild to very stiff (where
     * \(\varphi_k(z) \approx -1/((k-1)!\,z)\) and the stiff conditions differ most from the
     * classical ones), and one positive value (DPM-Solver's noise-prediction form has
     * \(L = +1\)).
     */
    private static final double[] DEFAULT_SAMPLES = {0.9, -0.3, -1.7, -5.0, -23.0, -180.0, -1000.0};

    private OrderConditions() {
    }

    /** @return a copy of the default sample arguments */
    public static double[] defaultSamples() {
        return DEFAULT_SAMPLES.clone();
    }

    /** How a condition holds. */
    public enum Verdict {
        /** For all (independent) arguments. */
        STRONG,
        /** Only with the outer factors at \(Z = 0\). */
        WEAK,
        /** Not even in weakened form. */
        FAILS;

        /** @return whether this is {@link #STRONG} or {@link #WEAK} */
        public boolean atLeastWeak() {
            return this != FAILS;
        }

        /** @return {@code 'S'}, {@code 'W'} or {@code 'F'} */
        public char symbol() {
            return name().charAt(0);
        }
    }

    /** The nine stiff order conditions up to order 4, numbered as in the class table. */
    public enum Condition {
        /** \(\psi_1(Z) = 0\). */
        C1(1, "psi_1(Z) = 0"),
        /** \(\psi_2(Z) = 0\). */
        C2(2, "psi_2(Z) = 0"),
        /** \(\psi_{1,i}(Z) = 0\). */
        C3(2, "psi_{1,i}(Z) = 0"),
        /** \(\psi_3(Z) = 0\). */
        C4(3, "psi_3(Z) = 0"),
        /** \(\sum_i b_i J \psi_{2,i} = 0\). */
        C5(3, "sum_i b_i J psi_{2,i} = 0"),
        /** \(\psi_4(Z) = 0\). */
        C6(4, "psi_4(Z) = 0"),
        /** \(\sum_i b_i J \psi_{3,i} = 0\). */
        C7(4, "sum_i b_i J psi_{3,i} = 0"),
        /** \(\sum_i b_i J \sum_j a_{ij} J \psi_{2,j} = 0\). */
        C8(4, "sum_i b_i J sum_j a_ij J psi_{2,j} = 0"),
        /** \(\sum_i b_i c_i K \psi_{2,i} = 0\). */
        C9(4, "sum_i b_i c_i K psi_{2,i} = 0");

        private final int order;
        private final String description;

        Condition(int order, String description) {
            this.order = order;
            this.description = description;
        }

        /** @return the number 1–9 */
        public int number() {
            return ordinal() + 1;
        }

        /** @return the order the condition belongs to */
        public int order() {
            return order;
        }

        /** @return the condition in plain text */
        public String description() {
            return description;
        }

        /**
         * @param number 1–9
         * @return the condition
         * @throws IllegalArgumentException outside 1–9
         */
        public static Condition number(int number) {
            if (number < 1 || number > 9) {
                throw new IllegalArgumentException("condition numbers are 1 to 9, got " + number);
            }
            return values()[number - 1];
        }
    }

    /**
     * The evaluation of one condition.
     *
     * @param condition the condition
     * @param verdict how it holds
     * @param strongResidual the largest \(|r|/M\) of the strong form over the samples (0 where
     *     \(M = 0\))
     * @param weakResidual the largest \(|r|/M\) of the weakened form; for conditions 1–4 and 6
     *     the exact \(|\psi(0)|\) (largest over \(i\) for condition 3)
     * @param classical whether the classical limit \(Z = 0\) holds exactly
     */
    public record Result(Condition condition, Verdict verdict, double strongResidual, double weakResidual,
                         boolean classical) {

        /** @return e.g. {@code "5 STRONG (strong 1.2e-16, weak 0.0, classical)"} */
        @Override
        public String toString() {
            return condition.number() + " " + verdict + String.format(" (strong %.2e, weak %.2e, %s)",
                    strongResidual, weakResidual, classical ? "classical" : "not even classically");
        }
    }

    /** The verdicts of all nine conditions for one set of weights. */
    public static final class Profile {

        private final List<Result> results;

        Profile(List<Result> results) {
            this.results = Collections.unmodifiableList(new ArrayList<>(results));
        }

        /** @return the nine results, by condition number */
        public List<Result> results() {
            return results;
        }

        /**
         * @param number condition number 1–9
         * @return its result
         */
        public Result result(int number) {
            return results.get(Condition.number(number).ordinal());
        }

        /**
         * @param number condition number 1–9
         * @return its verdict
         */
        public Verdict verdict(int number) {
            return result(number).verdict();
        }

        /**
         * The stiff order: the largest \(p \le 4\) with every condition of order \(\lt p\)
         * {@link Verdict#STRONG} and every condition of order \(p\) at least
         * {@link Verdict#WEAK}.
         *
         * @return \(p\), 0 if condition 1 fails even in weakened form
         */
        public int stiffOrder() {
            int p = 0;
            for (int q = 1; q <= 4; q++) {
                boolean ok = true;
                for (Result r : results) {
                    int order = r.condition().order();
                    if ((order < q && r.verdict() != Verdict.STRONG)
                            || (order == q && !r.verdict().atLeastWeak())) {
                        ok = false;
                    }
                }
                if (!ok) {
                    break;
                }
                p = q;
            }
            return p;
        }

        /**
         * @param p an order 0–4
         * @return whether every condition of order \(\le p\) holds at least in weakened form
         */
        public boolean holdsAtLeastWeaklyUpTo(int p) {
            for (Result r : results) {
                if (r.condition().order() <= p && !r.verdict().atLeastWeak()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Whether conditions 1 and 3 hold strongly, \(\sum_i b_i = \varphi_1\) and
         * \(\sum_j a_{ij} = c_i\varphi_1(c_i Z)\): what the "F form" of the stages (stage
         * differences of \(N + L u_n\)) needs to be equivalent to the standard form.
         *
         * @return whether the row sums hold
         */
        public boolean rowSumsHold() {
            return verdict(1) == Verdict.STRONG && verdict(3) == Verdict.STRONG;
        }

        /** @return the verdict symbols of conditions 1–9, e.g. {@code "SSSWSFFFF"} */
        public String symbols() {
            StringBuilder sb = new StringBuilder(9);
            for (Result r : results) {
                sb.append(r.verdict().symbol());
            }
            return sb.toString();
        }

        /** @return the symbols and the stiff order */
        @Override
        public String toString() {
            return symbols() + " (stiff order " + stiffOrder() + ")";
        }
    }

    /**
     * The profile of the output weights \(b\) at the default samples and tolerance.
     *
     * @param tableau the tableau
     * @return its profile
     */
    public static Profile profile(ExponentialRungeKuttaTableau tableau) {
        return profile(tableau, tableau.b(), DEFAULT_SAMPLES, DEFAULT_TOLERANCE);
    }

    /**
     * The profile of the embedded weights \(\hat b\) at the default samples and tolerance.
     *
     * @param tableau a tableau with embedded weights
     * @return their profile
     * @throws IllegalStateException if the tableau has none
     */
    public static Profile embeddedProfile(ExponentialRungeKuttaTableau tableau) {
        return profile(tableau, tableau.bHat(), DEFAULT_SAMPLES, DEFAULT_TOLERANCE);
    }

    /**
     * The profile of the stages of {@code tableau} with output weights {@code weights}.
     *
     * @param tableau supplies \(c\) and \(a\)
     * @param weights the weights, one per stage (e.g. {@code tableau.b()} or
     *     {@code tableau.bHat()})
     * @param samples the scalar arguments, at least one, finite; include some with
     *     \(|z| \ge 1\), since a condition that fails at high order in \(z\) looks satisfied
     *     at tiny arguments
     * @param tolerance the tolerance relative to the magnitude of the terms, {@code > 0}
     * @return the profile
     * @throws IllegalArgumentException for a wrong number of weights, no or non-finite samples,
     *     or a non-positive tolerance
     */
    public static Profile profile(ExponentialRungeKuttaTableau tableau, PhiCombination[] weights,
                                  double[] samples, double tolerance) {
        if (weights.length != tableau.stages()) {
            throw new IllegalArgumentException(weights.length + " weights for " + tableau.stages() + " stages");
        }
        checkSamples(samples, tolerance);
        return new Evaluation(tableau, weights, samples, tolerance).profile();
    }

    /** The checks of the sample arguments and the tolerance, shared with {@link MultistepOrderConditions}. */
    static void checkSamples(double[] samples, double tolerance) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("at least one sample argument is needed");
        }
        for (double z : samples) {
            if (!Double.isFinite(z)) {
                throw new IllegalArgumentException("sample arguments must be finite, got " + z);
            }
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
    }

    /** One evaluation: every sample's values computed once, then the nine conditions. */
    private static final class Evaluation {

        private final int s;
        private final double[] c;
        private final double tol;
        private final Values[] at;
        private final Fraction[] cExact;
        private final Fraction[] b0;
        private final Fraction[][] a0;

        Evaluation(ExponentialRungeKuttaTableau t, PhiCombination[] w, double[] samples, double tol) {
            this.s = t.stages();
            this.tol = tol;
            this.cExact = t.c();
            this.c = new double[s];
            this.b0 = new Fraction[s];
            this.a0 = new Fraction[s][];
            for (int i = 0; i < s; i++) {
                c[i] = cExact[i].doubleValue();
                b0[i] = w[i].valueAtZero();
                a0[i] = new Fraction[i];
                for (int k = 0; k < i; k++) {
                    a0[i][k] = t.a(i, k).valueAtZero();
                }
            }
            this.at = new Values[samples.length];
            for (int n = 0; n < samples.length; n++) {
                at[n] = new Values(t, w, samples[n], c);
            }
        }

        Profile profile() {
            List<Result> r = new ArrayList<>(9);
            r.add(outer(Condition.C1, 1));
            r.add(outer(Condition.C2, 2));
            r.add(rowSums());
            r.add(outer(Condition.C4, 3));
            r.add(weighted(Condition.C5, 2, 0));
            r.add(outer(Condition.C6, 4));
            r.add(weighted(Condition.C7, 3, 0));
            r.add(nested());
            r.add(weighted(Condition.C9, 2, 1));
            return new Profile(r);
        }

        private Result verdict(Condition cond, double strong, double weak, boolean weakHolds,
                               boolean classical) {
            Verdict v = strong <= tol ? Verdict.STRONG : weakHolds ? Verdict.WEAK : Verdict.FAILS;
            return new Result(cond, v, strong, weak, classical);
        }

        /** Conditions 1, 2, 4, 6: \(\psi_j(Z) = 0\). */
        private Result outer(Condition cond, int j) {
            double strong = 0;
            for (Values v : at) {
                strong = Math.max(strong, ratio(v.psi[j], v.psiMag[j]));
            }
            Fraction exact = psiAtZero(j);
            boolean zero = exact.equals(Fraction.ZERO);
            return verdict(cond, strong, Math.abs(exact.doubleValue()), zero, zero);
        }

        /** Condition 3: \(\psi_{1,i}(Z) = 0\) for every \(i\). */
        private Result rowSums() {
            double strong = 0;
            for (Values v : at) {
                for (int i = 0; i < s; i++) {
                    strong = Math.max(strong, ratio(v.psiStage[1][i], v.psiStageMag[1][i]));
                }
            }
            double weak = 0;
            for (int i = 0; i < s; i++) {
                weak = Math.max(weak, Math.abs(psiStageAtZero(1, i).doubleValue()));
            }
            return verdict(Condition.C3, strong, weak, weak == 0, weak == 0);
        }

        /** Conditions 5, 7, 9: \(\sum_i b_i c_i^m \psi_{j,i} = 0\). */
        private Result weighted(Condition cond, int j, int m) {
            double strong = 0;
            for (Values outer : at) {
                for (Values inner : at) {
                    double sum = 0;
                    double mag = 0;
                    for (int i = 0; i < s; i++) {
                        double cm = Math.pow(c[i], m);
                        sum += outer.b[i] * cm * inner.psiStage[j][i];
                        mag += outer.bMag[i] * cm * inner.psiStageMag[j][i];
                    }
                    strong = Math.max(strong, ratio(sum, mag));
                }
            }
            double weak = 0;
            for (Values inner : at) {
                double sum = 0;
                double mag = 0;
                for (int i = 0; i < s; i++) {
                    double w = b0[i].doubleValue() * Math.pow(c[i], m);
                    sum += w * inner.psiStage[j][i];
                    mag += Math.abs(w) * inner.psiStageMag[j][i];
                }
                weak = Math.max(weak, ratio(sum, mag));
            }
            Fraction exact = Fraction.ZERO;
            for (int i = 0; i < s; i++) {
                exact = exact.add(b0[i].multiply(power(cExact[i], m)).multiply(psiStageAtZero(j, i)));
            }
            return verdict(cond, strong, weak, weak <= tol, exact.equals(Fraction.ZERO));
        }

        /** Condition 8: \(\sum_i b_i \sum_k a_{ik} \psi_{2,k} = 0\). */
        private Result nested() {
            double strong = 0;
            for (Values vb : at) {
                for (Values va : at) {
                    for (Values vp : at) {
                        double sum = 0;
                        double mag = 0;
                        for (int i = 0; i < s; i++) {
                            double inner = 0;
                            double innerMag = 0;
                            for (int k = 0; k < i; k++) {
                                inner += va.a[i][k] * vp.psiStage[2][k];
                                innerMag += va.aMag[i][k] * vp.psiStageMag[2][k];
                            }
                            sum += vb.b[i] * inner;
                            mag += vb.bMag[i] * innerMag;
                        }
                        strong = Math.max(strong, ratio(sum, mag));
                    }
                }
            }
            double weak = 0;
            for (Values vp : at) {
                double sum = 0;
                double mag = 0;
                for (int i = 0; i < s; i++) {
                    for (int k = 0; k < i; k++) {
                        double w = b0[i].multiply(a0[i][k]).doubleValue();
                        sum += w * vp.psiStage[2][k];
                        mag += Math.abs(w) * vp.psiStageMag[2][k];
                    }
                }
                weak = Math.max(weak, ratio(sum, mag));
            }
            Fraction exact = Fraction.ZERO;
            for (int i = 0; i < s; i++) {
                for (int k = 0; k < i; k++) {
                    exact = exact.add(b0[i].multiply(a0[i][k]).multiply(psiStageAtZero(2, k)));
                }
            }
            return verdict(Condition.C8, strong, weak, weak <= tol, exact.equals(Fraction.ZERO));
        }

        /** \(\psi_j(0) = 1/j! - \sum_i b_i(0) c_i^{j-1}/(j-1)!\), exactly. */
        private Fraction psiAtZero(int j) {
            Fraction r = new Fraction(1, factorial(j));
            for (int i = 0; i < s; i++) {
                r = r.subtract(b0[i].multiply(power(cExact[i], j - 1)).divide(factorial(j - 1)));
            }
            return r;
        }

        /** \(\psi_{j,i}(0) = c_i^j/j! - \sum_k a_{ik}(0) c_k^{j-1}/(j-1)!\), exactly. */
        private Fraction psiStageAtZero(int j, int i) {
            Fraction r = power(cExact[i], j).divide(factorial(j));
            for (int k = 0; k < i; k++) {
                r = r.subtract(a0[i][k].multiply(power(cExact[k], j - 1)).divide(factorial(j - 1)));
            }
            return r;
        }
    }

    /** The entries, \(\psi_j\) and \(\psi_{j,i}\) at one scalar argument, with magnitudes. */
    private static final class Values {

        final double[] b;
        final double[] bMag;
        final double[][] a;
        final double[][] aMag;
        /** \(\psi_j(z)\), {@code j = 1..4}. */
        final double[] psi = new double[5];
        final double[] psiMag = new double[5];
        /** \(\psi_{j,i}(z)\), {@code j = 1..3}. */
        final double[][] psiStage;
        final double[][] psiStageMag;

        Values(ExponentialRungeKuttaTableau t, PhiCombination[] w, double z, double[] c) {
            int s = c.length;
            b = new double[s];
            bMag = new double[s];
            a = new double[s][];
            aMag = new double[s][];
            for (int i = 0; i < s; i++) {
                b[i] = w[i].value(z);
                bMag[i] = magnitude(w[i], z);
                a[i] = new double[i];
                aMag[i] = new double[i];
                for (int k = 0; k < i; k++) {
                    a[i][k] = t.a(i, k).value(z);
                    aMag[i][k] = magnitude(t.a(i, k), z);
                }
            }
            for (int j = 1; j <= 4; j++) {
                double phi = Phi.phi(j, z);
                double sum = phi;
                double mag = Math.abs(phi);
                for (int i = 0; i < s; i++) {
                    double f = Math.pow(c[i], j - 1) / factorial(j - 1);
                    sum -= b[i] * f;
                    mag += bMag[i] * f;
                }
                psi[j] = sum;
                psiMag[j] = mag;
            }
            psiStage = new double[4][s];
            psiStageMag = new double[4][s];
            for (int j = 1; j <= 3; j++) {
                for (int i = 0; i < s; i++) {
                    double first = Math.pow(c[i], j) * Phi.phi(j, c[i] * z);
                    double sum = first;
                    double mag = Math.abs(first);
                    for (int k = 0; k < i; k++) {
                        double f = Math.pow(c[k], j - 1) / factorial(j - 1);
                        sum -= a[i][k] * f;
                        mag += aMag[i][k] * f;
                    }
                    psiStage[j][i] = sum;
                    psiStageMag[j][i] = mag;
                }
            }
        }
    }

    /** \(\sum_m |q_m \varphi_{k_m}(c_m z)|\): the scale of the rounding error of an entry. */
    private static double magnitude(PhiCombination e, double z) {
        double m = 0;
        for (PhiTerm t : e.terms()) {
            m += Math.abs(t.coefficient().doubleValue() * Phi.phi(t.k(), t.node().doubleValue() * z));
        }
        return m;
    }

    private static double ratio(double residual, double magnitude) {
        if (residual == 0) {
            return 0;
        }
        return magnitude == 0 ? Double.POSITIVE_INFINITY : Math.abs(residual) / magnitude;
    }

    private static Fraction power(Fraction x, int n) {
        Fraction r = Fraction.ONE;
        for (int i = 0; i < n; i++) {
            r = r.multiply(x);
        }
        return r;
    }

    private static int factorial(int k) {
        int f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }
}
