package org.expint4j.diffusion.sampler;

import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.integrate.ExponentialRungeKuttaStepper;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.Stepper;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.HochbruckOstermann4;
import org.expint4j.vector.VectorOps;

/**
 * Single-step DPM-Solver as one {@link Stepper} for the step loop: before step \(i\),
 * {@link #select} picks the step's order and writes the node-dependent tableau of that order at
 * the step's ratios \(r_1, r_2\) (taken from the inner grid of the step, as the reference does);
 * the steps then run on the exponential Runge–Kutta stepper of that order (order 4: the
 * five-stage Hochbruck–Ostermann method). One stepper per order, created on first use.
 *
 * @param <V> vector type
 */
final class DpmSinglestep<V> implements Stepper<V> {

    private final int[] orders;
    private final double[] grid;
    private final GridSpacing spacing;
    private final SolverType solverType;
    private final NoiseSchedule schedule;
    private final LambdaDynamics<V> dynamics;
    private final VectorOps<V> ops;
    private final int length;
    private final IntegrationStatistics statistics;
    @SuppressWarnings("unchecked")
    private final ExponentialRungeKuttaStepper<V>[] steppers = new ExponentialRungeKuttaStepper[5];
    private ExponentialRungeKuttaStepper<V> current;

    /**
     * @param orders the order of every step
     * @param grid the step boundaries, {@code orders.length + 1} times
     */
    DpmSinglestep(int[] orders, double[] grid, SampleOptions o, NoiseSchedule schedule, LambdaDynamics<V> dynamics,
                  VectorOps<V> ops, int length, IntegrationStatistics statistics) {
        this.orders = orders;
        this.grid = grid;
        this.spacing = o.spacing();
        this.solverType = o.solverType;
        this.schedule = schedule;
        this.dynamics = dynamics;
        this.ops = ops;
        this.length = length;
        this.statistics = statistics;
        select(1);
    }

    /** @param step the index of the next step, from 1 */
    void select(int step) {
        int order = orders[step - 1];
        ExponentialRungeKuttaStepper<V> stepper = steppers[order];
        if (stepper == null) {
            stepper = order == 4
                    ? new ExponentialRungeKuttaStepper<>(new HochbruckOstermann4(), dynamics.linearPart(), dynamics,
                            ops, length, statistics)
                    : new ExponentialRungeKuttaStepper<>(DpmMethods.singlestep(order, solverType),
                            DpmCoefficients.newSinglestepTableau(order), dynamics.linearPart(), dynamics, ops, length,
                            statistics);
            steppers[order] = stepper;
        }
        if (order > 1 && order <= 3) {
            // r1, r2 from the inner grid of the step, as the reference computes them.
            double s = grid[step - 1];
            double t = grid[step];
            double l0 = schedule.lambda(s);
            double h = schedule.lambda(t) - l0;
            double r1 = (schedule.lambda(SamplingGrids.timeStep(schedule, spacing, s, t, order, 1)) - l0) / h;
            double r2 = order == 3
                    ? (schedule.lambda(SamplingGrids.timeStep(schedule, spacing, s, t, order, 2)) - l0) / h
                    : Double.NaN;
            DpmCoefficients.singlestep(stepper.tableau(), order, solverType, r1, r2);
        } else if (order == 1) {
            DpmCoefficients.singlestep(stepper.tableau(), 1, solverType, Double.NaN, Double.NaN);
        }
        current = stepper;
    }

    @Override
    public ExponentialMethod method() {
        return current.method();
    }

    @Override
    public void reset() {
        for (ExponentialRungeKuttaStepper<V> s : steppers) {
            if (s != null) {
                s.reset();
            }
        }
    }

    @Override
    public void step(double t, double h, V u, V out) {
        current.step(t, h, u, out);
    }

    @Override
    public double stepMaxAbs(double t, double h, V u, V out) {
        return current.stepMaxAbs(t, h, u, out);
    }

    @Override
    public int firstNonFiniteStage() {
        return current.firstNonFiniteStage();
    }

    @Override
    public double stageTime(int stage) {
        return current.stageTime(stage);
    }

    @Override
    public boolean hasEmbedded() {
        return false;
    }
}
