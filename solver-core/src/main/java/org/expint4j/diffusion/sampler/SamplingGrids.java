package org.expint4j.diffusion.sampler;

import java.util.ArrayList;
import java.util.List;
import org.expint4j.diffusion.schedule.NoiseSchedule;

/**
 * Time grids of the reference sampler: {@code get_time_steps} and the order split of
 * single-step DPM-Solver ("DPM-Solver-fast", {@code get_orders_and_timesteps_for_singlestep_solver}).
 */
public final class SamplingGrids {

    private SamplingGrids() {
    }

    /**
     * {@code n + 1} times from {@code tStart} to {@code tEnd} (either order).
     *
     * @param schedule the schedule (for {@link SkipType#LOGSNR})
     * @param skip the spacing
     * @param tStart first time
     * @param tEnd last time
     * @param n number of intervals, in \([1, \) {@link SampleOptions#MAX_STEPS}\(]\)
     * @return the grid, {@code grid[0] = tStart} and {@code grid[n] = tEnd} exactly (the reference
     *     computes them through the spacing, which moves them by rounding)
     */
    public static double[] timeSteps(NoiseSchedule schedule, SkipType skip, double tStart, double tEnd, int n) {
        checkSteps("number of steps", n);
        double a = spacing(schedule, skip, tStart);
        double b = spacing(schedule, skip, tEnd);
        double[] grid = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            grid[i] = point(schedule, skip, tStart, tEnd, a, b, n, i);
        }
        return grid;
    }

    /**
     * Time {@code i} of {@link #timeSteps}, without building the grid (single-step DPM-Solver
     * takes its inner nodes from it at every step).
     *
     * @param schedule the schedule (for {@link SkipType#LOGSNR})
     * @param skip the spacing
     * @param tStart first time
     * @param tEnd last time
     * @param n number of intervals
     * @param i the index, {@code 0..n}
     * @return the time
     */
    static double timeStep(NoiseSchedule schedule, SkipType skip, double tStart, double tEnd, int n, int i) {
        return point(schedule, skip, tStart, tEnd, spacing(schedule, skip, tStart), spacing(schedule, skip, tEnd),
                n, i);
    }

    /** The variable the spacing is uniform in: \(\lambda(t)\), \(t\) or \(\sqrt t\). */
    private static double spacing(NoiseSchedule schedule, SkipType skip, double t) {
        return switch (skip) {
            case LOGSNR -> schedule.lambda(t);
            case TIME_UNIFORM -> t;
            case TIME_QUADRATIC -> Math.sqrt(t);
        };
    }

    /** Point {@code i} between {@code a = spacing(tStart)} and {@code b = spacing(tEnd)}, mapped back to t. */
    private static double point(NoiseSchedule schedule, SkipType skip, double tStart, double tEnd, double a, double b,
                                int n, int i) {
        // The ends exactly as asked: mapped through lambda or a square root they move by rounding.
        if (i == 0) {
            return tStart;
        }
        if (i == n) {
            return tEnd;
        }
        double r = linspace(a, b, n, i);
        return switch (skip) {
            case LOGSNR -> schedule.inverseLambda(r);
            case TIME_UNIFORM -> r;
            case TIME_QUADRATIC -> r * r;
        };
    }

    private static void checkSteps(String name, int n) {
        if (n < 1 || n > SampleOptions.MAX_STEPS) {
            throw new IllegalArgumentException(name + " must be in [1, " + SampleOptions.MAX_STEPS + "], got " + n);
        }
    }

    /** The i-th of n+1 points of torch/numpy linspace(a, b, n + 1). */
    static double linspace(double a, double b, int n, int i) {
        // numpy: a + i * step with step = (b - a) / n, last point forced to b.
        if (i == n) {
            return b;
        }
        return a + i * ((b - a) / n);
    }

    /**
     * The order of each step of single-step DPM-Solver with {@code steps} model evaluations.
     *
     * @param steps NFE budget, in \([1, \) {@link SampleOptions#MAX_STEPS}\(]\)
     * @param order 1, 2 or 3
     * @return the orders, summing to {@code steps}
     */
    public static int[] singlestepOrders(int steps, int order) {
        checkSteps("steps", steps);
        List<Integer> orders = new ArrayList<>();
        switch (order) {
            case 3 -> {
                int k = steps / 3 + 1;
                if (steps % 3 == 0) {
                    repeat(orders, 3, k - 2);
                    orders.add(2);
                    orders.add(1);
                } else if (steps % 3 == 1) {
                    repeat(orders, 3, k - 1);
                    orders.add(1);
                } else {
                    repeat(orders, 3, k - 1);
                    orders.add(2);
                }
            }
            case 2 -> {
                repeat(orders, 2, steps / 2);
                if (steps % 2 == 1) {
                    orders.add(1);
                }
            }
            case 1 -> repeat(orders, 1, steps);
            default -> throw new IllegalArgumentException("single-step order must be 1, 2 or 3, got " + order);
        }
        return orders.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void repeat(List<Integer> list, int value, int count) {
        for (int i = 0; i < count; i++) {
            list.add(value);
        }
    }

    /**
     * The outer grid of single-step DPM-Solver: for {@link SkipType#LOGSNR} a grid of
     * {@code orders.length} intervals ("to reproduce the paper"), otherwise the fine grid of
     * {@code steps} intervals taken at the cumulative sums of the orders.
     *
     * @param schedule the schedule
     * @param skip the spacing
     * @param tStart first time
     * @param tEnd last time
     * @param steps NFE budget
     * @param orders the orders from {@link #singlestepOrders}
     * @return {@code orders.length + 1} times
     */
    public static double[] singlestepOuterGrid(NoiseSchedule schedule, SkipType skip, double tStart, double tEnd,
                                               int steps, int[] orders) {
        if (skip == SkipType.LOGSNR) {
            return timeSteps(schedule, skip, tStart, tEnd, orders.length);
        }
        double[] fine = timeSteps(schedule, skip, tStart, tEnd, steps);
        double[] outer = new double[orders.length + 1];
        int index = 0;
        outer[0] = fine[0];
        for (int i = 0; i < orders.length; i++) {
            index += orders[i];
            outer[i + 1] = fine[index];
        }
        return outer;
    }
}
