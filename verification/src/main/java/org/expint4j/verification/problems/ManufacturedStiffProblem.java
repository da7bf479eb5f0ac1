package org.expint4j.verification.problems;

import java.util.SplittableRandom;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * A stiff system with a \(u\)-dependent, coupled nonlinearity and a manufactured exact solution
 * (reference §3.4 item 4): \( L = \mathrm{diag}(-1, -\kappa) \),
 * \[ N(t, u) = \begin{pmatrix} -u_1^2 + 10\,u_2 \\ u_1^2 \end{pmatrix} + g(t), \]
 * with \(g = u_\star' - L u_\star - f(u_\star)\) chosen so that
 * \[ u_\star(t) = \begin{pmatrix} a + b\sin(\omega t + \theta) \\
 *    s\,(c + d\cos(2\omega t + \theta)) \end{pmatrix} \]
 * is the solution. Unlike the scalar problems, \(N\) depends on \(u\) and couples the slow and
 * the stiff component, so the stage order conditions matter.
 *
 * <p>Two {@link Variant}s fix the scale \(s\):
 * <ul>
 * <li>{@link Variant#BOUNDED_FORCING}, \( s = 1/\kappa \): the stiff component sits on its slow
 *     manifold and \(g\) with all its derivatives is bounded independently of \(\kappa\) — the
 *     setting of the Hochbruck–Ostermann theory, where each method shows (at least) its stiff
 *     order uniformly in \(\kappa\);</li>
 * <li>{@link Variant#STIFF_FORCING}, \( s = 1 \): then \( g_2 = O(\kappa) \), \(N\) is itself
 *     stiff (as in Prothero–Robinson), outside the theory, and methods whose stiff order rests on
 *     weakened conditions lose order.</li>
 * </ul>
 * The default parameters \( a = 2, b = 1, \omega = 1, \theta = 0, c = 1, d = 1/2 \) give the
 * problem of the solver-core stiff-order test.
 */
public final class ManufacturedStiffProblem extends AnalyticProblem {

    /** How the exact solution scales with the stiffness. */
    public enum Variant {
        /** \( u_2 = O(1/\kappa) \): forcing bounded uniformly in \(\kappa\). */
        BOUNDED_FORCING,
        /** \( u_2 = O(1) \): forcing of size \(\kappa\). */
        STIFF_FORCING
    }

    private final double kappa;
    private final Variant variant;
    private final double a;
    private final double b;
    private final double omega;
    private final double theta;
    private final double c;
    private final double d;
    private final double scale;
    private final SemilinearProblem problem;

    /**
     * @param kappa the stiffness \(\kappa\), positive and finite
     * @param variant the scaling of the stiff component
     * @param a offset of \(u_1\)
     * @param b amplitude of \(u_1\)
     * @param omega frequency \(\omega\)
     * @param theta phase \(\theta\)
     * @param c offset of \(u_2/s\)
     * @param d amplitude of \(u_2/s\)
     * @throws IllegalArgumentException for a non-positive \(\kappa\) or a non-finite parameter
     */
    public ManufacturedStiffProblem(double kappa, Variant variant, double a, double b, double omega, double theta,
                                    double c, double d) {
        super(variant == Variant.BOUNDED_FORCING ? "manufactured-stiff" : "manufactured-stiff-forcing",
                "L = diag(-1, -kappa), N = (-u1^2 + 10 u2, u1^2) + g(t), kappa = " + fmt(kappa) + ", "
                        + (variant == Variant.BOUNDED_FORCING ? "u2 = O(1/kappa) (bounded forcing)"
                        : "u2 = O(1) (forcing O(kappa))")
                        + ", u1 = " + fmt(a) + " + " + fmt(b) + " sin(" + fmt(omega) + " t + " + fmt(theta) + ")"
                        + ", u2 = s (" + fmt(c) + " + " + fmt(d) + " cos(2 " + fmt(omega) + " t + " + fmt(theta)
                        + ")), t in [0, 1]",
                0.0, 1.0);
        if (!(kappa > 0) || !Double.isFinite(kappa)) {
            throw new IllegalArgumentException("kappa must be positive and finite, got " + kappa);
        }
        ScalarForcedProblem.finite("parameters", new double[] {a, b, omega, theta, c, d});
        this.kappa = kappa;
        this.variant = variant;
        this.a = a;
        this.b = b;
        this.omega = omega;
        this.theta = theta;
        this.c = c;
        this.d = d;
        this.scale = variant == Variant.BOUNDED_FORCING ? 1.0 / kappa : 1.0;
        double[] diagonal = {-1.0, -kappa};
        this.problem = SemilinearProblem.of(new DiagonalLinearPart(diagonal), 2, this::nonlinear);
    }

    /**
     * The default parameters (see the class documentation).
     *
     * @param kappa the stiffness, positive
     * @param variant the scaling of the stiff component
     * @return the problem
     */
    public static ManufacturedStiffProblem of(double kappa, Variant variant) {
        return new ManufacturedStiffProblem(kappa, variant, 2, 1, 1, 0, 1, 0.5);
    }

    /**
     * Random exact-solution parameters for property tests: \( a \in [1.5, 3] \),
     * \( b \in [0.2, 1.2] \), \( \omega \in [0.5, 2] \), \( \theta \in [0, 2\pi) \),
     * \( c \in [0.5, 1.5] \), \( d \in [-0.5, 0.5] \), which also randomise the initial value.
     *
     * @param kappa the stiffness, chosen by the caller
     * @param variant the scaling of the stiff component
     * @param random the source
     * @return the problem
     */
    public static ManufacturedStiffProblem random(double kappa, Variant variant, SplittableRandom random) {
        return new ManufacturedStiffProblem(kappa, variant, random.nextDouble(1.5, 3), random.nextDouble(0.2, 1.2),
                random.nextDouble(0.5, 2), random.nextDouble(0, 2 * Math.PI), random.nextDouble(0.5, 1.5),
                random.nextDouble(-0.5, 0.5));
    }

    /**
     * The same exact-solution parameters at another stiffness: a family over \(\kappa\) for
     * measuring errors uniformly in the stiffness.
     *
     * @param newKappa the stiffness
     * @return the problem
     */
    public ManufacturedStiffProblem withKappa(double newKappa) {
        return new ManufacturedStiffProblem(newKappa, variant, a, b, omega, theta, c, d);
    }

    /** @return \(\kappa\) */
    public double kappa() {
        return kappa;
    }

    /** @return the variant */
    public Variant variant() {
        return variant;
    }

    private void nonlinear(double t, double[] u, double[] out) {
        double s1 = Math.sin(omega * t + theta);
        double e1 = a + b * s1;
        double de1 = b * omega * Math.cos(omega * t + theta);
        double e2 = scale * (c + d * Math.cos(2 * omega * t + theta));
        double de2 = -scale * d * 2 * omega * Math.sin(2 * omega * t + theta);
        // g = u*' - L u* - f(u*), with L = diag(-1, -kappa) and f(u) = (-u1^2 + 10 u2, u1^2)
        double g1 = de1 + e1 - (-e1 * e1 + 10 * e2);
        double g2 = de2 + kappa * e2 - e1 * e1;
        out[0] = -u[0] * u[0] + 10 * u[1] + g1;
        out[1] = u[0] * u[0] + g2;
    }

    @Override
    public SemilinearProblem problem() {
        return problem;
    }

    @Override
    public double[] exactSolution(double t) {
        return new double[] {a + b * Math.sin(omega * t + theta), scale * (c + d * Math.cos(2 * omega * t + theta))};
    }
}
