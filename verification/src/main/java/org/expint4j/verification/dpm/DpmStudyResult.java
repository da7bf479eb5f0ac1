package org.expint4j.verification.dpm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.expint4j.verification.io.AtomicFiles;

/**
 * What {@link DpmStudy#run()} measured: one {@link Measurement} per schedule, solver and rung of
 * its ladder, one {@link ReferenceCheck} per schedule, and the headline numbers derived from
 * them ({@link #needs}, {@link #headlines}). Renders as Markdown, CSV and a log-log plot.
 *
 * @param config the settings
 * @param mixture the data distribution
 * @param measurements the measurements, in run order
 * @param checks the reference checks
 * @param seconds wall time of the run
 */
public record DpmStudyResult(DpmStudy.Config config, MixtureSpec mixture, List<Measurement> measurements,
        List<ReferenceCheck> checks, double seconds) {

    /**
     * One run of one solver.
     *
     * @param schedule the schedule
     * @param solver the solver
     * @param control NFE target (fixed-step) or atol = rtol (adaptive)
     * @param nfe the NFE actually used
     * @param steps steps taken (0 for RK45, whose steps Commons Math does not report here)
     * @param rejected rejected trial steps (adaptive DPM-Solver)
     * @param medianError median over samples of \( \|x_b - x^{\mathrm{ref}}_b\|_2 \)
     * @param rmsError RMS over samples of the same
     * @param maxError largest per-sample error
     * @param sw2 sliced Wasserstein-2 distance to exact data samples
     * @param seconds wall time of the solve
     */
    public record Measurement(StudySchedule schedule, StudySolver solver, double control, long nfe, int steps,
            int rejected, double medianError, double rmsError, double maxError, double sw2, double seconds) {
    }

    /**
     * Accuracy of the reference solution and floors of the measures, per schedule.
     *
     * @param schedule the schedule
     * @param nfe NFE of the reference solution
     * @param medianHalving median per-sample distance to the solution with half the steps
     * @param maxHalving largest such distance
     * @param referenceSw2 sliced W2 of the reference solution to the exact samples (the floor of
     *     any ODE solver: \( t_\varepsilon > 0 \) and finite samples)
     * @param exactSw2 sliced W2 between two independent exact sample sets (finite-sample floor)
     * @param rk45GaussianError largest per-sample error of RK45 (tol 1e-9) on Gaussian data
     *     against the closed-form ODE solution (checks the probability-flow ODE in t)
     */
    public record ReferenceCheck(StudySchedule schedule, long nfe, double medianHalving, double maxHalving,
            double referenceSw2, double exactSw2, double rk45GaussianError) {

        /** @return the estimated median error of the reference, halving distance / (2^4 - 1) */
        public double estimatedMedianError() {
            return medianHalving / 15;
        }
    }

    /**
     * The headline for one schedule and target.
     *
     * @param schedule the schedule
     * @param target the median-error target
     * @param needs NFE needed per solver
     * @param best the DPM-Solver variant (order &ge; 2) needing the fewest
     */
    public record Headline(StudySchedule schedule, double target, Map<StudySolver, NfeToTarget> needs,
            StudySolver best) {

        /** @return DDIM's need over the best DPM-Solver's, as text ("n/a" without DDIM) */
        public String ddimRatio() {
            return ratio(StudySolver.DDIM, best);
        }

        /** @return RK45's need over the best DPM-Solver's, as text ("n/a" without RK45) */
        public String rk45Ratio() {
            return ratio(StudySolver.RK45, best);
        }

        /**
         * @param baseline the slower solver
         * @param against the faster solver
         * @return the baseline's need over the other's, as text: "4.2×", "&gt; 3.1×" (baseline
         *     not reached), "≤ 2.0×", a range when both are bounds, or "n/a" if one was not run
         */
        public String ratio(StudySolver baseline, StudySolver against) {
            if (against == null || !needs.containsKey(baseline) || !needs.containsKey(against)) {
                return "n/a";
            }
            return NfeToTarget.ratio(needs.get(baseline), needs.get(against));
        }
    }

    /**
     * One row of the goal table (issue #16): at an NFE budget, the median error of the best
     * deterministic fixed-step expint4j sampler against that of the best the reference code
     * offers, DPM-Solver++(3M) with its published formula on the log-SNR grid.
     *
     * @param schedule the schedule
     * @param nfe the NFE budget
     * @param goal the ratio to reach, best / reference
     * @param reference the reference code's best at that budget, as the issue defines it
     * @param referenceOptions the best measured row the reference code can run
     *     ({@link StudySolver#referenceCode()}): its best over its own options
     * @param best the measurement with the smallest median error at that budget (NFE &le; budget)
     */
    public record Goal(StudySchedule schedule, int nfe, double goal, Measurement reference,
            Measurement referenceOptions, Measurement best) {

        /** @return best median error over the reference's */
        public double ratio() {
            return best.medianError() / reference.medianError();
        }

        /** @return whether the ratio is at most the goal */
        public boolean met() {
            return ratio() <= goal;
        }

        /** @return best median error over that of the reference code's best over its options */
        public double ratioToReferenceOptions() {
            return best.medianError() / referenceOptions.medianError();
        }
    }

    /** NFE budgets of the goal table. */
    static final int[] GOAL_NFE = {10, 20};

    /** Goal ratios at those budgets: 0.5 at 10 NFE, 0.4 at 20. */
    static final double[] GOAL_RATIO = {0.5, 0.4};

    /**
     * The goal table, computed from the measurements: per schedule and budget of
     * {@link #GOAL_NFE} on the NFE ladder, the reference code's best
     * ({@link StudySolver#DPMPP_3M_REFERENCE}) against the smallest median error of any
     * deterministic fixed-step solver run at that target without exceeding it.
     *
     * @return the rows (none for a budget off the ladder or without the reference row)
     */
    public List<Goal> goals() {
        List<Goal> out = new ArrayList<>();
        for (StudySchedule s : config.schedules()) {
            for (int i = 0; i < GOAL_NFE.length; i++) {
                int nfe = GOAL_NFE[i];
                Measurement reference = null;
                Measurement referenceOptions = null;
                Measurement best = null;
                for (Measurement m : measurements) {
                    if (m.schedule != s || m.solver.adaptive() || m.solver.stochastic() || (int) m.control != nfe
                            || m.nfe > nfe || !(m.medianError >= 0)) {
                        continue;
                    }
                    if (m.solver == StudySolver.DPMPP_3M_REFERENCE) {
                        reference = m;
                    }
                    if (m.solver.referenceCode() && (referenceOptions == null
                            || m.medianError < referenceOptions.medianError)) {
                        referenceOptions = m;
                    }
                    if (best == null || m.medianError < best.medianError) {
                        best = m;
                    }
                }
                if (reference != null) {
                    out.add(new Goal(s, nfe, GOAL_RATIO[i], reference, referenceOptions, best));
                }
            }
        }
        return out;
    }

    /**
     * @param schedule the schedule
     * @param solver the solver
     * @return its measurements in increasing NFE
     */
    public List<Measurement> curve(StudySchedule schedule, StudySolver solver) {
        return measurements.stream().filter(m -> m.schedule == schedule && m.solver == solver)
                .sorted(java.util.Comparator.comparingLong(Measurement::nfe)
                        .thenComparing(Measurement::medianError))
                .toList();
    }

    /**
     * @param schedule the schedule
     * @param solver the solver
     * @param target the median-error target
     * @return the NFE the solver needs
     */
    public NfeToTarget needs(StudySchedule schedule, StudySolver solver, double target) {
        List<Measurement> c = curve(schedule, solver);
        return NfeToTarget.of(c.stream().mapToLong(Measurement::nfe).toArray(),
                c.stream().mapToDouble(Measurement::medianError).toArray(), target);
    }

    /** @return one headline per schedule and target (ODE solvers only: SDE rows have no ODE error) */
    public List<Headline> headlines() {
        List<Headline> out = new ArrayList<>();
        for (StudySchedule s : config.schedules()) {
            for (double target : config.targets()) {
                Map<StudySolver, NfeToTarget> needs = new EnumMap<>(StudySolver.class);
                StudySolver best = null;
                for (StudySolver solver : config.solvers()) {
                    if (solver.stochastic()) {
                        continue;
                    }
                    NfeToTarget n = needs(s, solver, target);
                    needs.put(solver, n);
                    if (solver.dpmSolver() && (best == null || n.high() < needs.get(best).high()
                            || n.high() == needs.get(best).high() && n.value() < needs.get(best).value())) {
                        best = solver;
                    }
                }
                out.add(new Headline(s, target, needs, best));
            }
        }
        return out;
    }

    /** @return the study as a Markdown report */
    public String toMarkdown() {
        return StudyReport.markdown(this);
    }

    /**
     * Writes every measurement as one CSV row (atomically).
     *
     * @param file the target
     * @throws IOException if writing fails
     */
    public void writeCsv(Path file) throws IOException {
        StringBuilder b = new StringBuilder("schedule,solver,control,nfe,steps,rejected,median_error,rms_error,"
                + "max_error,sliced_w2,seconds\n");
        for (Measurement m : measurements) {
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.6e,%.6e,%.6e,%.6e,%.4f%n", m.schedule.key(),
                    m.solver.name(), m.solver.adaptive() ? String.format(Locale.ROOT, "%.1e", m.control)
                            : String.valueOf((int) m.control),
                    m.nfe, m.steps, m.rejected, m.medianError, m.rmsError, m.maxError, m.sw2, m.seconds));
        }
        AtomicFiles.writeString(file, b.toString());
    }

    /**
     * Writes the Markdown report (atomically).
     *
     * @param file the target
     * @throws IOException if writing fails
     */
    public void writeMarkdown(Path file) throws IOException {
        AtomicFiles.writeString(file, toMarkdown());
    }

    /**
     * Writes median error vs NFE, log-log, one panel per schedule and one line per solver.
     *
     * @param png the PNG target, or {@code null}
     * @param svg the SVG target, or {@code null}
     * @throws IOException if writing fails
     */
    public void writePlot(Path png, Path svg) throws IOException {
        StudyPlot.write(this, png, svg);
    }

    @Override
    public String toString() {
        return "DpmStudyResult[" + measurements.size() + " measurements, " + Arrays.toString(
                config.schedules().toArray()) + ", " + String.format(Locale.ROOT, "%.1f s]", seconds);
    }
}
