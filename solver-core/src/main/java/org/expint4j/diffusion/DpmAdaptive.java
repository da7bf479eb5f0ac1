package org.expint4j.diffusion;

import java.util.List;
import org.expint4j.integrate.ExponentialRungeKuttaStepper;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.MaxStepsExceededException;
import org.expint4j.integrate.NonFiniteValueException;
import org.expint4j.integrate.StepObserver;
import org.expint4j.method.NumericTableau;
import org.expint4j.vector.VectorOps;

/**
 * The reference's adaptive DPM-Solver-12 / DPM-Solver-23 (paper App. C, Alg. 6/7) on the
 * framework's embedded stepper: the higher-order update and the lower-order one share their
 * stages (the embedded weights of {@link DpmCoefficients#embedded}). The controller is the
 * reference's, not the framework's: with \(\delta = \max(\mathrm{atol}, \mathrm{rtol}\max(|x_{low}|,
 * |x_{prev}|))\) element-wise, \(E = \max_{b} \mathrm{RMS}_b((x_{high} - x_{low})/\delta)\) over
 * the samples \(b\) of the batch; accept when \(E \le 1\); then
 * \(h \leftarrow \min(\theta h E^{-1/k}, \lambda_0 - \lambda_s)\) with \(k\) the order; every
 * trial costs \(k\) evaluations. The reference rounds \(h\) to single precision; this port keeps
 * double, so step sequences may differ in the last digits.
 *
 * <p>Unlike the reference, the run always ends on \(t_{\mathrm{end}}\) exactly, in \(t\) and in
 * \(\lambda\): the first step is clipped to the interval like every other, and a trial step that
 * reaches \(\lambda(t_{\mathrm{end}})\) or ends within \(t_{\mathrm{err}}\) of \(t_{\mathrm{end}}\)
 * ends on it (the reference stops within \(t_{\mathrm{err}}\), at a time \(t(\lambda)\)
 * recomputed with rounding, and its unclipped first step can overshoot a short interval).
 *
 * @param <V> vector type
 */
final class DpmAdaptive<V> {

    /** Trial steps after which the run is stopped (the reference has no limit). */
    static final int MAX_TRIALS = 100_000;

    private final NoiseSchedule schedule;
    private final VectorOps<V> ops;
    private final LambdaDynamics<V> dynamics;
    private final IntegrationStatistics statistics;

    DpmAdaptive(NoiseSchedule schedule, VectorOps<V> ops, LambdaDynamics<V> dynamics,
                IntegrationStatistics statistics) {
        this.schedule = schedule;
        this.ops = ops;
        this.dynamics = dynamics;
        this.statistics = statistics;
    }

    SampleResult run(V x, SampleOptions o, double tStart, double tEnd, List<StepObserver<V>> observers) {
        int order = o.order;
        int length = ops.length(x);
        int batch = o.batchSize;
        double r1 = order == 2 ? 0.5 : 1.0 / 3.0;
        NumericTableau tableau = DpmCoefficients.newSinglestepTableau(order);
        DpmCoefficients.singlestep(tableau, order, o.solverType, r1, 2.0 / 3.0);
        DpmCoefficients.embedded(tableau, o.solverType, r1);
        ExponentialRungeKuttaStepper<V> stepper = new ExponentialRungeKuttaStepper<>(
                DpmMethods.singlestep(order, o.solverType), tableau, dynamics.linearPart(), dynamics, ops, length,
                statistics);
        V y = ops.allocate(length);
        V yHigh = ops.allocate(length);
        double[] high = new double[length];
        double[] low = new double[length];
        double[] previous = new double[length];
        ops.toArray(x, previous);
        double s = tStart;
        double lambdaS = schedule.lambda(s);
        double lambda0 = schedule.lambda(tEnd);
        double direction = Math.signum(lambda0 - lambdaS);
        double h = o.hInit;
        int accepted = 0;
        int rejected = 0;
        while (s != tEnd) {
            if (accepted + rejected >= MAX_TRIALS) {
                throw new MaxStepsExceededException("adaptive DPM-Solver used " + MAX_TRIALS
                        + " trial steps and reached t = " + s + " of t_end = " + tEnd + " (atol = " + o.atol
                        + ", rtol = " + o.rtol + ")", statistics.snapshot(), s, toArray(x));
            }
            // Never past t_end: a step that reaches it, or ends within t_err of it, ends on it exactly.
            double t = tEnd;
            double lambdaT = lambda0;
            if (h < Math.abs(lambda0 - lambdaS)) {
                double inner = schedule.inverseLambda(lambdaS + direction * h);
                if (Math.abs(inner - tEnd) > o.tErr && (inner - tEnd) * (s - tEnd) > 0) {
                    t = inner;
                    lambdaT = schedule.lambda(t);
                }
            }
            double taken = lambdaT - lambdaS;
            dynamics.knownTime(lambdaS, s);
            dynamics.scaleInto(1 / dynamics.scale(s), x, y);
            stepper.step(lambdaS, taken, y, yHigh);
            V yLow = stepper.embeddedSolution(y);
            double scaleT = dynamics.scale(t);
            ops.toArray(yHigh, high);
            ops.toArray(yLow, low);
            double error = 0;
            boolean finite = true;
            int d = length / batch;
            for (int b = 0; b < batch; b++) {
                double sum = 0;
                for (int i = b * d; i < (b + 1) * d; i++) {
                    double xl = scaleT * low[i];
                    double xh = scaleT * high[i];
                    finite &= Double.isFinite(xh) && Double.isFinite(xl);
                    double delta = Math.max(o.atol, o.rtol * Math.max(Math.abs(xl), Math.abs(previous[i])));
                    double e = (xh - xl) / delta;
                    sum += e * e;
                }
                error = Math.max(error, Math.sqrt(sum / d));
            }
            if (!finite) {
                int stage = stepper.firstNonFiniteStage();
                double at = stage >= 0 ? dynamics.timeOf(stepper.stageTime(stage)) : s;
                throw new NonFiniteValueException(accepted + 1, at, stage, statistics.snapshot(), s, toArray(x));
            }
            // An estimate that overflowed with finite states is a rejection like any other.
            if (error <= 1) {
                dynamics.scaleInto(scaleT, yHigh, x);
                for (int i = 0; i < length; i++) {
                    previous[i] = scaleT * low[i];
                }
                s = t;
                lambdaS = lambdaT;
                accepted++;
                statistics.addAccepted();
                for (int k = 0; k < observers.size(); k++) {
                    observers.get(k).stepAccepted(accepted, s, x, taken, statistics.evaluations());
                }
            } else {
                rejected++;
                statistics.addRejected();
            }
            // E = 0 proposes an infinite step, which the next trial clips to the rest of the interval.
            h = error == 0 ? Double.POSITIVE_INFINITY : o.theta * Math.abs(taken) * Math.pow(error, -1.0 / order);
        }
        return new SampleResult(0, accepted, rejected, s);
    }

    private double[] toArray(V v) {
        double[] values = new double[ops.length(v)];
        ops.toArray(v, values);
        return values;
    }
}
