package org.expint4j.integrate;

/** Validation of time grids, shared by the drivers; messages name the offending value. */
final class TimeGrids {

    private TimeGrids() {
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
