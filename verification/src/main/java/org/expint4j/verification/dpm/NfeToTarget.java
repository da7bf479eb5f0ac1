package org.expint4j.verification.dpm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.expint4j.verification.study.OrderFit;

/**
 * The NFE a solver needs to bring an error measure down to a target, read off its measured
 * error-vs-NFE curve: the first measured point (in increasing NFE) at or below the target, and
 * log-log linear interpolation between it and the point before. When the first point is already
 * below, the need is at most its NFE; when no point reaches the target, it is more than the
 * largest NFE measured.
 *
 * @param value the NFE (interpolated, or the bound)
 * @param bound what {@code value} means
 */
public record NfeToTarget(double value, Bound bound) {

    /** What the value means. */
    public enum Bound {
        /** Interpolated between two measured points. */
        EXACT,
        /** Reached at the smallest NFE measured: the need is at most the value. */
        AT_MOST,
        /** Not reached: the need is more than the value (the largest NFE measured). */
        MORE_THAN
    }

    /**
     * @param nfe measured NFE (any order)
     * @param error the error at each, same length, positive
     * @param target the target error
     * @return the NFE needed
     */
    public static NfeToTarget of(long[] nfe, double[] error, double target) {
        if (nfe.length == 0 || nfe.length != error.length) {
            throw new IllegalArgumentException("need equal, non-zero numbers of NFE and errors");
        }
        Integer[] order = new Integer[nfe.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingLong(i -> nfe[i]).thenComparingDouble(i -> error[i]));
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (error[i] <= target) {
                if (k == 0) {
                    return new NfeToTarget(nfe[i], Bound.AT_MOST);
                }
                int p = order[k - 1];
                if (nfe[p] == nfe[i] || !(error[p] > 0) || !(error[i] > 0)) {
                    return new NfeToTarget(nfe[i], Bound.EXACT);
                }
                double rate = OrderFit.orderBetweenNfe(nfe[p], error[p], nfe[i], error[i]);
                double x = Math.log(nfe[p]) - Math.log(target / error[p]) / rate;
                return new NfeToTarget(Math.exp(x), Bound.EXACT);
            }
        }
        return new NfeToTarget(nfe[order[order.length - 1]], Bound.MORE_THAN);
    }

    /** @return the smallest NFE this is consistent with */
    double low() {
        return bound == Bound.AT_MOST ? 1 : value;
    }

    /** @return the largest NFE this is consistent with */
    double high() {
        return bound == Bound.MORE_THAN ? Double.POSITIVE_INFINITY : value;
    }

    /**
     * @param numerator the slower solver's need
     * @param denominator the faster solver's need
     * @return the ratio as text: "4.2×", "> 3.1×", "≤ 2.0×", or a range
     */
    static String ratio(NfeToTarget numerator, NfeToTarget denominator) {
        double lo = numerator.low() / denominator.high();
        double hi = numerator.high() / denominator.low();
        if (lo == hi) {
            return String.format(Locale.ROOT, "%.1f×", lo);
        }
        if (hi == Double.POSITIVE_INFINITY) {
            return String.format(Locale.ROOT, "> %.1f×", lo);
        }
        if (numerator.bound == Bound.AT_MOST && denominator.bound == Bound.EXACT) {
            return String.format(Locale.ROOT, "≤ %.1f×", hi);
        }
        return String.format(Locale.ROOT, "%.1f–%.1f×", lo, hi);
    }

    @Override
    public String toString() {
        String v = value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.1f", value);
        return switch (bound) {
            case EXACT -> v;
            case AT_MOST -> "≤ " + v;
            case MORE_THAN -> "> " + v;
        };
    }

    /** @return the best (smallest) need in a list, by value */
    static NfeToTarget best(List<NfeToTarget> needs) {
        return needs.stream().min(Comparator.comparingDouble(NfeToTarget::high)
                .thenComparingDouble(NfeToTarget::value)).orElseThrow();
    }
}
