package org.expint4j.integrate;

/**
 * The change of variables a run may integrate in: the {@link StepLoop} steps in an integration
 * time \(\tau\) and an integration variable \(y\), while callers, observers and messages see the
 * user's time \(t\) and state \(x = \mathrm{scale}(t)\, y\). The identity map (\(\tau = t\),
 * \(x = y\)) serves plain ODE integration; diffusion sampling integrates in log-SNR time
 * \(\tau = \lambda(t)\) with \(y = x/\alpha_t\) or \(x/\sigma_t\).
 */
public interface TimeMap {

    /** \(\tau = t\), \(x = y\). */
    TimeMap IDENTITY = new TimeMap() {
        @Override
        public double integrationTime(double t) {
            return t;
        }

        @Override
        public double userTime(double tau) {
            return tau;
        }

        @Override
        public double stateScale(double t) {
            return 1;
        }

        @Override
        public boolean scalesState() {
            return false;
        }
    };

    /**
     * @param t a user time
     * @return \(\tau(t)\)
     */
    double integrationTime(double t);

    /**
     * @param tau an integration time
     * @return \(t(\tau)\)
     */
    double userTime(double tau);

    /**
     * @param t a user time
     * @return \(\mathrm{scale}(t)\) with user state \(x = \mathrm{scale}(t)\, y\)
     */
    double stateScale(double t);

    /** @return whether {@link #stateScale} can differ from 1 (else the loop never rescales) */
    boolean scalesState();

    /** @return the name of \(\tau\) in messages, e.g. {@code "λ"}; {@code null} when \(\tau = t\) */
    default String symbol() {
        return null;
    }
}
