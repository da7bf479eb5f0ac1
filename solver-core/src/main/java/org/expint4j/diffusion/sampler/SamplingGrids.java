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
     * {@code n + 1} times from {@code tStart} to {@code tEnd} (either order), with the default
     * parameters of the spacing ({@link GridSpacing#of}).
     *
     * @param schedule the schedule (for the spacings in \(\lambda\) or \(\tilde\sigma\))
     * @param skip the spacing
     * @param tStart first time
     * @param tEnd last time
     * @param n number of intervals, in \([1, \) {@link SampleOptions#MAX_STEPS}\(]\)
     * @return the grid, {@code grid[0] = tStart} and {@code grid[n] = tEnd} exactly (the reference
     *     computes them through the spacing, which moves them by rounding)
     */
    public static double[] timeSteps(NoiseSchedule schedule, SkipType skip, double tStart, double tEnd, int n) {
        return timeSteps(schedule, GridSpacing.of(skip), tStart, tEnd, n);
    }

    /**
     * {@code n + 1} times from {@code tStart} to {@code tEnd} (either order). The σ-spacings work
     * on every schedule family: their points are uniform in a function of
     * \( \tilde\sigma = e^{-\lambda} \) and mapped to times by \( t(\lambda) \), so on a discrete
     * schedule they land between keypoints rather than being rounded to them (no duplicate times,
     * unlike diffusers' integer timesteps with Karras sigmas, diffusers#4122 and #12771).
     *
     * @param schedule the schedule (for the spacings in \(\lambda\) or \(\tilde\sigma\))
     * @param spacing the spacing and its parameters
     * @param tStart first time
     * @param tEnd last time
     * @param n number of intervals, in \([1, \) {@link SampleOptions#MAX_STEPS}\(]\)
     * @return the grid, {@code grid[0] = tStart} and {@code grid[n] = tEnd} exactly
     */
    public static double[] timeSteps(NoiseSchedule schedule, GridSpacing spacing, double tStart, double tEnd,
                                     int n) {
        checkSteps("number of steps", n);
        double a = spacing(schedule, spacing, tStart);
        double b = spacing(schedule, spacing, tEnd);
        double[] grid = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            grid[i] = point(schedule, spacing, tStart, tEnd, a, b, n, i);
        }
        return grid;
    }

    /**
     * Time {@code i} of {@link #timeSteps}, without building the grid (single-step DPM-Solver
     * takes its inner nodes from it at every step).
     *
     * @param schedule the schedule
     * @param spacing the spacing
     * @param tStart first time
     * @param tEnd last time
     * @param n number of intervals
     * @param i the index, {@code 0..n}
     * @return the time
     */
    static double timeStep(NoiseSchedule schedule, GridSpacing spacing, double tStart, double tEnd, int n, int i) {
        return point(schedule, spacing, tStart, tEnd, spacing(schedule, spacing, tStart),
                spacing(schedule, spacing, tEnd), n, i);
    }

    /**
     * The variable the spacing is uniform in: \(\lambda(t)\), \(t\), \(\sqrt t\),
     * \( \tilde\sigma^{1/\rho} = e^{-\lambda/\rho} \) (Karras) or
     * \( u = \tilde\sigma/(k + \tilde\sigma) = 1/(1 + k e^{\lambda}) \) (flow); polyexponential
     * interpolates \(\lambda\) with a power of the index instead.
     */
    private static double spacing(NoiseSchedule schedule, GridSpacing spacing, double t) {
        return switch (spacing.type()) {
            case LOGSNR, POLYEXPONENTIAL -> schedule.lambda(t);
            case TIME_UNIFORM -> t;
            case TIME_QUADRATIC -> Math.sqrt(t);
            case KARRAS -> Math.exp(-schedule.lambda(t) / spacing.rho());
            case FLOW -> logistic(-(schedule.lambda(t) + Math.log(spacing.shift())));
        };
    }

    /** Point {@code i} between {@code a = spacing(tStart)} and {@code b = spacing(tEnd)}, mapped back to t. */
    private static double point(NoiseSchedule schedule, GridSpacing spacing, double tStart, double tEnd, double a,
                                double b, int n, int i) {
        // The ends exactly as asked: mapped through lambda or a square root they move by rounding.
        if (i == 0) {
            return tStart;
        }
        if (i == n) {
            return tEnd;
        }
        if (spacing.type() == SkipType.POLYEXPONENTIAL) {
            // lambda_0 + (lambda_T - lambda_0) (1 - i/n)^rho, with 1 - i/n formed exactly.
            return schedule.inverseLambda(b + (a - b) * Math.pow((double) (n - i) / n, spacing.rho()));
        }
        double r = linspace(a, b, n, i);
        return switch (spacing.type()) {
            case LOGSNR -> schedule.inverseLambda(r);
            case TIME_UNIFORM -> r;
            case TIME_QUADRATIC -> r * r;
            case KARRAS -> schedule.inverseLambda(-spacing.rho() * Math.log(r));
            // u = 1/(1 + k e^lambda) back to lambda = log((1 - u)/u) - log k.
            default -> schedule.inverseLambda(Math.log1p(-r) - Math.log(r) - Math.log(spacing.shift()));
        };
    }

    /** \( 1/(1 + e^{-x}) \) without overflow, keeping small results relative. */
    private static double logistic(double x) {
        if (x < 0) {
            double e = Math.exp(x);
            return e / (1 + e);
        }
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * The times of a user grid of noise levels \( \tilde\sigma_i = \sigma_{t_i}/\alpha_{t_i} \):
     * \( t_i = t(\lambda = -\log\tilde\sigma_i) \).
     *
     * @param schedule the schedule
     * @param sigmas strictly decreasing (sampling) or increasing (inverse) positive finite
     *     \(\tilde\sigma\), 2 to {@link SampleOptions#MAX_STEPS}{@code + 1} of them
     * @param decreasing whether they must decrease (sampling) rather than increase
     * @return the times
     * @throws IllegalArgumentException if a value is not positive and finite or not strictly
     *     monotone, naming its index and value
     */
    public static double[] timesOfSigmas(NoiseSchedule schedule, double[] sigmas, boolean decreasing) {
        if (sigmas.length < 2 || sigmas.length > SampleOptions.MAX_STEPS + 1) {
            throw new IllegalArgumentException("a sigma grid needs 2 to " + (SampleOptions.MAX_STEPS + 1)
                    + " values, got " + sigmas.length);
        }
        double[] times = new double[sigmas.length];
        for (int i = 0; i < sigmas.length; i++) {
            double s = sigmas[i];
            if (!(s > 0 && s < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("sigmas[" + i + "] = " + s + ", must be positive and finite");
            }
            if (i > 0 && (decreasing ? !(s < sigmas[i - 1]) : !(s > sigmas[i - 1]))) {
                throw new IllegalArgumentException("sigmas must be strictly " + (decreasing ? "decreasing" : "increasing")
                        + ": sigmas[" + (i - 1) + "] = " + sigmas[i - 1] + ", sigmas[" + i + "] = " + s);
            }
            times[i] = schedule.inverseLambda(-Math.log(s));
        }
        return times;
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
        return singlestepOuterGrid(schedule, GridSpacing.of(skip), tStart, tEnd, steps, orders);
    }

    /**
     * {@link #singlestepOuterGrid(NoiseSchedule, SkipType, double, double, int, int[])} with the
     * spacing's parameters.
     *
     * @param schedule the schedule
     * @param skip the spacing
     * @param tStart first time
     * @param tEnd last time
     * @param steps NFE budget
     * @param orders the orders from {@link #singlestepOrders}
     * @return {@code orders.length + 1} times
     */
    public static double[] singlestepOuterGrid(NoiseSchedule schedule, GridSpacing skip, double tStart, double tEnd,
                                               int steps, int[] orders) {
        if (skip.type() == SkipType.LOGSNR) {
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
