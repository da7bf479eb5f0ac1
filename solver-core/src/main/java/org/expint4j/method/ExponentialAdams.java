package org.expint4j.method;

import org.apache.commons.math3.fraction.Fraction;

/**
 * Exponential Adams (Nørsett) multistep methods of order \(q\), with variable step sizes:
 * \[ u_{n+1} = e^{Z} u_n + h \sum_{j=0}^{q-1} \beta_j(Z)\, N_{n-j}, \qquad Z = hL, \]
 * obtained by integrating exactly, in the variation-of-constants formula, the polynomial that
 * interpolates \(N\) at the last \(q\) times \(t_{n-j} = t_n + \theta_j h\)
 * (\(\theta_0 = 0 > \theta_1 > \dots\)). With \( \ell_j(\theta) = \sum_m \ell_{j,m}\theta^m \) the
 * Lagrange basis on the \(\theta_j\) and \( \int_0^1 e^{(1-\theta)Z}\theta^m\,d\theta =
 * m!\,\varphi_{m+1}(Z) \),
 * \[ \beta_j(Z) = \sum_{m=0}^{q-1} m!\,\ell_{j,m}\, \varphi_{m+1}(Z). \]
 * For constant steps and \(q = 2\): \( \beta_0 = \varphi_1 + \varphi_2 \),
 * \( \beta_1 = -\varphi_2 \).
 *
 * <p>The method needs \(q-1\) earlier values of \(N\). {@link Startup} chooses how the first
 * steps get them: by lower-order Adams steps (warm-up, as DPM-Solver++ multistep does), or by
 * single-step exponential Runge–Kutta steps of matching stiff order, so the global order is
 * \(q\) from the first step.
 *
 * <p>Reference: S. P. Nørsett, "An A-stable modification of the Adams–Bashforth methods",
 * Lecture Notes in Math. 109 (1969) 214–219; stiff order \(q\) for parabolic problems:
 * M. P. Calvo and C. Palencia, Numer. Math. 102 (2006) 367–381.
 */
public final class ExponentialAdams implements ExponentialMethod {

    /** How the first \(q-1\) steps are taken. */
    public enum Startup {
        /** Adams steps of order 1, 2, ..., q-1 with the history available. */
        WARM_UP,
        /** Single-step exponential Runge–Kutta steps of stiff order {@code min(q, 4)}. */
        STARTER
    }

    /** Largest supported order; beyond it the interpolation weights grow too fast to be useful. */
    public static final int MAX_ORDER = 8;

    /**
     * Largest order with a {@link Startup#STARTER}: the starter runs a bounded number of steps, so a
     * local error \(O(h^{r+1})\) keeps global order \(q\) when \(r \ge q-1\); the stiff-order-4
     * method serves up to \(q = 5\).
     */
    public static final int MAX_STARTER_ORDER = 5;

    private final int order;
    private final Startup startup;

    /**
     * @param order \(q\), 1 to {@value #MAX_ORDER}
     * @param startup how the first steps are taken
     * @throws IllegalArgumentException if the order is out of range
     */
    public ExponentialAdams(int order, Startup startup) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException("exponential Adams order must be in 1.." + MAX_ORDER + ", got " + order);
        }
        if (startup == Startup.STARTER && order > MAX_STARTER_ORDER) {
            throw new IllegalArgumentException("no single-step starter for exponential Adams order " + order
                    + " (at most " + MAX_STARTER_ORDER + "); use Startup.WARM_UP");
        }
        this.order = order;
        this.startup = startup;
    }

    /** @return \(q\) */
    public int order() {
        return order;
    }

    /** @return the start-up choice */
    public Startup startup() {
        return startup;
    }

    /**
     * The single-step method of matching order used by {@link Startup#STARTER}.
     *
     * @return the starter method
     */
    public ExponentialRungeKuttaMethod starter() {
        return switch (order) {
            case 1 -> new ExponentialEuler();
            case 2 -> new HochbruckOstermann2(new Fraction(1, 2));
            case 3 -> new HochbruckOstermann3(new Fraction(1, 3));
            default -> new HochbruckOstermann4();
        };
    }

    @Override
    public String name() {
        return "abnorsett" + order + (startup == Startup.STARTER ? "" : "-warmup");
    }

    @Override
    public Family family() {
        return Family.EXPONENTIAL_ADAMS;
    }

    @Override
    public int stages() {
        return 1;
    }

    @Override
    public Orders orders() {
        return Orders.of(order, order);
    }

    @Override
    public String reference() {
        return "S. P. Nørsett, Lecture Notes in Math. 109 (1969) 214-219; "
                + "M. P. Calvo, C. Palencia, Numer. Math. 102 (2006) 367-381";
    }

    /**
     * Computes the weights' φ-expansion for interpolation nodes {@code theta}:
     * {@code coefficients[j][m]} is the coefficient of \( \varphi_{m+1}(Z) \) in \( \beta_j(Z) \).
     *
     * @param theta the nodes \( \theta_j = (t_{n-j} - t_n)/h \), {@code theta[0] = 0}, distinct
     * @param p number of nodes used (the order of this step), {@code 1 <= p <= theta.length}
     * @param coefficients output, at least {@code p x p}
     * @throws IllegalArgumentException if nodes coincide
     */
    public static void coefficients(double[] theta, int p, double[][] coefficients) {
        for (int j = 0; j < p; j++) {
            double[] c = coefficients[j];
            java.util.Arrays.fill(c, 0, p, 0.0);
            // Build prod_{m != j} (theta - theta_m) / (theta_j - theta_m), lowest degree first.
            c[0] = 1.0;
            int degree = 0;
            for (int m = 0; m < p; m++) {
                if (m == j) {
                    continue;
                }
                double denominator = theta[j] - theta[m];
                if (denominator == 0.0) {
                    throw new IllegalArgumentException("interpolation nodes " + j + " and " + m
                            + " coincide at " + theta[j]);
                }
                for (int d = degree + 1; d >= 0; d--) {
                    double shifted = d > 0 ? c[d - 1] : 0.0;
                    c[d] = (shifted - theta[m] * c[d]) / denominator;
                }
                degree++;
            }
            double factorial = 1.0;
            for (int m = 0; m < p; m++) {
                if (m > 0) {
                    factorial *= m;
                }
                c[m] *= factorial;
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
