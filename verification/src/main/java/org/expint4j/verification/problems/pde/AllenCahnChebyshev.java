package org.expint4j.verification.problems.pde;

import java.util.Locale;
import org.expint4j.problem.DenseLinearPart;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * The Allen–Cahn equation with Dirichlet data, EXPINT's {@code allencahn}:
 * \[ u_t = \varepsilon u_{xx} + u - u^3, \qquad x \in [-1, 1], \quad u(\pm 1, t) = \pm 1, \]
 * \(\varepsilon = 10^{-3}\), \(u_0(x) = 0.53x + 0.47\sin(-1.5\pi x)\), discretised by Chebyshev
 * collocation on the \(n_D + 1 = 51\) points \(x_i = -\cos(\pi i/n_D)\). The boundary data are
 * lifted off by \(w = u - x\) (\(x\) is harmonic and matches them), so \(w(\pm1) = 0\) and the
 * state is \(w\) at the \(n_D - 1 = 49\) interior points:
 * \[ w' = \varepsilon D^2_{\mathrm{int}}\, w + (x + w) - (x + w)^3, \]
 * where \(D^2_{\mathrm{int}}\) is the interior block of the square of the Chebyshev
 * differentiation matrix \(D_{ij} = \frac{c_i}{c_j}\frac{(-1)^{i+j}}{x_i - x_j}\) (\(c_0 = c_{n_D}
 * = 2\), else 1), with diagonal from the negative-sum trick \(D_{ii} = -\sum_{j\ne i} D_{ij}\),
 * which makes \(D\) exact on constants in floating point (Trefethen, <i>Spectral Methods in
 * MATLAB</i>, {@code cheb.m}; Baltensperger–Trummer).
 *
 * <p>\(L = \varepsilon D^2_{\mathrm{int}}\) is a dense, non-normal matrix with real negative
 * eigenvalues down to about \(-0.05\,\varepsilon n_D^4 \approx -300\): this problem exercises
 * the dense φ-functions ({@link org.expint4j.phi.MatrixPhi}) of the integrators.
 *
 * <p>Default time span \([0, 10]\) (EXPINT's problem file fixes none): the reaction sharpens the
 * initial data into \(\pm1\) plateaus with interfaces of width \(\sqrt{2\varepsilon}\) by
 * \(t \approx 5\), which then barely move. Reference: Commons Math
 * {@code DormandPrince853Integrator}, relative tolerance \(10^{-13}\), absolute tolerance
 * \(10^{-15}\).
 *
 * <p>The work array makes \(N\) allocation-free; an instance is not thread-safe.
 */
public final class AllenCahnChebyshev implements PdeProblem, SemilinearProblem {

    /** Registry name. */
    public static final String NAME = "allen-cahn-cheb";

    private final int nd;
    private final double epsilon;
    private final double t1;
    /** All \(n_D + 1\) collocation points, ascending. */
    private final double[] points;
    private final DenseLinearPart linearPart;

    /** EXPINT's setting: \(n_D = 50\), \(\varepsilon = 10^{-3}\), \(t \in [0, 10]\). */
    public AllenCahnChebyshev() {
        this(50, 1e-3, 10.0);
    }

    /**
     * @param nd number of Chebyshev subintervals \(n_D \ge 2\)
     * @param epsilon the diffusion coefficient, positive
     * @param t1 the final time, positive
     */
    public AllenCahnChebyshev(int nd, double epsilon, double t1) {
        if (nd < 2) {
            throw new IllegalArgumentException("need at least 2 Chebyshev subintervals, got " + nd);
        }
        if (!(t1 > 0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("final time must be finite and positive, got " + t1);
        }
        this.nd = nd;
        this.epsilon = ViscousBurgers.checkPositive(epsilon);
        this.t1 = t1;
        this.points = chebyshevPoints(nd);
        double[][] d = differentiationMatrix(points);
        double[][] l = new double[nd - 1][nd - 1];
        for (int i = 1; i < nd; i++) {
            for (int j = 1; j < nd; j++) {
                double sum = 0;
                for (int m = 0; m <= nd; m++) {
                    sum += d[i][m] * d[m][j];
                }
                l[i - 1][j - 1] = epsilon * sum;
            }
        }
        this.linearPart = new DenseLinearPart(l);
    }

    /**
     * @param nd number of subintervals
     * @return \(x_i = -\cos(\pi i/n_D)\), \(i = 0..n_D\), ascending, with exact ends and exact
     *     symmetry \(x_{n_D - i} = -x_i\)
     */
    static double[] chebyshevPoints(int nd) {
        double[] x = new double[nd + 1];
        for (int i = 0; i <= nd; i++) {
            // sin form is symmetric in floating point, unlike cos(pi i/nd).
            x[i] = Math.sin(Math.PI * (2 * i - nd) / (2.0 * nd));
        }
        return x;
    }

    /**
     * @param x Chebyshev points \(x_i = \mp\cos(\pi i/n)\)
     * @return the collocation differentiation matrix on them
     */
    static double[][] differentiationMatrix(double[] x) {
        int n = x.length - 1;
        double[][] d = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            double ci = (i == 0 || i == n) ? 2 : 1;
            double rowSum = 0;
            for (int j = 0; j <= n; j++) {
                if (j != i) {
                    double cj = (j == 0 || j == n) ? 2 : 1;
                    double sign = ((i + j) % 2 == 0) ? 1 : -1;
                    d[i][j] = sign * ci / (cj * (x[i] - x[j]));
                    rowSum += d[i][j];
                }
            }
            d[i][i] = -rowSum;
        }
        return d;
    }

    /** @return the diffusion coefficient */
    public double epsilon() {
        return epsilon;
    }

    // ---- SemilinearProblem

    @Override
    public LinearPart linearPart() {
        return linearPart;
    }

    @Override
    public void nonlinear(double t, double[] w, double[] out) {
        for (int i = 0; i < nd - 1; i++) {
            double u = points[i + 1] + w[i];
            out[i] = u - u * u * u;
        }
    }

    @Override
    public int getDimension() {
        return nd - 1;
    }

    // ---- BenchmarkProblem

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "Allen-Cahn u_t = %g u_xx + u - u^3 on [-1, 1], u(+-1) = +-1, Chebyshev"
                + " collocation n_D = %d (w = u - x), u0 = 0.53x + 0.47 sin(-1.5 pi x), t in [0, %g]", epsilon, nd, t1);
    }

    @Override
    public SemilinearProblem problem() {
        return this;
    }

    @Override
    public double t0() {
        return 0.0;
    }

    @Override
    public double t1() {
        return t1;
    }

    @Override
    public double[] initialState() {
        double[] w = new double[nd - 1];
        for (int i = 0; i < nd - 1; i++) {
            double x = points[i + 1];
            w[i] = 0.53 * x + 0.47 * Math.sin(-1.5 * Math.PI * x) - x;
        }
        return w;
    }

    @Override
    public boolean hasExactSolution() {
        return false;
    }

    @Override
    public double[] exactSolution(double t) {
        throw new UnsupportedOperationException(NAME + " has no exact solution; use referenceSolution()");
    }

    @Override
    public double[] referenceSolution() {
        return References.cached(getClass().getName() + '|' + description() + '|' + referenceDescription(),
                () -> References.dormandPrince853(this, initialState(), 0.0, t1, 1e-13, 1e-15));
    }

    @Override
    public String referenceDescription() {
        return "Commons Math DormandPrince853, rtol 1e-13, atol 1e-15";
    }

    // ---- PdeProblem

    @Override
    public double xMin() {
        return -1.0;
    }

    @Override
    public double xMax() {
        return 1.0;
    }

    @Override
    public boolean periodic() {
        return false;
    }

    @Override
    public double[] gridPoints() {
        return points.clone();
    }

    @Override
    public void toPhysical(double[] state, double[] values) {
        values[0] = -1.0;
        values[nd] = 1.0;
        for (int i = 1; i < nd; i++) {
            values[i] = points[i] + state[i - 1];
        }
    }
}
