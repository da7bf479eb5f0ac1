package org.expint4j.verification.problems.pde;

/**
 * A recorded space-time solution \(u(t_i, x_j)\): the physical values of a {@link PdeProblem} at
 * its grid points, at increasing times. Arrays are kept as given (not copied).
 *
 * @param x the grid points, strictly increasing
 * @param xMin left end of the domain
 * @param xMax right end of the domain
 * @param periodic whether \(u(x_{\max}) = u(x_{\min})\) (then the grid excludes \(x_{\max}\))
 * @param times the times, strictly increasing, at least two
 * @param values {@code values[i][j]} \(= u(t_i, x_j)\)
 */
public record Snapshots(double[] x, double xMin, double xMax, boolean periodic, double[] times, double[][] values) {

    /**
     * Checks the data.
     *
     * @param x the grid points, strictly increasing
     * @param xMin left end of the domain
     * @param xMax right end of the domain
     * @param periodic whether the domain is periodic
     * @param times the times, strictly increasing
     * @param values one row of values per time
     * @throws IllegalArgumentException if sizes disagree, fewer than two times or two points are
     *     given, or times or points are not increasing
     */
    public Snapshots {
        if (x.length < 2 || times.length < 2 || values.length != times.length) {
            throw new IllegalArgumentException("need at least two points and two times, and one row per time; got "
                    + x.length + " points, " + times.length + " times, " + values.length + " rows");
        }
        for (int i = 0; i < times.length; i++) {
            if (values[i].length != x.length) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values for "
                        + x.length + " points");
            }
            if (i > 0 && !(times[i] > times[i - 1])) {
                throw new IllegalArgumentException("times must increase: t[" + i + "] = " + times[i]);
            }
        }
        for (int j = 1; j < x.length; j++) {
            if (!(x[j] > x[j - 1])) {
                throw new IllegalArgumentException("grid points must increase: x[" + j + "] = " + x[j]);
            }
        }
        if (!(xMin <= x[0]) || !(xMax >= x[x.length - 1])) {
            throw new IllegalArgumentException("grid [" + x[0] + ", " + x[x.length - 1] + "] outside the domain ["
                    + xMin + ", " + xMax + "]");
        }
    }

    /** @return the values at the last time */
    public double[] last() {
        return values[values.length - 1];
    }
}
