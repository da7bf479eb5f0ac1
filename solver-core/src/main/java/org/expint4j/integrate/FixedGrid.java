package org.expint4j.integrate;

/**
 * The fixed-step control: the trial steps end on the times of a grid, in user time, and every
 * trial is accepted. A uniform grid passes one step size to every step, so the stepper's cached
 * φ-weights are reused; a given grid steps by the differences of its integration times.
 */
public final class FixedGrid extends StepControl {

    private final double[] times;
    private final double uniformStep;
    private final double t0;
    private final int steps;
    private TimeMap map;
    private int index;

    private FixedGrid(double[] times, double t0, double t1, int steps, double uniformStep) {
        super(t1);
        this.times = times;
        this.t0 = t0;
        this.steps = steps;
        this.uniformStep = uniformStep;
    }

    /**
     * {@code steps} equal steps \(h = (t_1 - t_0)/\mathrm{steps}\); the grid times are
     * \(t_0 + ih\), the last one \(t_1\) exactly.
     *
     * @param t0 initial time, finite
     * @param t1 final time, finite, different from {@code t0}
     * @param steps number of steps, {@code >= 1}
     * @return the control
     * @throws IllegalArgumentException naming a bad value
     */
    public static FixedGrid uniform(double t0, double t1, int steps) {
        checkTime("t0", t0);
        checkTime("t1", t1);
        if (steps < 1) {
            throw new IllegalArgumentException("number of steps must be >= 1, got " + steps);
        }
        if (t0 == t1) {
            throw new IllegalArgumentException("t1 must differ from t0, both are " + t0);
        }
        return new FixedGrid(null, t0, t1, steps, (t1 - t0) / steps);
    }

    /**
     * The steps between consecutive times of a grid.
     *
     * @param grid at least two finite, strictly increasing or strictly decreasing times (copied)
     * @return the control
     * @throws IllegalArgumentException naming the first bad time
     */
    public static FixedGrid of(double[] grid) {
        checkGrid(grid);
        return new FixedGrid(grid.clone(), grid[0], grid[grid.length - 1], grid.length - 1, Double.NaN);
    }

    /** @return the number of steps */
    public int steps() {
        return steps;
    }

    /**
     * @param i a grid index, {@code 0..steps}
     * @return the grid time
     */
    public double time(int i) {
        if (times != null) {
            return times[i];
        }
        return i == steps ? end : t0 + i * uniformStep;
    }

    @Override
    public void start(double t, double tau, TimeMap timeMap) {
        map = timeMap;
        index = 0;
    }

    @Override
    public boolean finished(double t) {
        return index == steps;
    }

    @Override
    public void plan(double t, double tau) {
        nextTime = time(index + 1);
        nextTau = map.integrationTime(nextTime);
        step = Double.isNaN(uniformStep) ? nextTau - tau : uniformStep;
    }

    @Override
    public boolean accept(double error) {
        index++;
        return true;
    }

    static void checkTime(String name, double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException(name + " must be finite, got " + t);
        }
    }

    /** Checks that the grid has at least two finite, strictly monotone times. */
    static void checkGrid(double[] grid) {
        if (grid.length < 2) {
            throw new IllegalArgumentException("a time grid needs at least 2 times, got " + grid.length);
        }
        for (int i = 0; i < grid.length; i++) {
            checkTime("grid[" + i + "]", grid[i]);
        }
        boolean forward = grid[1] > grid[0];
        for (int i = 1; i < grid.length; i++) {
            boolean ok = forward ? grid[i] > grid[i - 1] : grid[i] < grid[i - 1];
            if (!ok) {
                throw new IllegalArgumentException("time grid is not strictly " + (forward ? "increasing" : "decreasing")
                        + " at index " + i + ": grid[" + (i - 1) + "] = " + grid[i - 1] + ", grid[" + i + "] = " + grid[i]);
            }
        }
    }
}
