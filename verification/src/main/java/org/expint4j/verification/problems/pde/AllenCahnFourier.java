package org.expint4j.verification.problems.pde;

import java.util.Locale;

/**
 * The Allen–Cahn equation with periodic boundary conditions,
 * \[ u_t = \varepsilon u_{xx} + u - u^3, \qquad x \in [0, 2\pi) \text{ periodic}, \]
 * in the setting of Chebfun's {@code spinop('ac')}: \(\varepsilon = 5\cdot 10^{-3}\),
 * \(u_0(x) = \tfrac13\tanh(2\sin x) - e^{-23.5(x - \pi/2)^2} + e^{-27(x - 4.2)^2}
 * + e^{-38(x - 5.4)^2}\); here \(n = 256\) points (interfaces have width about
 * \(\sqrt{2\varepsilon} = 0.1\), four grid spacings). The solution quickly sharpens into plateaus
 * \(u = \pm 1\) separated by interfaces that then move on a slow, metastable time scale.
 *
 * <p>Fourier space: \(L = \mathrm{diag}(-\varepsilon\kappa^2)\) (real, repeated for real and
 * imaginary parts), and the reaction \(N = u - u^3\) is evaluated on the grid (no derivative, so
 * no aliasing-sensitive multiplier; the cubic is aliased as in {@code spin} without dealiasing).
 * The free energy \(\int \tfrac{\varepsilon}{2}u_x^2 + \tfrac14(u^2 - 1)^2\,dx\) decreases.
 *
 * <p>Default time span \([0, 10]\) (Chebfun's demo runs to 300; the sharpening phase is the part
 * that tests a time integrator). Reference: Commons Math {@code DormandPrince853Integrator},
 * relative tolerance \(10^{-13}\), absolute tolerance \(10^{-15}\).
 */
public final class AllenCahnFourier extends FourierProblem {

    /** Registry name. */
    public static final String NAME = "allen-cahn";

    private final double epsilon;

    /** Chebfun's setting with \(n = 256\) on \([0, 10]\). */
    public AllenCahnFourier() {
        this(256, 5e-3, 10.0);
    }

    /**
     * @param n number of grid points, a power of two, at least 4
     * @param epsilon the diffusion coefficient, positive
     * @param t1 the final time
     */
    public AllenCahnFourier(int n, double epsilon, double t1) {
        this(new FourierGrid(n, 0.0, 2 * Math.PI), ViscousBurgers.checkPositive(epsilon), t1);
    }

    private AllenCahnFourier(FourierGrid grid, double epsilon, double t1) {
        super(NAME, grid, grid.realDiagonal(k -> -epsilon * k * k), t1);
        this.epsilon = epsilon;
    }

    /** @return the diffusion coefficient \(\varepsilon\) */
    public double epsilon() {
        return epsilon;
    }

    @Override
    protected double initialValue(double x) {
        double a = x - Math.PI / 2;
        double b = x - 4.2;
        double c = x - 5.4;
        return Math.tanh(2 * Math.sin(x)) / 3 - Math.exp(-23.5 * a * a) + Math.exp(-27 * b * b)
                + Math.exp(-38 * c * c);
    }

    @Override
    public void nonlinear(double t, double[] u, double[] out) {
        int n = grid().size();
        double[] v = gridValues(u, n / 2);
        for (int j = 0; j < n; j++) {
            double x = v[j];
            v[j] = x - x * x * x;
        }
        workToCoefficients(out);
    }

    /**
     * The free energy \(E(u) = \int \tfrac{\varepsilon}{2}u_x^2 + \tfrac14(u^2 - 1)^2\,dx\), the
     * gradient term by Parseval and the potential by the trapezoidal rule (exact for the
     * trigonometric interpolant of \((u^2-1)^2\) up to aliasing). Allocates.
     *
     * @param state a state
     * @return \(E\)
     */
    public double freeEnergy(double[] state) {
        FourierGrid g = grid();
        int n = g.size();
        double gradient = 0;
        for (int k = 1; k <= n / 2; k++) {
            double kappa = g.wavenumber(k);
            double weight = k == n / 2 ? 1 : 2;
            gradient += weight * kappa * kappa * (state[2 * k] * state[2 * k] + state[2 * k + 1] * state[2 * k + 1]);
        }
        double[] values = toPhysical(state);
        double potential = 0;
        for (double v : values) {
            double w = v * v - 1;
            potential += 0.25 * w * w;
        }
        return 0.5 * epsilon * g.length() * gradient + potential * g.length() / n;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Allen-Cahn u_t = %g u_xx + u - u^3, periodic [0, 2 pi), n = %d,"
                + " Chebfun 'ac' initial data, t in [0, %g]", epsilon, grid().size(), t1());
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
