package org.expint4j.verification.problems.pde;

import java.util.Locale;

/**
 * The Korteweg–de Vries equation
 * \[ u_t = -u_{xxx} - \left(\tfrac12 u^2\right)_x, \qquad x \in [-\pi, \pi) \text{ periodic}, \]
 * (EXPINT's {@code kdv} sign convention, the same equation as \(u_t + u u_x + u_{xxx} = 0\) of
 * Trefethen's <i>Spectral Methods in MATLAB</i>, program {@code p27}), with p27's two-soliton
 * initial data
 * \[ u_0(x) = 3A^2\,\mathrm{sech}^2\!\big(\tfrac{A}{2}(x + 2)\big)
 *          + 3B^2\,\mathrm{sech}^2\!\big(\tfrac{B}{2}(x + 1)\big), \quad A = 25,\ B = 16, \]
 * and \(n = 256\). Each soliton \(3c\,\mathrm{sech}^2(\sqrt{c}(x - ct)/2)\) travels at speed
 * \(c\) (\(625\) and \(256\)); the tall one starts behind, catches up near \(t \approx 0.003\),
 * passes through, and both emerge with a phase shift.
 *
 * <p>Fourier space: \(-\partial_x^3\) has symbol \(-(i\kappa)^3 = i\kappa^3\), so
 * \(L = \mathrm{diag}(i\kappa^3)\) is purely imaginary, a {@link
 * org.expint4j.problem.ComplexDiagonalLinearPart} (the complex-diagonal path of the integrators;
 * \(|h\kappa^3|\) reaches \(2\cdot 10^6 h\)); \(N = -\tfrac{i}{2}\kappa\,\widehat{(u^2)}\). The
 * Nyquist entry of \(L\) is zero (odd derivative). Mass \(\int u\) is conserved exactly and
 * momentum \(\int u^2\) up to the time discretisation and the aliasing error of the
 * pseudo-spectral product.
 *
 * <p>Default time span \([0, 0.006]\), p27's, long enough to see the solitons interact. Reference:
 * Commons Math {@code DormandPrince853Integrator}, relative tolerance \(10^{-13}\), absolute
 * tolerance \(10^{-12}\) on coefficients of size up to 78 (about \(2\cdot 10^5\) evaluations,
 * a second). Dispersion makes DP853's global error much larger than its tolerance: at
 * \(10^{-12}/10^{-10}\) it is \(2\cdot 10^{-9}\) relative, at the chosen tolerances
 * \(5\cdot 10^{-11}\), measured against hochost4 runs with 48000 and 96000 steps.
 */
public final class KortewegDeVries extends FourierProblem {

    /** Registry name. */
    public static final String NAME = "kdv";

    private final double a;
    private final double b;
    private final boolean dealias;
    private final int cutoff;

    /** p27's setting: \(n = 256\), \(A = 25\), \(B = 16\), \(t \in [0, 0.006]\). */
    public KortewegDeVries() {
        this(256, 25, 16, 0.006, false);
    }

    /**
     * @param n number of grid points, a power of two, at least 4
     * @param a speed parameter \(A\) of the soliton starting at \(x = -2\)
     * @param b speed parameter \(B\) of the soliton starting at \(x = -1\)
     * @param t1 the final time
     * @param dealias whether to apply the 2/3 rule (then \(\int u^2\) is conserved by the
     *     semi-discretisation)
     */
    public KortewegDeVries(int n, double a, double b, double t1, boolean dealias) {
        this(new FourierGrid(n, -Math.PI, 2 * Math.PI), a, b, t1, dealias);
    }

    private KortewegDeVries(FourierGrid grid, double a, double b, double t1, boolean dealias) {
        super(NAME, grid, grid.imaginaryDiagonal(k -> k * k * k), t1);
        this.a = a;
        this.b = b;
        this.dealias = dealias;
        this.cutoff = dealias ? grid.size() / 3 : grid.size() / 2;
    }

    /** @return whether the 2/3 rule is applied */
    public boolean dealiased() {
        return dealias;
    }

    @Override
    protected double initialValue(double x) {
        return 3 * a * a * sech2(a * (x + 2) / 2) + 3 * b * b * sech2(b * (x + 1) / 2);
    }

    private static double sech2(double z) {
        double s = 1 / Math.cosh(z);
        return s * s;
    }

    @Override
    public void nonlinear(double t, double[] u, double[] out) {
        quadraticFlux(u, out, cutoff);
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "KdV u_t = -u_xxx - (u^2/2)_x, periodic [-pi, pi), n = %d, two solitons"
                + " 3A^2 sech^2(A(x+2)/2) + 3B^2 sech^2(B(x+1)/2), A = %g, B = %g, t in [0, %g]%s", grid().size(), a, b,
                t1(), dealias ? ", 2/3 dealiased" : "");
    }

    @Override
    public String referenceDescription() {
        return "Commons Math DormandPrince853, rtol 1e-13, atol 1e-12";
    }

    @Override
    protected double[] computeReference() {
        return References.dormandPrince853(this, initialState(), 0.0, t1(), 1e-13, 1e-12);
    }
}
