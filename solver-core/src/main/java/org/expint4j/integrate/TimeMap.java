package org.expint4j.integrate;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The change of variables a run may integrate in: the {@link StepLoop} steps in an integration
 * time \(\tau\) and an integration variable \(y\), while callers, observers and messages see the
 * user's time \(t\) and state \(x = \mathrm{scale}(t)\, y\). The identity map (\(\tau = t\),
 * \(x = y\)) serves plain ODE integration; diffusion sampling integrates in log-SNR time
 * \(\tau = \lambda(t)\) with \(y = x/\alpha_t\) or \(x/\sigma_t\).
 *
 * @param integrationTime \(t \mapsto \tau(t)\)
 * @param userTime \(\tau \mapsto t(\tau)\)
 * @param stateScale \(t \mapsto \mathrm{scale}(t)\), or {@code null} for \(x = y\) (then the loop
 *     never rescales)
 * @param symbol the name of \(\tau\) in messages, e.g. {@code "λ"}; {@code null} when \(\tau = t\)
 */
public record TimeMap(DoubleUnaryOperator integrationTime, DoubleUnaryOperator userTime,
                      DoubleUnaryOperator stateScale, String symbol) {

    /** \(\tau = t\), \(x = y\). */
    public static final TimeMap IDENTITY = new TimeMap(t -> t, t -> t, null, null);

    /** Checks that the time maps are given. */
    public TimeMap {
        Objects.requireNonNull(integrationTime, "integrationTime");
        Objects.requireNonNull(userTime, "userTime");
    }

    /** @return whether the state is scaled, \(x = \mathrm{scale}(t)\,y\) */
    public boolean scalesState() {
        return stateScale != null;
    }

    /**
     * @param t a user time
     * @return \(\tau(t)\)
     */
    public double integrationTime(double t) {
        return integrationTime.applyAsDouble(t);
    }

    /**
     * @param tau an integration time
     * @return \(t(\tau)\)
     */
    public double userTime(double tau) {
        return userTime.applyAsDouble(tau);
    }

    /**
     * @param t a user time
     * @return \(\mathrm{scale}(t)\), 1 when the state is not scaled
     */
    public double scale(double t) {
        return stateScale == null ? 1 : stateScale.applyAsDouble(t);
    }
}
