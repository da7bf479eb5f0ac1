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
        double t0 = equations.getTime();
        double[] y0 = equations.getCompleteState();
        IntegrationStatistics statistics = new IntegrationStatistics();
        DoubleVectorOps ops = DoubleVectorOps.serial();
        Nonlinearity<double[]> counted = (time, u, out) -> {
            getCounter().increment();
            problem.nonlinear(time, u, out);
        };
        Stepper<double[]> stepper = Steppers.create(method, problem.linearPart(), counted, ops, n, statistics);
        Run run = new Run(equations, stepper, y0, t);
        initIntegration(t0, y0, t);
        computeDerivatives(t0, run.y, run.yDot);
        isLastStep = false;
        new StepLoop<>(ops, stepper, statistics).hook(run).run(run, t0, y0, run.y);
        equations.setTime(stepStart);
        equations.setCompleteState(run.y);
        stepStart = Double.NaN;
        stepSize = Double.NaN;
    }

    /**
     * The run's control (constant steps, the last shortened to hit the end; finished when
     * Commons Math says the step was the last) and hook (dense output, step and event handlers
     * through {@code acceptStep}, which may stop the run or reset the state at an event).
     */
    private final class Run extends StepControl implements StepHook<double[]> {

        final double[] y;
        final double[] yDot;
        private final Stepper<double[]> stepper;
        private final HermiteStepInterpolator interpolator;
        private final boolean forward;

        Run(ExpandableStatefulODE equations, Stepper<double[]> stepper, double[] y0, double end) {
            super(end);
            this.stepper = stepper;
            this.forward = end > equations.getTime();
            this.y = y0.clone();
            this.yDot = new double[y0.length];
            this.interpolator = new HermiteStepInterpolator(y, forward, equations.getPrimaryMapper(),
                    equations.getSecondaryMappers());
            interpolator.storeTime(equations.getTime());
        }

        @Override
        public void start(double t0, double tau0, TimeMap map) {
            stepStart = t0;
        }

        @Override
        public boolean finished(double t) {
            return isLastStep;
        }

        @Override
        public void plan(double t, double tau) {
            double h = ExponentialFirstOrderIntegrator.this.step;
            stepSize = forward ? h : -h;
            if (forward ? t + stepSize >= end : t + stepSize <= end) {
                stepSize = end - t;
            }
            nextTime = t + stepSize;
            nextTau = nextTime;
            step = stepSize;
        }

        @Override
        public void beforeStep(int index, double t, double tNext, double tau, double h) {
            interpolator.shift();
            interpolator.setStart(y, yDot);
        }

        @Override
        public boolean hasAfterStep() {
            return true;
        }

        @Override
        public double afterStep(int index, double t, double[] state) {
            System.arraycopy(state, 0, y, 0, y.length);
            computeDerivatives(t, y, yDot);
            interpolator.setEnd(yDot);
            interpolator.storeTime(t);
            stepStart = acceptStep(interpolator, y, yDot, end);
            if (resetOccurred) {
                stepper.reset();
            }
            if (resetOccurred || stepStart != t) {
                // An event moved the run: continue from its time and state.
                System.arraycopy(y, 0, state, 0, y.length);
            }
            if (!isLastStep) {
                interpolator.storeTime(stepStart);
            }
            return stepStart;
        }
    }
}
