package org.expint4j.verification.problems;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.expint4j.phi.Phi;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * The scalar linear problem \( u' = \lambda u + g(t) \), \( u(t_0) = u_0 \), with a forcing \(g\)
 * whose solution is known in closed form (reference §3.4, items 1–2). Writing \( \tau = t - t_0 \):
 * <ul>
 * <li><b>polynomial</b> \( g(t) = \sum_{d=0}^{q} g_d t^d \):
 *     \( u(t) = e^{\lambda\tau}u_0 + \sum_{k=0}^{q} \tau^{k+1}\varphi_{k+1}(\tau\lambda)\,
 *     g^{(k)}(t_0) \), exact because \(g\) equals its Taylor polynomial;</li>
 * <li><b>exponential</b> \( g(t) = a\,e^{\mu t} \):
 *     \( u(t) = e^{\lambda\tau}u_0 + a\,e^{\mu t_0}\,\frac{e^{\mu\tau} - e^{\lambda\tau}}{\mu - \lambda} \),
 *     evaluated as \( \tau e^{\max(\lambda,\mu)\tau}\varphi_1(-|\mu - \lambda|\tau) \), which neither
 *     cancels for \( \mu \approx \lambda \) nor overflows for \( \lambda \ll 0 \);</li>
 * <li><b>trigonometric</b> \( g(t) = a\sin\omega t + b\cos\omega t \): the periodic particular
 *     solution \( u_p = A\sin\omega t + B\cos\omega t \) with
 *     \( A = (-a\lambda + b\omega)/(\lambda^2 + \omega^2) \),
 *     \( B = -(b\lambda + a\omega)/(\lambda^2 + \omega^2) \), plus
 *     \( e^{\lambda\tau}(u_0 - u_p(t_0)) \).</li>
 * </ul>
 * Since \(N = g\) does not depend on \(u\), an exponential Runge–Kutta method collapses to its
 * exponential quadrature (only the weights \(b_i\) matter): the problem tests quadrature order and
 * the φ-functions at large \(|h\lambda|\), not the stage conditions.
 */
public final class ScalarForcedProblem extends AnalyticProblem {

    /** The kinds of forcing. */
    public enum Forcing {
        /** \( g(t) = \sum_d g_d t^d \). */
        POLYNOMIAL,
        /** \( g(t) = a\,e^{\mu t} \). */
        EXPONENTIAL,
        /** \( g(t) = a\sin\omega t + b\cos\omega t \). */
        TRIGONOMETRIC
    }

    /** Largest polynomial degree accepted: beyond it the closed form is a long, cancelling sum. */
    public static final int MAX_DEGREE = 12;

    private final Forcing forcing;
    private final double lambda;
    private final double u0;
    /** Polynomial coefficients, or {a, mu}, or {a, b, omega}. */
    private final double[] p;
    private final SemilinearProblem problem;

    private ScalarForcedProblem(String name, Forcing forcing, double lambda, double u0, double[] p, double t0,
                                double t1) {
        super(name, describe(forcing, lambda, u0, p, t0, t1), t0, t1);
        this.forcing = forcing;
        this.lambda = lambda;
        this.u0 = u0;
        this.p = p;
        this.problem = SemilinearProblem.of(new ScalarLinearPart(lambda), 1, (t, u, out) -> out[0] = forcing(t));
    }

    /**
     * \( u' = \lambda u + \sum_d g_d t^d \) on \([0, 1]\).
     *
     * @param lambda \(\lambda\), finite
     * @param u0 \(u(0)\), finite
     * @param coefficients \(g_0, g_1, \dots\) (lowest degree first, at most
     *     {@value #MAX_DEGREE}{@code + 1}, finite; copied)
     * @return the problem, named {@code "scalar-polynomial"}
     * @throws IllegalArgumentException for non-finite values or too many coefficients
     */
    public static ScalarForcedProblem polynomial(double lambda, double u0, double... coefficients) {
        if (coefficients.length == 0 || coefficients.length > MAX_DEGREE + 1) {
            throw new IllegalArgumentException("need 1 to " + (MAX_DEGREE + 1) + " coefficients, got "
                    + coefficients.length);
        }
        return new ScalarForcedProblem("scalar-polynomial", Forcing.POLYNOMIAL, finite("lambda", lambda),
                finite("u0", u0), finite("coefficients", coefficients.clone()), 0.0, 1.0);
    }

    /**
     * \( u' = \lambda u + a\,e^{\mu t} \) on \([0, 1]\).
     *
     * @param lambda \(\lambda\), finite
     * @param u0 \(u(0)\), finite
     * @param amplitude \(a\), finite
     * @param mu \(\mu\), finite
     * @return the problem, named {@code "scalar-exponential"}
     */
    public static ScalarForcedProblem exponential(double lambda, double u0, double amplitude, double mu) {
        return new ScalarForcedProblem("scalar-exponential", Forcing.EXPONENTIAL, finite("lambda", lambda),
                finite("u0", u0), finite("parameters", new double[] {amplitude, mu}), 0.0, 1.0);
    }

    /**
     * \( u' = \lambda u + a\sin\omega t + b\cos\omega t \) on \([0, 1]\).
     *
     * @param lambda \(\lambda\), finite
     * @param u0 \(u(0)\), finite
     * @param a sine amplitude, finite
     * @param b cosine amplitude, finite
     * @param omega \(\omega\), finite; \(\lambda^2 + \omega^2 \gt 0\)
     * @return the problem, named {@code "scalar-trigonometric"}
     * @throws IllegalArgumentException if \(\lambda = \omega = 0\) (secular, not periodic, solution)
     */
    public static ScalarForcedProblem trigonometric(double lambda, double u0, double a, double b, double omega) {
        if (lambda == 0 && omega == 0) {
            throw new IllegalArgumentException("lambda and omega must not both be 0");
        }
        return new ScalarForcedProblem("scalar-trigonometric", Forcing.TRIGONOMETRIC, finite("lambda", lambda),
                finite("u0", u0), finite("parameters", new double[] {a, b, omega}), 0.0, 1.0);
    }

    /**
     * A random instance for property tests: \(u_0\) uniform in \([-1, 1]\); polynomials of
     * degree 0–5 with coefficients in \([-1, 1]\); otherwise amplitudes of modulus in
     * \([0.2, 1]\), \( |\mu| \in [0.5, 2] \) and \( \omega \in [0.5, 4] \), so that the forcing
     * really varies (a nearly constant \(g\) is integrated almost exactly, and its error sinks
     * into rounding before an order can be measured).
     *
     * @param forcing the kind of forcing
     * @param lambda \(\lambda\), chosen by the caller since it sets the stiffness regime
     * @param random the source of the other parameters
     * @return the problem on \([0, 1]\)
     */
    public static ScalarForcedProblem random(Forcing forcing, double lambda, SplittableRandom random) {
        double start = random.nextDouble(-1, 1);
        switch (forcing) {
            case POLYNOMIAL: {
                double[] c = new double[1 + random.nextInt(6)];
                for (int d = 0; d < c.length; d++) {
                    c[d] = random.nextDouble(-1, 1);
                }
                return polynomial(lambda, start, c);
            }
            case EXPONENTIAL:
                return exponential(lambda, start, signed(random, 0.2, 1), signed(random, 0.5, 2));
            default:
                return trigonometric(lambda, start, signed(random, 0.2, 1), signed(random, 0.2, 1),
                        random.nextDouble(0.5, 4));
        }
    }

    private static double signed(SplittableRandom random, double min, double max) {
        double magnitude = random.nextDouble(min, max);
        return random.nextBoolean() ? magnitude : -magnitude;
    }

    /**
     * The same equation on another interval, with the same value \(u_0\) now given at {@code t0}.
     *
     * @param t0 new initial time
     * @param t1 new final time, greater than {@code t0}
     * @return the problem on \([t_0, t_1]\)
     */
    public ScalarForcedProblem on(double t0, double t1) {
        return new ScalarForcedProblem(name(), forcing, lambda, u0, p, t0, t1);
    }

    /** @return the kind of forcing */
    public Forcing forcing() {
        return forcing;
    }

    /** @return \(\lambda\) */
    public double lambda() {
        return lambda;
    }

    /**
     * @return the polynomial degree \(q\) of a {@link Forcing#POLYNOMIAL} forcing
     * @throws IllegalStateException for the other kinds
     */
    public int degree() {
        if (forcing != Forcing.POLYNOMIAL) {
            throw new IllegalStateException(forcing + " forcing has no degree");
        }
        return p.length - 1;
    }

    /**
     * @param t a time
     * @return \(g(t)\)
     */
    public double forcing(double t) {
        return derivative(t, 0);
    }

    /**
     * The {@code k}-th derivative of a polynomial forcing (Horner's rule with falling factorials).
     *
     * @param t a time
     * @param k the derivative order, {@code >= 0}
     * @return \(g^{(k)}(t)\)
     * @throws IllegalStateException for the other kinds and {@code k > 0}
     */
    public double derivative(double t, int k) {
        switch (forcing) {
            case POLYNOMIAL: {
                double sum = 0;
                for (int d = p.length - 1; d >= k; d--) {
                    double falling = 1;
                    for (int i = 0; i < k; i++) {
                        falling *= d - i;
                    }
                    sum = sum * t + p[d] * falling;
                }
                return sum;
            }
            case EXPONENTIAL:
                if (k == 0) {
                    return p[0] * Math.exp(p[1] * t);
                }
                break;
            default:
                if (k == 0) {
                    return p[0] * Math.sin(p[2] * t) + p[1] * Math.cos(p[2] * t);
                }
                break;
        }
        throw new IllegalStateException("derivatives only for polynomial forcing");
    }

    @Override
    public SemilinearProblem problem() {
        return problem;
    }

    @Override
    public double[] exactSolution(double t) {
        double tau = t - t0();
        if (tau == 0) {
            return new double[] {u0}; // exactly, where the closed forms would round
        }
        double decay = Math.exp(lambda * tau);
        double u;
        switch (forcing) {
            case POLYNOMIAL:
                u = decay * u0;
                for (int k = 0; k < p.length; k++) {
                    u += Math.pow(tau, k + 1) * Phi.phi(k + 1, tau * lambda) * derivative(t0(), k);
                }
                break;
            case EXPONENTIAL: {
                double mu = p[1];
                double fast = Math.max(lambda, mu);
                double convolution = tau * Math.exp(fast * tau) * Phi.phi(1, -Math.abs(mu - lambda) * tau);
                u = decay * u0 + p[0] * Math.exp(mu * t0()) * convolution;
                break;
            }
            default: {
                double a = p[0];
                double b = p[1];
                double w = p[2];
                double den = lambda * lambda + w * w;
                double sa = (-a * lambda + b * w) / den;
                double cb = -(b * lambda + a * w) / den;
                double particular0 = sa * Math.sin(w * t0()) + cb * Math.cos(w * t0());
                u = sa * Math.sin(w * t) + cb * Math.cos(w * t) + decay * (u0 - particular0);
                break;
            }
        }
        return new double[] {u};
    }

    private static String describe(Forcing forcing, double lambda, double u0, double[] p, double t0, double t1) {
        String g;
        switch (forcing) {
            case POLYNOMIAL:
                g = "g = polynomial " + Arrays.toString(p);
                break;
            case EXPONENTIAL:
                g = "g = " + fmt(p[0]) + " exp(" + fmt(p[1]) + " t)";
                break;
            default:
                g = "g = " + fmt(p[0]) + " sin(" + fmt(p[2]) + " t) + " + fmt(p[1]) + " cos(" + fmt(p[2]) + " t)";
                break;
        }
        return "u' = lambda u + g(t), lambda = " + fmt(lambda) + ", " + g + ", u(" + fmt(t0) + ") = " + fmt(u0)
                + ", t in [" + fmt(t0) + ", " + fmt(t1) + "]";
    }

    static double finite(String what, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(what + " must be finite, got " + x);
        }
        return x;
    }

    static double[] finite(String what, double[] x) {
        for (double v : x) {
            finite(what, v);
        }
        return x;
    }
}
