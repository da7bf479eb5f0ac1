package org.expint4j.diffusion.sampler;

import org.expint4j.diffusion.schedule.NoiseSchedule;

/** Checks of the sampling options; every message names the offending value. */
final class SampleValidation {

    private SampleValidation() {
    }

    static void check(NoiseSchedule schedule, int length, SampleOptions o, double tStart, double tEnd,
                      boolean inverse) {
        checkMultistepSampler(o);
        if (!(o.order >= 1 && o.order <= 4)) {
            throw new IllegalArgumentException("order must be 1, 2, 3 or 4, got " + o.order);
        }
        if (o.order == 4 && (o.method == SamplingMethod.SINGLESTEP || o.method == SamplingMethod.ADAPTIVE)) {
            throw new IllegalArgumentException("order 4 is available with the multistep and singlestep_fixed methods, not "
                    + o.method.name().toLowerCase());
        }
        if (o.method == SamplingMethod.ADAPTIVE && !(o.order == 2 || o.order == 3)) {
            throw new IllegalArgumentException("the adaptive method has order 2 or 3, got " + o.order);
        }
        if (length == 0) {
            throw new IllegalArgumentException("the state is empty: a batch needs at least one sample of one value");
        }
        if (o.batchSize < 1 || length % o.batchSize != 0) {
            throw new IllegalArgumentException("batch size " + o.batchSize + " does not divide the state length " + length);
        }
        o.spacing(); // building the spacing checks rho and the flow shift
        if (o.timeGrid != null && o.method != SamplingMethod.ADAPTIVE) {
            checkGrid(schedule, o.timeGrid, inverse);
        } else {
            checkTime(schedule, "t_start", tStart);
            checkTime(schedule, "t_end", tEnd);
            if (!inverse && !(tEnd < tStart)) {
                throw new IllegalArgumentException("t_end = " + tEnd + " must be smaller than t_start = " + tStart
                        + " when sampling");
            }
            if (inverse && !(tEnd > tStart)) {
                throw new IllegalArgumentException("t_end = " + tEnd + " must be larger than t_start = " + tStart
                        + " for the inverse map");
            }
        }
        if (o.method != SamplingMethod.ADAPTIVE && o.timeGrid == null) {
            if (o.steps < 1 || o.steps > SampleOptions.MAX_STEPS) {
                throw new IllegalArgumentException("steps must be in [1, " + SampleOptions.MAX_STEPS + "], got "
                        + o.steps);
            }
            if (o.method == SamplingMethod.MULTISTEP && o.steps < o.order) {
                throw new IllegalArgumentException("multistep order " + o.order + " needs at least " + o.order
                        + " steps, got " + o.steps);
            }
            if (o.method == SamplingMethod.SINGLESTEP_FIXED && o.steps < DpmSolver.stagesOf(o.order)) {
                throw new IllegalArgumentException("singlestep_fixed order " + o.order + " needs at least "
                        + DpmSolver.stagesOf(o.order) + " steps, got " + o.steps);
            }
        }
        if (o.method == SamplingMethod.MULTISTEP && o.timeGrid != null && o.timeGrid.length - 1 < o.order) {
            throw new IllegalArgumentException("multistep order " + o.order + " needs at least " + o.order
                    + " steps, the time grid has " + (o.timeGrid.length - 1));
        }
        if (o.method == SamplingMethod.ADAPTIVE) {
            positive("atol", o.atol);
            positive("rtol", o.rtol);
            if (o.rtol < SampleOptions.MIN_RTOL) {
                throw new IllegalArgumentException("rtol = " + o.rtol + " is below what double precision resolves: the"
                        + " embedded error estimate needs rtol >= " + SampleOptions.MIN_RTOL);
            }
            positive("h_init", o.hInit);
            positive("t_err", o.tErr);
            if (!(o.tErr < Math.abs(tStart - tEnd))) {
                throw new IllegalArgumentException("t_err = " + o.tErr + " must be smaller than the interval |t_start - "
                        + "t_end| = " + Math.abs(tStart - tEnd) + ", or the adaptive method would take no step");
            }
            if (!(o.theta > 0 && o.theta <= 1)) {
                throw new IllegalArgumentException("theta must be in (0, 1], got " + o.theta);
            }
        }
    }

