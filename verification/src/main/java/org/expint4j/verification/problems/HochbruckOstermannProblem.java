package org.expint4j.verification.problems;

import org.expint4j.problem.DenseLinearPart;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.SemilinearProblem;

/**
 * The semilinear parabolic test problem of Hochbruck and Ostermann (SIAM J. Numer. Anal. 43
 * (2005) §6; EXPINT {@code hochost}; reference §3.1):
 * \[ u_t = u_{xx} + \frac{1}{1 + u^2} + \Phi(x, t), \quad x \in [0, 1],\ t \in [0, 1], \quad
 *    u(0, t) = u(1, t) = 0, \]
 * with \( \Phi = u_\star + 2e^t - 1/(1 + u_\star^2) \) for \( u_\star = x(1-x)e^t \),
 * discretised by the three-point finite difference on \(n_d\) subintervals (\(n_d - 1\)
 * unknowns at \(x_i = i/n_d\)). The difference quotient of a quadratic is exact, so the grid
 * values of \(u_\star\) solve the <em>semi-discrete</em> ODE exactly: there is no spatial error
 * and no reference solver. Since \(\Phi\) does not vanish at the boundary, \(N\) is incompatible
 * with the Dirichlet conditions; that is what reduces the order of methods that need more
 * regularity (Cox–Matthews ETDRK4, Lawson).
 *
 * <p>Two forms of the same ODE:
 * <ul>
 * <li>{@link Form#DIAGONAL} ({@code "hochost"}): in the eigenbasis of the difference Laplacian,
 *     \( L_{FD} = S\Lambda S \) with the orthonormal sine transform \(S\)
 *     ({@link DiscreteSineTransform}); the state is \( v = S u \), \( L = \Lambda \) is diagonal
 *     and \( N(t, v) = S\,N_x(t, S v) \). Exact up to the rounding of \(S\), and fast: the
 *     φ-functions are scalar.</li>
 * <li>{@link Form#DENSE} ({@code "hochost-dense"}): \( L = L_{FD} \) as a dense
 *     {@code (n_d-1)}×{@code (n_d-1)} matrix, exercising the dense φ-functions. Expensive for the
 *     standard \(n_d = 200\): each φ-evaluation is an exponential of a
 *     \((199(p+1))^2\) augmented matrix.</li>
 * </ul>
 * In both forms {@link #toPhysical} returns grid values, so errors are measured in the original
 * \(x\)-coordinates (the max norm of the published tables).
 */
public final class HochbruckOstermannProblem extends AnalyticProblem {

    /** The form of the linear part. */
    public enum Form {
        /** Sine eigenbasis, diagonal \(L\). */
        DIAGONAL,
        /** Grid values, dense tridiagonal \(L\). */
        DENSE
    }

    /** The standard number of subintervals: 199 unknowns, \( \lambda_{\min}(L) \approx -1.6\cdot 10^5 \). */
    public static final int DEFAULT_SUBINTERVALS = 200;

    private final Form form;
    private final int nd;
    private final int m;
    private final double[] x;
    /** \( x_i(1 - x_i) \) on the grid. */
    private final double[] profile;
    /** \( S \) applied to {@link #profile}: the exact state at \(t = 0\) in the sine basis. */
    private final double[] profileSine;
    private final DiscreteSineTransform dst;
    private final ThreadLocal<double[][]> scratch;
    private final SemilinearProblem problem;

