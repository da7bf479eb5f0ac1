package org.expint4j.diffusion.sampler;

import org.expint4j.diffusion.model.DiffusionModel;
import org.expint4j.diffusion.model.X0Correction;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.integrate.TimeMap;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.VectorOps;

/**
 * The change of variables that makes DPM-Solver an exponential integrator: time
 * \(\lambda = \log(\alpha_t/\sigma_t)\), state \(y = x/\alpha_t\) (data prediction, \(L = -1\),
 * \(N = \hat x_0\)) or \(y = x/\sigma_t\) (noise prediction, \(L = +1\), \(N = -\hat\epsilon\)).
 * Evaluating \(N\) maps \(\lambda\) back to \(t\), rebuilds \(x\), calls the model once and
 * converts its noise prediction; all with preallocated buffers.
 *
 * @param <V> vector type
 */
final class LambdaDynamics<V> implements Nonlinearity<V> {

    private final DiffusionModel<V> noiseModel;
    private final NoiseSchedule schedule;
    private final VectorOps<V> ops;
    private final Algorithm algorithm;
    private final X0Correction<V> correction;
    private final double[] one = new double[1];
    private final double[] two = new double[2];
    private final V[] single;
    private final V[] pair;
    private V x;
    private V eps;
    private boolean stateIsX;
    /** η of the SDE variants: L = -(1 + η), N = (1 + η) x̂0 (data prediction only). */
    private double eta;
    private double knownLambda = Double.NaN;
    private double knownTime;
    private double knownEndLambda = Double.NaN;
    private double knownEndTime;

    LambdaDynamics(DiffusionModel<V> noiseModel, NoiseSchedule schedule, VectorOps<V> ops, Algorithm algorithm,
                   X0Correction<V> correction) {
        this.noiseModel = noiseModel;
        this.schedule = schedule;
        this.ops = ops;
        this.algorithm = algorithm;
        this.correction = correction;
        this.single = ops.newArray(1);
        this.pair = ops.newArray(2);
    }

    /** @return the linear part in λ-time: -1 for data prediction, +1 for noise prediction */
    ScalarLinearPart linearPart() {
        return new ScalarLinearPart(algorithm == Algorithm.DPMSOLVER_PLUS_PLUS ? -(1 + eta) : 1);
    }

    /**
     * Sets \(\eta \ge 0\) of the SDE family (data prediction): in \(\lambda\)-time the reverse SDE with
     * \(\eta\) is \( dy = -(1+\eta)(y - \hat x_0)\,d\lambda + \sqrt{2\eta}\,e^{-\lambda}\,dW_\lambda \), so its drift
     * is semilinear with \(L = -(1+\eta)\) and \(N = (1+\eta)\hat x_0\); \(\eta = 0\) is the ODE.
     */
    void eta(double value) {
        eta = value;
    }

    /** Prepares buffers for states of the given length (once per length). */
    void ensureLength(int length) {
        if (x == null || ops.length(x) != length) {
            x = ops.allocate(length);
            eps = ops.allocate(length);
        }
    }

    /**
     * The state scale: \(y = x/\mathrm{scale}(t)\).
     *
     * @param t the time
     * @return \(\alpha_t\) for data prediction, \(\sigma_t\) for noise prediction
     */
    double scale(double t) {
        return algorithm == Algorithm.DPMSOLVER_PLUS_PLUS ? schedule.alpha(t) : schedule.sigma(t);
    }

    /**
     * Declares that \(\lambda\) belongs to the grid time {@code t}, so the model is called at
     * exactly that time rather than at \(t(\lambda)\) recomputed (as the reference does).
     */
    void knownTime(double lambda, double t) {
        knownLambda = lambda;
        knownTime = t;
    }

    /** As {@link #knownTime}, for the end of the step (where a corrector evaluates the model). */
    void knownEndTime(double lambda, double t) {
        knownEndLambda = lambda;
        knownEndTime = t;
    }

    double timeOf(double lambda) {
        if (lambda == knownLambda) {
            return knownTime;
        }
        return lambda == knownEndLambda ? knownEndTime : schedule.inverseLambda(lambda);
    }

    /**
     * Switches {@link #evaluate} to states given as \(x\) itself, for a stepper that scales the
     * states in its weights ({@code ExponentialAdamsStepper.scaleNextStep}): the model is called
     * on the state without a scaling pass, and noise prediction writes \(\hat\epsilon\) instead
     * of \(N = -\hat\epsilon\) (see {@link #valueFactor}).
     */
    void statesInX(boolean value) {
        stateIsX = value;
    }

    /**
     * @return \(c\) with \(N = c \cdot\) what {@link #evaluate} writes: on x-states -1 for noise
     *     prediction, \(1 + \eta\) for data prediction
     */
    double valueFactor() {
        if (algorithm == Algorithm.DPMSOLVER_PLUS_PLUS) {
            return stateIsX ? 1 + eta : 1;
        }
        return stateIsX ? -1 : 1;
    }

    @Override
    public void evaluate(double lambda, V y, V out) {
        double t = timeOf(lambda);
        if (stateIsX) {
            if (algorithm == Algorithm.DPMSOLVER_PLUS_PLUS) {
                dataPrediction(y, t, out);
            } else {
                ensureLength(ops.length(y));
                noiseModel.evaluate(y, t, out);
            }
            return;
        }
        ensureLength(ops.length(y));
        scaleInto(scale(t), y, x);
        if (algorithm == Algorithm.DPMSOLVER_PLUS_PLUS) {
            dataPrediction(x, t, out);
            if (eta != 0) {
                scaleInto(1 + eta, out, out);
            }
        } else {
            noiseModel.evaluate(x, t, eps);
            scaleInto(-1.0, eps, out);
        }
    }

    /**
     * \( \hat x_0 = (x - \sigma_t \hat\epsilon)/\alpha_t \), then the x0-correction if any.
     *
     * @param state \(x\)
     * @param t time
     * @param out receives \( \hat x_0 \)
     */
    void dataPrediction(V state, double t, V out) {
        ensureLength(ops.length(state));
        noiseModel.evaluate(state, t, eps);
        double alpha = schedule.alpha(t);
        two[0] = 1 / alpha;
        two[1] = -schedule.sigma(t) / alpha;
        pair[0] = state;
        pair[1] = eps;
        ops.linearCombination(two, pair, 2, out);
        // A non-finite prediction goes on uncorrected (corrections refuse it), so that the step's
        // finiteness check reports it with its step, time and stage.
        if (correction != null && Double.isFinite(ops.maxAbs(out))) {
            correction.correct(out, t);
        }
    }

    /**
     * The run's time map: \(\tau = \lambda(t)\), with the state in \(y = x/\mathrm{scale}(t)\),
     * or in \(x\) itself for a stepper that folds the scaling into its weights.
     *
     * @param scaled whether the loop's state is \(y\) (else \(x\))
     * @return the map
     */
    TimeMap timeMap(boolean scaled) {
        return new TimeMap(schedule::lambda, this::timeOf, scaled ? this::scale : null, "λ");
    }

    /** {@code out = factor * v}. */
    void scaleInto(double factor, V v, V out) {
        one[0] = factor;
        single[0] = v;
        ops.linearCombination(one, single, 1, out);
    }
}