    /** The SDE options: η and the noise scale, and where the stochastic variants are defined. */
    static void checkSde(SampleOptions o, Algorithm algorithm, boolean inverse) {
        if (!(o.eta >= 0) || Double.isInfinite(o.eta)) {
            throw new IllegalArgumentException("eta must be finite and >= 0, got " + o.eta);
        }
        if (!(o.sNoise >= 0) || Double.isInfinite(o.sNoise)) {
            throw new IllegalArgumentException("s_noise must be finite and >= 0, got " + o.sNoise);
        }
        if (o.eta == 0) {
            return;
        }
        String sde = "eta = " + o.eta + " (SDE sampling) ";
        if (algorithm != Algorithm.DPMSOLVER_PLUS_PLUS) {
            throw new IllegalArgumentException(sde + "needs data prediction (dpmsolver++), not "
                    + algorithm.name().toLowerCase());
        }
        if (o.method != SamplingMethod.MULTISTEP) {
            throw new IllegalArgumentException(sde + "needs the multistep method, not " + o.method.name().toLowerCase());
        }
        if (o.warmup != SampleOptions.Warmup.LOWER_ORDER) {
            throw new IllegalArgumentException(sde + "needs the lower_order warm-up, not "
                    + o.warmup.name().toLowerCase());
        }
        if (inverse) {
            throw new IllegalArgumentException(sde + "samples; the inverse map is the ODE's (eta = 0)");
        }
        if (o.noise == null) {
            throw new IllegalArgumentException(sde + "needs a noise source");
        }
        if (o.sampler != Sampler.DPM_SOLVER || o.usesCorrector()) {
            // The UniC correction would need the step's noise too: not defined here.
            throw new IllegalArgumentException(sde + "is defined for DPM-Solver++ without a corrector, not "
                    + o.sampler.label() + (o.usesCorrector() ? " with the UniC corrector" : ""));
        }
    }

    /** UniPC, DEIS, iPNDM and the UniC corrector are multistep-only. */
    private static void checkMultistepSampler(SampleOptions o) {
        if (o.sampler != Sampler.DPM_SOLVER) {
            String name = o.sampler.label();
            if (o.method != SamplingMethod.MULTISTEP) {
                throw new IllegalArgumentException(name + " is a multistep sampler; method "
                        + o.method.name().toLowerCase() + " is not available with it");
            }
            if (!(o.order >= 1 && o.order <= Sampler.MAX_ORDER)) {
                throw new IllegalArgumentException(name + " order must be 1, 2, 3 or 4, got " + o.order);
            }
            if (o.sampler != Sampler.UNIPC && o.usesCorrector()) {
                throw new IllegalArgumentException("the UniC corrector follows DPM-Solver and UniPC predictors, not "
                        + name);
            }
        }
        if (o.usesCorrector() && o.method != SamplingMethod.MULTISTEP) {
            throw new IllegalArgumentException("the UniC corrector follows a multistep predictor; method "
                    + o.method.name().toLowerCase() + " has none");
        }
    }

    private static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }

    private static void checkTime(NoiseSchedule schedule, String name, double t) {
        if (!(t > 0) || !(t <= schedule.tMax()) || Double.isNaN(t)) {
            throw new IllegalArgumentException(name + " = " + t + " is outside the schedule's range (0, "
                    + schedule.tMax() + "]");
        }
        // A discrete schedule extrapolates log α linearly below 1/N; far enough down α exceeds 1.
        if (!Double.isFinite(schedule.lambda(t))) {
            throw new IllegalArgumentException(name + " = " + t + " is below where the schedule is defined: log α("
                    + t + ") = " + schedule.logAlpha(t) + " gives no finite log-SNR");
        }
    }

    private static void checkGrid(NoiseSchedule schedule, double[] grid, boolean inverse) {
        if (grid.length < 2 || grid.length > SampleOptions.MAX_STEPS + 1) {
            throw new IllegalArgumentException("a time grid needs 2 to " + (SampleOptions.MAX_STEPS + 1)
                    + " times, got " + grid.length);
        }
        for (int i = 0; i < grid.length; i++) {
            checkTime(schedule, "time grid[" + i + "]", grid[i]);
            if (i > 0 && (inverse ? !(grid[i] > grid[i - 1]) : !(grid[i] < grid[i - 1]))) {
                throw new IllegalArgumentException("time grid must be strictly " + (inverse ? "increasing" : "decreasing")
                        + ": grid[" + (i - 1) + "] = " + grid[i - 1] + ", grid[" + i + "] = " + grid[i]);
            }
        }
    }

    /**
     * @return the times of the user σ grid of {@code o}, checked
     * @throws IllegalArgumentException if a time grid is given too, or a σ is invalid (naming it)
     */
    static double[] sigmaGrid(NoiseSchedule schedule, SampleOptions o, boolean inverse) {
        if (o.timeGrid != null) {
            throw new IllegalArgumentException("give a time grid or a sigma grid, not both");
        }
        double[] times = SamplingGrids.timesOfSigmas(schedule, o.sigmaGrid, !inverse);
        for (int i = 0; i < times.length; i++) {
            // The σ̃ of T itself may come back a few ulps above T through t(λ): that is T.
            if (times[i] > schedule.tMax() && times[i] <= schedule.tMax() * (1 + 8 * Math.ulp(1.0))) {
                times[i] = schedule.tMax();
            }
            if (!(times[i] > 0 && times[i] <= schedule.tMax()) || !Double.isFinite(schedule.lambda(times[i]))) {
                throw new IllegalArgumentException("sigmas[" + i + "] = " + o.sigmaGrid[i] + " maps to time "
                        + times[i] + ", outside the schedule's range (0, " + schedule.tMax() + "]");
            }
        }
        return times;
    }
}
