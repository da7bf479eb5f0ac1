package org.expint4j.verification.dpm;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.expint4j.diffusion.model.DiffusionModel;

/**
 * The black-box baseline: Commons Math's adaptive Dormand–Prince 5(4) ("RK45", as in ScoreSDE)
 * on the probability-flow ODE in the original time \(t\),
 * \[ \frac{\mathrm{d}x}{\mathrm{d}t} = f(t)\,x - \tfrac12 g^2(t)\,\nabla_x\log p_t(x)
 * = f(t)\,x + \frac{g^2(t)}{2\sigma_t}\,\hat\epsilon(x, t), \]
 * with \( f = \mathrm{d}\log\alpha_t/\mathrm{d}t \) and
 * \( g^2 = \mathrm{d}\sigma_t^2/\mathrm{d}t - 2f\sigma_t^2 \), i.e.
 * \( \mathrm{d}x/\mathrm{d}t = f x + c\,\hat\epsilon \) with
 * \( c = g^2/(2\sigma_t) = \dot\sigma_t - f\sigma_t \) ({@link StudySchedule#noiseCoefficient}). For a VP schedule
 * \( \sigma_t^2 = 1 - \alpha_t^2 \) gives \( \mathrm{d}\sigma_t^2/\mathrm{d}t = -2f\alpha_t^2 \),
 * hence \( g^2 = -2f(\alpha_t^2 + \sigma_t^2) = -2f \) and
 * \[ \frac{\mathrm{d}x}{\mathrm{d}t} = f(t)\Big(x - \frac{\hat\epsilon(x, t)}{\sigma_t}\Big). \]
 * (Check: for data \(N(0, I)\), \(\hat\epsilon = \sigma_t x\) and \(x\) stays constant.) For the
 * flow path \( \alpha_t = 1 - t \), \( \sigma_t = t \): \( f = -1/(1-t) \), \( c = 1/(1-t) \).
 *
 * <p>The batch of \(B\) samples is one system of dimension \(BD\) sharing the step size, as a
 * batched sampler would run it; one right-hand side on the batch is one NFE. The integrator's
 * error norm is the RMS over all components of \( e_i/(\mathrm{atol} + \mathrm{rtol}|y_i|) \).
 */
public final class ProbabilityFlowRk45 {

    private final DiffusionModel<double[]> noise;
    private final DoubleUnaryOperator drift;
    private final DoubleUnaryOperator noiseCoefficient;

    /**
     * @param noise \( \hat\epsilon(x, t) \) at continuous time \(t\)
     * @param drift \( f(t) = \mathrm{d}\log\alpha_t/\mathrm{d}t \)
     * @param noiseCoefficient \( c(t) = \dot\sigma_t - f(t)\sigma_t \)
     */
    public ProbabilityFlowRk45(DiffusionModel<double[]> noise, DoubleUnaryOperator drift,
            DoubleUnaryOperator noiseCoefficient) {
        this.noise = noise;
        this.drift = drift;
        this.noiseCoefficient = noiseCoefficient;
    }

    /**
     * @param noise \( \hat\epsilon(x, t) \) at continuous time \(t\)
     * @param schedule the schedule whose probability-flow ODE is integrated
     * @return the baseline on that schedule's ODE
     */
    public static ProbabilityFlowRk45 of(DiffusionModel<double[]> noise, StudySchedule schedule) {
        return new ProbabilityFlowRk45(noise, schedule::drift, schedule::noiseCoefficient);
    }

    /**
     * Integrates from {@code tStart} to {@code tEnd} in place.
     *
     * @param x the batch at {@code tStart}, replaced by the solution at {@code tEnd}
     * @param tStart start time
     * @param tEnd end time
     * @param tolerance atol = rtol of the step-size control
     * @return the number of right-hand-side evaluations (NFE)
     */
    public long solve(double[] x, double tStart, double tEnd, double tolerance) {
        final long[] evaluations = new long[1];
        final double[] eps = new double[x.length];
        FirstOrderDifferentialEquations ode = new FirstOrderDifferentialEquations() {
            @Override
            public int getDimension() {
                return x.length;
            }

            @Override
            public void computeDerivatives(double t, double[] y, double[] yDot) {
                evaluations[0]++;
                noise.evaluate(y, t, eps);
                double f = drift.applyAsDouble(t);
                double c = noiseCoefficient.applyAsDouble(t);
                for (int i = 0; i < y.length; i++) {
                    yDot[i] = f * y[i] + c * eps[i];
                }
            }
        };
        // No minimum step: at the schedule's jumps in f the controller may shrink the step a lot.
        DormandPrince54Integrator integrator = new DormandPrince54Integrator(0, Math.abs(tEnd - tStart),
                tolerance, tolerance);
        integrator.setMaxEvaluations(10_000_000);
        integrator.integrate(ode, tStart, x.clone(), tEnd, x);
        return evaluations[0];
    }
}
