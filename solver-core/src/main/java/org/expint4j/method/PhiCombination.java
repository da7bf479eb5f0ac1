package org.expint4j.method;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.phi.Phi;

/**
 * A tableau entry of an exponential method: a linear combination
 * \( \sum_m q_m\, \varphi_{k_m}(c_m Z) \) of φ-functions with exact rational coefficients and
 * node scales, \(Z = hL\). The same data serves scalar, diagonal, complex-diagonal and dense
 * linear parts (the integrator evaluates each distinct \( \varphi_k(c_m Z) \) once in the linear
 * part's representation), and its value at \(Z = 0\), \( \sum_m q_m / k_m! \), is exact, so the
 * weak (\(Z \to 0\)) order conditions and the classical limit are checked in exact arithmetic.
 *
 * <p>Immutable. Terms with equal \((k, c)\) are merged and zero terms dropped, so two equal
 * combinations have equal term lists.
 */
public final class PhiCombination {

    /** The zero entry. */
    public static final PhiCombination ZERO = new PhiCombination(List.of());

    private final List<PhiTerm> terms;

    private PhiCombination(List<PhiTerm> terms) {
        this.terms = terms;
    }

    /**
     * @param k the φ index
     * @return \( \varphi_k(Z) \)
     */
    public static PhiCombination phi(int k) {
        return phi(k, Fraction.ONE);
    }

    /**
     * @param k the φ index
     * @param node \(c\)
     * @return \( \varphi_k(cZ) \)
     */
    public static PhiCombination phi(int k, Fraction node) {
        return of(List.of(new PhiTerm(Fraction.ONE, k, node)));
    }

    /**
     * @param value \(q\)
     * @return the constant \(q\,I = q\, \varphi_0(0 \cdot Z)\)
     */
    public static PhiCombination constant(Fraction value) {
        return of(List.of(new PhiTerm(value, 0, Fraction.ZERO)));
    }

    /**
     * @param terms the terms, in any order; a term with node 0 is the constant
     *     \( q\,\varphi_k(0) = q/k! \) and is stored as such
     * @return their sum, normalised
     */
    public static PhiCombination of(List<PhiTerm> terms) {
        List<PhiTerm> merged = new ArrayList<>();
        for (PhiTerm raw : terms) {
            // φ_k(0·Z) = I/k! is a constant: store it as (q/k!) φ0(0·Z) so that constants merge
            PhiTerm t = raw.node().equals(Fraction.ZERO) && raw.k() != 0
                    ? new PhiTerm(raw.coefficient().divide(factorial(raw.k())), 0, Fraction.ZERO)
                    : raw;
            Fraction node = t.node();
            boolean found = false;
            for (int i = 0; i < merged.size(); i++) {
                PhiTerm m = merged.get(i);
                if (m.k() == t.k() && m.node().equals(node)) {
                    merged.set(i, new PhiTerm(m.coefficient().add(t.coefficient()), m.k(), node));
                    found = true;
                    break;
                }
            }
            if (!found) {
                merged.add(new PhiTerm(t.coefficient(), t.k(), node));
            }
        }
        merged.removeIf(t -> t.coefficient().equals(Fraction.ZERO));
        merged.sort((x, y) -> x.k() != y.k() ? Integer.compare(x.k(), y.k()) : x.node().compareTo(y.node()));
        return merged.isEmpty() ? ZERO : new PhiCombination(Collections.unmodifiableList(merged));
    }

    /** @return the normalised terms */
    public List<PhiTerm> terms() {
        return terms;
    }

    /** @return whether this is the zero entry */
    public boolean isZero() {
        return terms.isEmpty();
    }

    /**
     * @param other another entry
     * @return {@code this + other}
     */
    public PhiCombination plus(PhiCombination other) {
        List<PhiTerm> all = new ArrayList<>(terms);
        all.addAll(other.terms);
        return of(all);
    }

    /**
     * @param other another entry
     * @return {@code this - other}
     */
    public PhiCombination minus(PhiCombination other) {
        return plus(other.times(Fraction.MINUS_ONE));
    }

    /**
     * @param q a rational factor
     * @return {@code q * this}
     */
    public PhiCombination times(Fraction q) {
        List<PhiTerm> scaled = new ArrayList<>(terms.size());
        for (PhiTerm t : terms) {
            scaled.add(new PhiTerm(t.coefficient().multiply(q), t.k(), t.node()));
        }
        return of(scaled);
    }

    /**
     * @param numerator numerator of the factor
     * @param denominator denominator of the factor
     * @return {@code (numerator/denominator) * this}
     */
    public PhiCombination times(int numerator, int denominator) {
        return times(new Fraction(numerator, denominator));
    }

    /** @return the largest φ index used, or -1 for the zero entry */
    public int maxK() {
        int max = -1;
        for (PhiTerm t : terms) {
            max = Math.max(max, t.k());
        }
        return max;
    }

    /**
     * The exact value at \(Z = 0\): \( \sum_m q_m / k_m! \), the classical Runge–Kutta
     * coefficient this entry reduces to.
     *
     * @return the value
     */
    public Fraction valueAtZero() {
        Fraction sum = Fraction.ZERO;
        for (PhiTerm t : terms) {
            sum = sum.add(t.coefficient().divide(factorial(t.k())));
        }
        return sum;
    }

    /**
     * Evaluates the entry for a scalar \(Z = z\).
     *
     * @param z the scalar argument
     * @return \( \sum_m q_m \varphi_{k_m}(c_m z) \)
     */
    public double value(double z) {
        double sum = 0;
        for (PhiTerm t : terms) {
            sum += t.coefficient().doubleValue() * Phi.phi(t.k(), t.node().doubleValue() * z);
        }
        return sum;
    }

    /**
     * @param q a fraction
     * @return {@code "3/2"} or {@code "-1"}: Commons Math's own {@code toString} puts spaces
     *     around the slash, which reads badly inside a φ-combination
     */
    static String format(Fraction q) {
        return q.getDenominator() == 1 ? Integer.toString(q.getNumerator())
                : q.getNumerator() + "/" + q.getDenominator();
    }

    private static int factorial(int k) {
        int f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhiCombination other && terms.equals(other.terms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(terms);
    }

    /**
     * @return e.g. {@code φ1(Z) - 3 φ2(Z) + 4 φ3(Z)}, {@code 1/2 φ1(1/2 Z)}, or {@code 1/2 I} for
     *     a constant
     */
    @Override
    public String toString() {
        if (terms.isEmpty()) {
            return "0";
        }
        StringBuilder sb = new StringBuilder();
        for (PhiTerm t : terms) {
            Fraction q = t.coefficient();
            boolean negative = q.compareTo(Fraction.ZERO) < 0;
            if (sb.length() > 0) {
                sb.append(negative ? " - " : " + ");
            } else if (negative) {
                sb.append('-');
            }
            Fraction abs = q.abs();
            if (!abs.equals(Fraction.ONE)) {
                sb.append(format(abs)).append(' ');
            }
            if (t.node().equals(Fraction.ZERO)) {
                sb.append('I'); // the constant q·φ0(0·Z) = q·I
                continue;
            }
            String arg = t.node().equals(Fraction.ONE) ? "Z" : format(t.node()) + " Z";
            sb.append("φ").append(t.k()).append('(').append(arg).append(')');
        }
        return sb.toString();
    }
}