    private HochbruckOstermannProblem(Form form, int nd) {
        super(form == Form.DIAGONAL ? "hochost" : "hochost-dense",
                "u_t = u_xx + 1/(1+u^2) + Phi, 3-point FD, ND = " + nd + " (" + (nd - 1) + " unknowns), "
                        + (form == Form.DIAGONAL ? "diagonal L in the sine basis" : "dense tridiagonal L")
                        + ", exact u = x(1-x)e^t, t in [0, 1]",
                0.0, 1.0);
        if (nd < 2) {
            throw new IllegalArgumentException("need at least 2 subintervals, got " + nd);
        }
        this.form = form;
        this.nd = nd;
        this.m = nd - 1;
        this.x = new double[m];
        this.profile = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = (i + 1) / (double) nd;
            profile[i] = x[i] * (1 - x[i]);
        }
        this.dst = form == Form.DIAGONAL ? new DiscreteSineTransform(nd) : null;
        this.profileSine = dst == null ? null : dst.apply(profile);
        this.scratch = ThreadLocal.withInitial(() -> new double[2][m]);
        if (form == Form.DIAGONAL) {
            double[] eigenvalues = new double[m];
            for (int k = 0; k < m; k++) {
                eigenvalues[k] = dst.laplacianEigenvalue(k + 1);
            }
            problem = SemilinearProblem.of(new DiagonalLinearPart(eigenvalues), m, this::nonlinearSine);
        } else {
            double inv = (double) nd * nd;
            double[][] l = new double[m][m];
            for (int i = 0; i < m; i++) {
                l[i][i] = -2 * inv;
                if (i > 0) {
                    l[i][i - 1] = inv;
                }
                if (i < m - 1) {
                    l[i][i + 1] = inv;
                }
            }
            problem = SemilinearProblem.of(new DenseLinearPart(l), m, this::nonlinearGrid);
        }
    }

    /**
     * @param subintervals \(n_d \ge 2\)
     * @return the problem in the sine eigenbasis, named {@code "hochost"}
     */
    public static HochbruckOstermannProblem diagonal(int subintervals) {
        return new HochbruckOstermannProblem(Form.DIAGONAL, subintervals);
    }

    /**
     * @param subintervals \(n_d \ge 2\); keep it small (tens) outside slow studies
     * @return the problem in grid values with a dense \(L\), named {@code "hochost-dense"}
     */
    public static HochbruckOstermannProblem dense(int subintervals) {
        return new HochbruckOstermannProblem(Form.DENSE, subintervals);
    }

    /** @return the form */
    public Form form() {
        return form;
    }

    /** @return \(n_d\) */
    public int subintervals() {
        return nd;
    }

    /** @return a copy of the interior grid points \(x_1, \dots, x_{n_d-1}\) */
    public double[] grid() {
        return x.clone();
    }

    /**
     * @param t a time
     * @return the grid values of \( u_\star(x, t) = x(1-x)e^t \)
     */
    public double[] exactGridSolution(double t) {
        double e = Math.exp(t);
        double[] u = new double[m];
        for (int i = 0; i < m; i++) {
            u[i] = profile[i] * e;
        }
        return u;
    }

    /** @return the exact state: grid values (dense form) or their sine coefficients (diagonal form) */
    @Override
    public double[] exactSolution(double t) {
        if (form == Form.DENSE) {
            return exactGridSolution(t);
        }
        double e = Math.exp(t);
        double[] v = new double[m];
        for (int k = 0; k < m; k++) {
            v[k] = profileSine[k] * e;
        }
        return v;
    }

    /** @return grid values: \(S v\) in the diagonal form, a copy of the state in the dense form */
    @Override
    public double[] toPhysical(double[] state) {
        return form == Form.DENSE ? state.clone() : dst.apply(state);
    }

    @Override
    public SemilinearProblem problem() {
        return problem;
    }

    /** \( N_x(t, u)_i = 1/(1 + u_i^2) + \Phi(x_i, t) \) on grid values. */
    private void nonlinearGrid(double t, double[] u, double[] out) {
        double e = Math.exp(t);
        for (int i = 0; i < m; i++) {
            double exact = profile[i] * e;
            double forcing = exact + 2 * e - 1 / (1 + exact * exact);
            out[i] = 1 / (1 + u[i] * u[i]) + forcing;
        }
    }

    /** \( S\,N_x(t, S v) \); allocation-free through per-thread scratch arrays. */
    private void nonlinearSine(double t, double[] v, double[] out) {
        double[][] work = scratch.get();
        dst.apply(v, work[0]);
        nonlinearGrid(t, work[0], work[1]);
        dst.apply(work[1], out);
    }
}
