package org.expint4j.verification.problems.pde;

import java.util.Locale;

/**
 * The viscous Burgers equation in conservation form
 * \[ u_t = -\left(\tfrac12 u^2\right)_x + \varepsilon u_{xx}, \qquad x \in [-\pi, \pi)
 *    \text{ periodic}, \]
 * with the parameters of EXPINT's {@code burgers} (and Kassam–Trefethen): \(\varepsilon = 0.03\),
 * \(n = 128\), \(u_0(x) = \exp(-10\sin^2(x/2))\), a bump that steepens into a viscous shock of
 * width about \(\varepsilon\) by \(t \approx 0.5\).
 *
 * <p>Fourier space: \(L = \mathrm{diag}(-\varepsilon\kappa^2)\) (real, repeated for real and
 * imaginary parts, see {@link FourierGrid#realDiagonal}), \(N = -\tfrac{i}{2}\kappa\,
 * \widehat{(u^2)}\). The mean \(\int u\) is conserved exactly (the \(k = 0\) entry of both parts
 * is zero) and \(\int u^2\) decreases.
 *
 * <p>Default time span \([0, 1]\). Reference: Commons Math {@code DormandPrince853Integrator}
 * with relative tolerance \(10^{-13}\) and absolute tolerance \(10^{-15}\) on the Fourier state
 * (the problem is only mildly stiff, \(\max|\varepsilon\kappa^2| = 123\)).
 */
public final class ViscousBurgers extends FourierProblem {

    /** Registry name. */
    public static final String NAME = "burgers";

    private final double epsilon;

    /** The EXPINT setting: \(n = 128\), \(\varepsilon = 0.03\), \(t \in [0, 1]\). */
    public ViscousBurgers() {
        this(128, 0.03, 1.0);
    }

    /**
     * @param n number of grid points, a power of two, at least 4
     * @param epsilon the viscosity, positive
     * @param t1 the final time
     */
    public ViscousBurgers(int n, double epsilon, double t1) {
        this(new FourierGrid(n, -Math.PI, 2 * Math.PI), checkPositive(epsilon), t1);
    }

    private ViscousBurgers(FourierGrid grid, double epsilon, double t1) {
        super(NAME, grid, grid.realDiagonal(k -> -epsilon * k * k), t1);
        this.epsilon = epsilon;
    }

    static double checkPositive(double epsilon) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and positive, got " + epsilon);
        }
        return epsilon;
    }

    /** @return the viscosity \(\varepsilon\) */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected double initialValue(double x) {
        double s = Math.sin(x / 2);
        return Math.exp(-10 * s * s);
    }

    @Override
    public void nonlinear(double t, double[] u, double[] out) {
        quadraticFlux(u, out, grid().size() / 2);
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "viscous Burgers u_t = -(u^2/2)_x + %g u_xx, periodic [-pi, pi), n = %d,"
                + " u0 = exp(-10 sin^2(x/2)), t in [0, %g]", epsilon, grid().size(), t1());
    }

    @Override
    public String referenceDescription() {
        return "Commons Math DormandPrince853, rtol 1e-13, atol 1e-15";
    }

    @Override
    protected double[] computeReference() {
        return References.dormandPrince853(this, initialState(), 0.0, t1(), 1e-13, 1e-15);
    }
}
