package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.expint4j.method.ExponentialAdams;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/**
 * {@link ExponentialAdamsStepper#scaleNextStep}: a run on scaled states \(u = a_n y_n\), with the
 * nonlinearity's values scaled by \(1/c\), follows the unscaled run up to rounding, step for step
 * (the DPM sampler's x-space steps rely on it); and a starter step refuses scaling.
 */
class ScaledAdamsStepTest {

    private static final double C = -0.5;

    /** The state scale at time t: varies from step to step, as alpha_t does. */
    private static double scale(double t) {
        return 2 + Math.sin(3 * t);
    }

    @Test
    void scaledRunFollowsTheUnscaledOne() {
        final ScalarLinearPart l = new ScalarLinearPart(-1);
        final Nonlinearity<double[]> n = (t, y, out) -> {
            for (int i = 0; i < y.length; i++) {
                out[i] = Math.cos(t) - y[i] * y[i];
            }
        };
        // Called with u = scale(t) y; writes v with N(t, y) = C v.
        final double[] time = new double[1];
        final Nonlinearity<double[]> scaledN = (t, u, out) -> {
            final double a = scale(time[0]);
            for (int i = 0; i < u.length; i++) {
                final double y = u[i] / a;
                out[i] = (Math.cos(t) - y * y) / C;
            }
        };
        final ExponentialAdams method = new ExponentialAdams(3, ExponentialAdams.Startup.WARM_UP);
        final DoubleVectorOps ops = DoubleVectorOps.serial();
        final ExponentialAdamsStepper<double[]> plain =
            new ExponentialAdamsStepper<>(method, l, n, ops, 3, new IntegrationStatistics());
        final ExponentialAdamsStepper<double[]> scaled =
            new ExponentialAdamsStepper<>(method, l, scaledN, ops, 3, new IntegrationStatistics());
        double[] y = {0.3, -0.7, 1.1};
        double[] u = new double[3];
        for (int i = 0; i < 3; i++) {
            u[i] = scale(0) * y[i];
        }
        double t = 0;
        for (int step = 1; step <= 12; step++) {
            // Variable steps, as the sampler takes them.
            final double h = 0.05 + 0.01 * (step % 3);
            final double[] yNext = new double[3];
            final double[] uNext = new double[3];
            final double maxPlain = plain.stepMaxAbs(t, h, y, yNext);
            time[0] = t;
            scaled.scaleNextStep(scale(t), scale(t + h), C);
            final double maxScaled = scaled.stepMaxAbs(t, h, u, uNext);
            double max = 0;
            for (int i = 0; i < 3; i++) {
                assertEquals(yNext[i], uNext[i] / scale(t + h), 1e-14, "step " + step + ", component " + i);
                max = Math.max(max, Math.abs(yNext[i]));
            }
            assertEquals(max, maxPlain, 0.0, "step " + step);
            assertEquals(maxPlain * scale(t + h), maxScaled, 1e-14, "step " + step);
            y = yNext;
            u = uNext;
            t += h;
        }
    }

    @Test
    void aStarterStepCannotBeScaled() {
        final ExponentialAdamsStepper<double[]> stepper = new ExponentialAdamsStepper<>(
            new ExponentialAdams(3, ExponentialAdams.Startup.STARTER), new ScalarLinearPart(-1),
            (t, y, out) -> { }, DoubleVectorOps.serial(), 2, new IntegrationStatistics());
        assertThrows(UnsupportedOperationException.class, () -> stepper.scaleNextStep(1, 1, 1));
    }
}
