package org.expint4j.diffusion.sampler;

import java.util.Arrays;

/**
 * Order statistics in linear expected time without allocation (quickselect with a median-of-three
 * pivot), for the quantiles of {@link DynamicThresholding}: a sample of an image has \(10^5\) to
 * \(10^6\) entries, where a full sort would cost \( \log_2 D \approx 20 \) times more (and
 * {@link Arrays#sort(double[])} may allocate a merge buffer for large inputs). The values must not
 * be NaN. {@code float} data is selected as its exact {@code double} widening, which keeps every
 * value. A pathological input that defeats the pivot rule falls back to sorting the remaining
 * range.
 */
final class Selection {

    /** Ranges up to this length are finished by insertion sort. */
    private static final int SMALL = 16;

    private Selection() {
    }

    /**
     * Rearranges {@code a[0..n)} so that {@code a[k]} is the {@code k}-th smallest value (from 0),
     * no entry before it is larger and no entry after it is smaller.
     *
     * @param a the values, not NaN
     * @param n number of values
     * @param k the rank, {@code 0 <= k < n}
     * @return {@code a[k]}
     */
    static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        // Each round shrinks the range by a constant factor on reasonable data.
        int budget = 64 + 4 * (32 - Integer.numberOfLeadingZeros(n));
        while (hi - lo >= SMALL) {
            if (--budget < 0) {
                Arrays.sort(a, lo, hi + 1);
                return a[k];
            }
            final int mid = (lo + hi) >>> 1;
            sortThree(a, lo, mid, hi);
            final double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    final double tmp = a[i];
                    a[i++] = a[j];
                    a[j--] = tmp;
                }
            }
            // a[lo..j] <= pivot <= a[i..hi], and a[j+1..i-1] == pivot.
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            final double v = a[i];
            int j = i - 1;
            while (j >= lo && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a[k];
    }

    /**
     * @param a values rearranged by {@link #select(double[], int, int)} with rank {@code k}
     * @param n number of values
     * @param k that rank, {@code k + 1 < n}
     * @return the {@code (k+1)}-th smallest value, the minimum of {@code a[k+1..n)}
     */
    static double next(double[] a, int n, int k) {
        double min = a[k + 1];
        for (int i = k + 2; i < n; i++) {
            min = Math.min(min, a[i]);
        }
        return min;
    }

    private static void sortThree(double[] a, int i, int j, int k) {
        if (a[j] < a[i]) {
            swap(a, i, j);
        }
        if (a[k] < a[j]) {
            swap(a, j, k);
            if (a[j] < a[i]) {
                swap(a, i, j);
            }
        }
    }

    private static void swap(double[] a, int i, int j) {
        final double tmp = a[i];
        a[i] = a[j];
        a[j] = tmp;
    }
}
