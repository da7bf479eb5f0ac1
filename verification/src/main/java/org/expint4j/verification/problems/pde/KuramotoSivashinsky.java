package org.expint4j.verification.problems.pde;

import java.util.Locale;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.MethodRegistry;

/**
 * The Kuramoto–Sivashinsky equation
 * \[ u_t = -u u_x - u_{xx} - u_{xxxx}, \qquad x \in [0, \ell) \text{ periodic}, \]
 * in the setting of Kassam &amp; Trefethen (SISC 26(4), 2005, {@code kursiv.m}), the classic
 * benchmark of exponential integrators: \(\ell = 32\pi\), \(n = 128\) modes,
 * \(u_0(x) = \cos(2\pi x/\ell)\,(1 + \sin(2\pi x/\ell))\) (that is \(\cos(x/16)(1 + \sin(x/16))\)).
 *
 * <p>In Fourier space (state layout of {@link FourierGrid})
 * \[ \hat u_k' = (\kappa_k^2 - \kappa_k^4)\,\hat u_k - \tfrac{i}{2}\kappa_k\,\widehat{(u^2)}_k, \]
 * so \(L = \mathrm{diag}(\kappa^2 - \kappa^4)\) is real: it is a {@link
 * org.expint4j.problem.DiagonalLinearPart} with each value repeated for the real and imaginary
 * part (real φ-functions, half the multiplications of a complex diagonal). Modes with
 * \(|\kappa| &lt; 1\) grow, \(\kappa = 4\) at the Nyquist mode decays like \(e^{-240t}\), and the
 * quadratic term moves energy between them: chaotic travelling and merging cells after
 * \(t \approx 30\).
 *
 * <p>Differences from {@code kursiv.m}: the coefficients are normalised (divided by \(n\)), and the
 * Nyquist mode keeps its even symbol \(\kappa_{n/2}^2 - \kappa_{n/2}^4\) where K&amp;T set
 * \(\kappa_{n/2} = 0\); its coefficient is at rounding level either way. Optional 2/3 dealiasing
 * (off by default, as in K&amp;T) zeroes modes \(k &gt; n/3\) in \(u\) and in \(N\).
 *
 * <p>Default time span \([0, 10]\): the horizon of the convergence study of Kassam–Trefethen
 * reproduced in the reference notes (KS is chaotic, so errors grow like \(e^{\lambda t}\) and long
 * horizons measure the chaos, not the method). The famous picture is on \([0, 150]\), see
 * {@link PdeSolve}.
 *
 * <p>Reference solution: a fine {@code hochost4} run, \(h = 1/4096\) (40960 steps on \([0,
 * 10]\)), as in the reference notes; at \(h = 1/256\) this method's error is already
 * \(4\cdot 10^{-12}\), and the test suite checks that halving the reference step changes it by
 * less than \(10^{-13}\) relative.
 */
public final class KuramotoSivashinsky extends FourierProblem {

    /** Registry name. */
    public static final String NAME = "ks";

    /** Step of the reference run. */
    static final double REFERENCE_STEP = 1.0 / 4096;

    private final boolean dealias;
    private final int cutoff;

    /** The Kassam–Trefethen setting on \([0, 10]\): \(n = 128\), \(\ell = 32\pi\), no dealiasing. */
    public KuramotoSivashinsky() {
        this(128, 32 * Math.PI, 10.0, false);
    }

    /**
     * @param n number of grid points (modes), a power of two, at least 4
     * @param length the period \(\ell\)
     * @param t1 the final time
     * @param dealias whether to apply the 2/3 rule
     */
    public KuramotoSivashinsky(int n, double length, double t1, boolean dealias) {
        this(new FourierGrid(n, 0.0, length), t1, dealias);
    }

    private KuramotoSivashinsky(FourierGrid grid, double t1, boolean dealias) {
        super(NAME, grid, grid.realDiagonal(k -> k * k - k * k * k * k), t1);
        this.dealias = dealias;
        this.cutoff = dealias ? grid.size() / 3 : grid.size() / 2;
    }

    /** @return whether the 2/3 rule is applied */
    public boolean dealiased() {
        return dealias;
    }

    @Override
    protected double initialValue(double x) {
        double theta = 2 * Math.PI * x / grid().length();
        return Math.cos(theta) * (1 + Math.sin(theta));
    }

    @Override
    public void nonlinear(double t, double[] u, double[] out) {
        quadraticFlux(u, out, cutoff);
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Kuramoto-Sivashinsky u_t = -u u_x - u_xx - u_xxxx, periodic [0, %.6g),"
                + " n = %d, u0 = cos(2 pi x/l)(1 + sin(2 pi x/l)), t in [0, %g]%s", grid().length(), grid().size(),
                t1(), dealias ? ", 2/3 dealiased" : "");
    }

    @Override
    public String referenceDescription() {
        return "hochost4 with h = 1/4096";
    }

    @Override
    protected double[] computeReference() {
        int steps = (int) Math.ceil(t1() / REFERENCE_STEP - 1e-9);
        return FixedStepIntegrator.solve(this, MethodRegistry.byName("hochost4"), 0.0, initialState(), t1(), steps);
    }
}
