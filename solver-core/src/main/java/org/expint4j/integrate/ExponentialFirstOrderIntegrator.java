package org.expint4j.integrate;

import org.apache.commons.math3.ode.AbstractIntegrator;
import org.apache.commons.math3.ode.ExpandableStatefulODE;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.SemilinearProblem;
import org.expint4j.vector.DoubleVectorOps;

/**
 * Any catalogue method as a Commons Math 3 {@code FirstOrderIntegrator}, with a fixed step size:
 * a Commons Math user swaps {@code DormandPrince853Integrator} for, say, {@code hochost4} on a
 * {@link SemilinearProblem}, and step handlers, event handlers and the evaluation limit keep
 * working. Dense output is the cubic Hermite {@link HermiteStepInterpolator}; it needs
 * \(f(t_{n+1}, y_{n+1})\), so each step costs one evaluation of \(N\) more than the method's
 * stages (reported by {@code getEvaluations()}, which counts every evaluation of \(N\)).
 *
 * <pre>{@code
 * FirstOrderIntegrator integrator = new ExponentialFirstOrderIntegrator(MethodRegistry.byName("hochost4"), 0.01);
 * integrator.addStepHandler(handler);
 * integrator.integrate(problem, 0.0, y0, 1.0, y1);
 * }</pre>
 *
 * <p>Only the primary equation is supported (no secondary equations), and it must be a
 * {@link SemilinearProblem}. After an event resets the state, a multistep method restarts its
 * history. Not thread-safe, like every Commons Math integrator.
 */
public final class ExponentialFirstOrderIntegrator extends AbstractIntegrator {

    private final ExponentialMethod method;
    private final double step;

    /**
     * @param method the method
     * @param step the step size, positive and finite (the last step is shortened to hit the end)
     * @throws IllegalArgumentException for a bad step size
     */
    public ExponentialFirstOrderIntegrator(ExponentialMethod method, double step) {
        super(method.name());
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("step size must be positive and finite, got " + step);
        }
        this.method = method;
        this.step = step;
    }

    @Override
    public void integrate(ExpandableStatefulODE equations, double t) {
        sanityChecks(equations, t);
        setEquations(equations);
        if (!(equations.getPrimary() instanceof SemilinearProblem problem)) {
            throw new IllegalArgumentException("an exponential integrator needs a SemilinearProblem, got "
                    + equations.getPrimary().getClass().getName());
        }
        int n = problem.getDimension();
        if (equations.getTotalDimension() != n) {
            throw new IllegalArgumentException("secondary equations are not supported: total dimension "
                    + equations.getTotalDimension() + " exceeds the primary dimension " + n);
        }
        boolean forward = t > equations.getTime();
        double[] y0 = equations.getCompleteState();
        double[] y = y0.clone();
        double[] next = new double[n];
        double[] yDot = new double[n];
        IntegrationStatistics statistics = new IntegrationStatistics();
        DoubleVectorOps ops = DoubleVectorOps.serial();
        Nonlinearity<double[]> counted = (time, u, out) -> {
            getCounter().increment();
            problem.nonlinear(time, u, out);
        };
        Stepper<double[]> stepper = Steppers.create(method, problem.linearPart(), counted, ops, n, statistics);
        HermiteStepInterpolator interpolator = new HermiteStepInterpolator(y, forward,
                equations.getPrimaryMapper(), equations.getSecondaryMappers());
        interpolator.storeTime(equations.getTime());
        stepStart = equations.getTime();
        stepSize = forward ? step : -step;
        if (forward ? stepStart + stepSize >= t : stepStart + stepSize <= t) {
            stepSize = t - stepStart;
        }
        initIntegration(equations.getTime(), y0, t);
        computeDerivatives(stepStart, y, yDot);
        isLastStep = false;
        int index = 0;
        do {
            interpolator.shift();
            interpolator.setStart(y, yDot);
            double max = stepper.stepMaxAbs(stepStart, stepSize, y, next);
            index++;
            if (!Double.isFinite(max)) {
                throw FixedStepIntegrator.nonFinite(ops, stepper, index, stepStart, y, statistics);
            }
            System.arraycopy(next, 0, y, 0, n);
            computeDerivatives(stepStart + stepSize, y, yDot);
            interpolator.setEnd(yDot);
            interpolator.storeTime(stepStart + stepSize);
            stepStart = acceptStep(interpolator, y, yDot, t);
            if (resetOccurred) {
                stepper.reset();
            }
            if (!isLastStep) {
                interpolator.storeTime(stepStart);
                double nextT = stepStart + stepSize;
                if (forward ? nextT >= t : nextT <= t) {
                    stepSize = t - stepStart;
                }
            }
        } while (!isLastStep);
        equations.setTime(stepStart);
        equations.setCompleteState(y);
        stepStart = Double.NaN;
        stepSize = Double.NaN;
    }
}
