package org.expint4j.phi;

import java.util.Objects;

import org.expint4j.linear.LinearOperator;
import org.expint4j.vector.VectorOps;

/**
 * Linear combinations of φ-functions of a large matrix acting on vectors,
 * \[ w = \sum_{k=0}^{p} \varphi_k(\tau A)\, v_k, \]
 * by Krylov projection with adaptive sub-stepping: the algorithm of {@code phipm} (J. Niesen and
 * W. M. Wright, <i>Algorithm 919: A Krylov subspace algorithm for evaluating the
 * \( \varphi \)-functions appearing in exponential integrators</i>, ACM Trans. Math. Softw.
 * 38(3), Art. 22, 2012), with the step and dimension control in the spirit of KIOPS
 * (S. Gaudreault, G. Rainwater and M. Tokman, J. Comput. Phys. 372:236–255, 2018). Only the
 * action \( x \mapsto Ax \) of a {@link LinearOperator} is used, and every vector operation is a
 * {@link VectorOps} call (inner products, fused sums), so that any backend runs it.
 *
 * <p><b>Time stepping.</b> With \( B = \tau A \), \( w = u(1) \) for the solution of
 * \( u'(s) = Bu + \sum_{k=1}^{p} \frac{s^{k-1}}{(k-1)!} v_k \), \( u(0) = v_0 \). A sub-step
 * from \( s \) to \( s + \sigma \) is exact in the form (Niesen and Wright, §2)
 * \[ u(s+\sigma) = \sum_{j=0}^{p-1} \frac{\sigma^j}{j!} \hat w_j + \sigma^p \varphi_p(\sigma B)
 *    \hat w_p, \qquad \hat w_0 = u(s), \quad \hat w_j = B \hat w_{j-1} + \sum_{l=0}^{p-j}
 *    \frac{s^l}{l!} v_{j+l}, \]
 * so one \( \varphi_p \)-vector product per sub-step remains. It is approximated in the Krylov
 * space \( \mathcal K_m(B, \hat w_p) \): with the Arnoldi relation \( BV_m = V_m H_m +
 * h_{m+1,m} v_{m+1} e_m^T \) and \( \beta = \|\hat w_p\|_2 \),
 * \( \varphi_p(\sigma B)\hat w_p \approx \beta V_m \varphi_p(\sigma H_m) e_1 \). The small
 * \( \varphi_p(\sigma H_m)e_1 \) and \( \varphi_{p+1}(\sigma H_m)e_1 \) are columns of the
 * exponential of the \( (m+p+1) \times (m+p+1) \) augmented matrix
 * \( \begin{pmatrix} \sigma H_m &amp; e_1 &amp; 0 \\ 0 &amp; 0 &amp; I_p \\ 0 &amp; 0 &amp; 0
 * \end{pmatrix} \) (Saad, SIAM J. Numer. Anal. 29(1), 1992; Sidje, ACM TOMS 24(1), 1998, Thm. 1),
 * computed by the scaling and squaring of {@link MatrixPhi}.
 *
 * <p><b>Error control.</b> The a-posteriori estimate of the sub-step is the first neglected term
 * of the Krylov expansion (Saad 1992, Thm. 5.1; Niesen and Wright, eq. (10)),
 * \( \varepsilon = \beta\, \sigma^{p+1} h_{m+1,m} |e_m^T \varphi_{p+1}(\sigma H_m) e_1| \). A
 * sub-step is accepted when \( \varepsilon \le \gamma\, \mathrm{tol}\, \sigma\,
 * \|u(s+\sigma)\|_2 \) (error per unit step, \( \gamma = \) {@value #SAFETY}), so that the errors
 * of all sub-steps add up to a relative error of about \( \mathrm{tol} \) in \( w \). The Krylov
 * dimension grows while the estimate falls, checked at points predicted from its observed rate of
 * decrease; at {@code maxDimension} the sub-step is shortened instead, re-using the basis (the
 * basis does not depend on \( \sigma \)), by \( \sigma \leftarrow \sigma \cdot 0.9\,(\gamma\,
 * \mathrm{tol}\,\sigma\|u\|/\varepsilon)^{1/m} \). After an accepted sub-step the next one is
 * lengthened by the same rule, by at most a factor 4. Added to \( \varepsilon \) is a bound on
 * the rounding of the sub-step formula, \( 4u\sum_{j=2}^{p}\sigma^j/j!\,\|\hat w_j\| \)
 * (\(u\) the unit roundoff): for \( \sigma\|B\| \gg 1 \) the terms \( \sigma^j \hat w_j/j! \)
 * are far larger than \( u(s+\sigma) \) and cancel, so this bound, not the Krylov error, then
 * limits the sub-step.
 *
 * <p><b>Orthogonalisation.</b> Arnoldi with modified Gram–Schmidt and one re-orthogonalisation
 * pass where the norm drops by more than \( 1/\sqrt 2 \) (Daniel, Gragg, Kaufman and Stewart,
 * Math. Comp. 30, 1976; "twice is enough": Parlett, <i>The Symmetric Eigenvalue Problem</i>,
 * 1980). For an operator that
 * {@linkplain LinearOperator#isSymmetric() declares itself symmetric} the Lanczos three-term
 * recurrence is used instead (\( H_m \) tridiagonal, three inner products per step). A happy
 * breakdown, \( h_{m+1,m} \le 16\,u\,\|B v_m\| \) (\(u\) the unit roundoff), means that the
 * Krylov space is invariant: the projection is then exact and the rest of the interval is taken in
 * one sub-step.
 *
 * <p><b>Cost and allocation.</b> A sub-step costs \( p + m \) products with \( A \), about
 * \( m^2 \) inner products and fused sums of length \( n \) (Arnoldi; \( 2m \) for Lanczos), and a
 * few exponentials of order \( m + p + 1 \). All vectors and small matrices are allocated by the
 * constructor; {@link #apply} allocates nothing (the CPU backends' inner products and sums do not
 * allocate either). {@link #matrixVectorProducts()} and the other accessors report the cost of the
 * last call. An instance is not thread-safe.
 *
 * <p><b>Errors.</b> Bad arguments (operator of the wrong dimension, vectors of the wrong length,
 * tolerance outside \( [10^{-14}, 1) \), non-finite \( \tau \) or input vector, order out of
 * range) throw {@link IllegalArgumentException} naming the value. A non-finite value produced by
 * the operator throws {@link IllegalArgumentException} naming the sub-step, the time \( s \) and
 * the Krylov index. If the sub-step shrinks below \( 2^{-40} \) of the interval or more than
 * {@code maxSubsteps} sub-steps are needed, {@link ArithmeticException} names the error estimate
 * and the step.
 *
 * @param <V> the vector type of the backend
 */
public final class KrylovPhi<V> {

    /** Default largest Krylov dimension (KIOPS uses 128, phipm starts at 10 and adapts). */
    public static final int DEFAULT_MAX_DIMENSION = 100;
    /** Default largest number of sub-steps per call. */
    public static final int DEFAULT_MAX_SUBSTEPS = 10_000;
    /** Smallest accepted tolerance: about 45 units of roundoff, below which the estimate is noise. */
    public static final double MIN_TOLERANCE = 1e-14;
    /** Safety factor \( \gamma \) of the acceptance test. */
    public static final double SAFETY = 0.5;

    private static final double UNIT_ROUNDOFF = 0x1p-53;
    private static final double MIN_STEP = 0x1p-40;
    private static final double[] INV_FACTORIAL = new double[Phi.MAX_ORDER + 3];

    static {
        INV_FACTORIAL[0] = 1.0;
        for (int k = 1; k < INV_FACTORIAL.length; k++) {
            INV_FACTORIAL[k] = INV_FACTORIAL[k - 1] / k;
        }
    }

    private final VectorOps<V> ops;
    private final int n;
    private final int maxOrder;
    private final int maxDimension;
    private final int maxSubsteps;

    private final KrylovBasis<V> krylov;
    /** \( \hat w_0..\hat w_p \). */
    private final V[] what;
    private final V state;
    private final V candidate;
    private final V product;
    private final double[] augmented;
    private final double[] exponential;
    private final MatrixExponential.Workspace expWorkspace;
    private final double[] coefficients;
    private final double[] shiftNorms;
    private final V[] terms;

    /** Size of the last accepted sub-step, set by {@link #substep}. */
    private double lastSigma;
    private int matVecs;
    private int substeps;
    private int rejections;
    private int largestDimension;
    private double estimate;

    /**
     * An instance with {@link #DEFAULT_MAX_DIMENSION} and {@link #DEFAULT_MAX_SUBSTEPS}.
     *
     * @param ops the vector backend
     * @param dimension the dimension \( n \) of the vectors, {@code >= 1}
     * @param maxOrder the largest \( p \) served, {@code 0..Phi.MAX_ORDER}
     */
    public KrylovPhi(VectorOps<V> ops, int dimension, int maxOrder) {
        this(ops, dimension, maxOrder, DEFAULT_MAX_DIMENSION, DEFAULT_MAX_SUBSTEPS);
    }

    /**
     * @param ops the vector backend
     * @param dimension the dimension \( n \) of the vectors, {@code >= 1}
     * @param maxOrder the largest \( p \) served, {@code 0..Phi.MAX_ORDER}
     * @param maxDimension the largest Krylov dimension \( m \), {@code >= 1} (capped at \( n \))
     * @param maxSubsteps the largest number of sub-steps of one call, {@code >= 1}
     * @throws IllegalArgumentException naming the first value out of range
     */
    public KrylovPhi(VectorOps<V> ops, int dimension, int maxOrder, int maxDimension, int maxSubsteps) {
        this.ops = Objects.requireNonNull(ops, "ops");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension = " + dimension + ", must be >= 1");
        }
        if (maxOrder < 0 || maxOrder > Phi.MAX_ORDER) {
            throw new IllegalArgumentException("maxOrder = " + maxOrder + ", must be in [0, " + Phi.MAX_ORDER + "]");
        }
        if (maxDimension < 1) {
            throw new IllegalArgumentException("maxDimension = " + maxDimension + ", must be >= 1");
        }
        if (maxSubsteps < 1) {
            throw new IllegalArgumentException("maxSubsteps = " + maxSubsteps + ", must be >= 1");
        }
        this.n = dimension;
        this.maxOrder = maxOrder;
        this.maxDimension = Math.min(maxDimension, dimension);
        this.maxSubsteps = maxSubsteps;
        final int m = this.maxDimension;
        krylov = new KrylovBasis<>(ops, n, m);
        what = ops.newArray(maxOrder + 1);
        for (int j = 0; j <= maxOrder; j++) {
            what[j] = ops.allocate(n);
        }
        state = ops.allocate(n);
        candidate = ops.allocate(n);
        product = ops.allocate(n);
        final int big = m + maxOrder + 1;
        augmented = new double[big * big];
        exponential = new double[big * big];
        expWorkspace = new MatrixExponential.Workspace(big);
        coefficients = new double[m + maxOrder + 2];
        shiftNorms = new double[maxOrder + 1];
        terms = ops.newArray(m + maxOrder + 2);
    }

    /**
     * Computes \( \mathrm{out} = \sum_{k=0}^{p} \varphi_k(\tau A)\, v_k \) to relative accuracy
     * about {@code tolerance} in the 2-norm.
     *
     * @param a the operator \( A \), of this instance's dimension
     * @param tau the scale \( \tau \), finite (negative integrates backwards)
     * @param v the vectors \( v_0..v_p \) (at least \( p+1 \) entries); a {@code null} entry is
     *     the zero vector
     * @param p the highest order, {@code 0..maxOrder}
     * @param tolerance the relative tolerance, in \( [10^{-14}, 1) \)
     * @param out the result; may be one of the {@code v}
     * @throws IllegalArgumentException for bad arguments or a non-finite value from the operator
     * @throws ArithmeticException if the sub-steps do not converge (see the class documentation)
     */
    public void apply(LinearOperator<V> a, double tau, V[] v, int p, double tolerance, V out) {
        validate(a, tau, v, p, tolerance, out);
        matVecs = 0;
        substeps = 0;
        rejections = 0;
        largestDimension = 0;
        estimate = 0;
        final boolean lanczos = a.isSymmetric();
        if (v[0] == null) {
            ops.fill(state, 0.0);
        } else {
            ops.copy(v[0], state);
        }
        double s = 0;
        double sigma = 1;
        while (s < 1) {
            if (++substeps > maxSubsteps) {
                throw new ArithmeticException("Krylov phi: more than maxSubsteps = " + maxSubsteps
                    + " sub-steps, at s = " + s + " of [0, 1] with step " + sigma + "; raise the tolerance ("
                    + tolerance + ") or maxDimension (" + maxDimension + ")");
            }
            sigma = Math.min(sigma, 1 - s);
            shifts(a, tau, v, p, s);
            final double beta = Math.sqrt(ops.dot(what[p], what[p]));
            KrylovBasis.checkFinite(beta, "||w_p||", substeps, s, 0);
            if (beta == 0) {
                // phi_p(sigma B) w_p = 0: the sum of the w_j is exact for any step.
                sigma = 1 - s;
                combine(0, p, sigma, 0, candidate);
                ops.copy(candidate, state);
                s = 1;
                break;
            }
            krylov.start(what[p], beta);
            final double remaining = 1 - s;
            sigma = substep(a, tau, p, s, sigma, beta, tolerance, lanczos);
            // A step clamped to the rest of the interval ends it exactly, without rounding.
            s = lastSigma >= remaining ? 1 : s + lastSigma;
        }
        ops.copy(state, out);
    }

    /**
     * Builds the Krylov space of \( \hat w_p \) as far as needed and advances {@code state} by one
     * sub-step of size at most {@code sigma}.
     *
     * @return the proposed size of the next sub-step
     */
    private double substep(LinearOperator<V> a, double tau, int p, double s, double sigma0, double beta,
                           double tol, boolean lanczos) {
        double sigma = sigma0;
        final double stateNorm = Math.sqrt(ops.dot(state, state));
        for (int j = 1; j < p; j++) {
            shiftNorms[j] = Math.sqrt(ops.dot(what[j], what[j]));
        }
        shiftNorms[p] = beta;
        // Rounding of the shifted vectors alone must leave room for the Krylov error.
        while (stateNorm > 0 && rounding(p, sigma) > 0.5 * SAFETY * tol * sigma * stateNorm) {
            sigma *= 0.5;
            rejections++;
            if (sigma < MIN_STEP) {
                throw new ArithmeticException("Krylov phi: no convergence, the rounding of B^j w (norms up to "
                    + beta + ") needs a sub-step below " + sigma + " at s = " + s + " (tolerance " + tol + ")");
            }
        }
        int m = 0;
        boolean breakdown = false;
        int next = 1;
        int prevM = 0;
        double prevErr = Double.NaN;
        while (true) {
            while (m < next && !breakdown) {
                a.apply(krylov.vector(m), product);
                matVecs++;
                breakdown = krylov.extend(product, tau, m, lanczos, substeps, s);
                m++;
            }
            if (breakdown) {
                // Invariant subspace: exact for the rest of the interval.
                sigma = 1 - s;
            }
            largestDimension = Math.max(largestDimension, m);
            double err = errorEstimate(m, p, sigma, beta, breakdown) + rounding(p, sigma);
            double ratio = accept(m, p, sigma, beta, err, tol, stateNorm);
            if (ratio <= 1) {
                return accepted(m, sigma, err, ratio);
            }
            if (m < maxDimension && !breakdown) {
                // Grow: predict the dimension from the observed decrease of log(err) per vector.
                int inc = Math.max(1, m / 4);
                if (prevM > 0 && err < prevErr && err > 0) {
                    final double rate = (Math.log(prevErr) - Math.log(err)) / (m - prevM);
                    inc = (int) Math.ceil(Math.log(ratio) / rate);
                    inc = Math.max(1, Math.min(inc, Math.max(2, m / 2)));
                } else if (m < 8) {
                    inc = 1;
                }
                prevM = m;
                prevErr = err;
                next = Math.min(maxDimension, m + inc);
                continue;
            }
            // Largest dimension reached: shorten the step, re-using the basis.
            while (ratio > 1) {
                rejections++;
                sigma *= Math.max(0.1, Math.min(0.9, 0.9 * Math.pow(1 / ratio, 1.0 / m)));
                if (sigma < MIN_STEP) {
                    throw new ArithmeticException("Krylov phi: no convergence, sub-step shrank to " + sigma
                        + " at s = " + s + " with Krylov dimension " + m + " and error estimate " + err
                        + " (tolerance " + tol + ")");
                }
                err = errorEstimate(m, p, sigma, beta, false) + rounding(p, sigma);
                ratio = accept(m, p, sigma, beta, err, tol, stateNorm);
            }
            return accepted(m, sigma, err, ratio);
        }
    }

    /**
     * The rounding error the sub-step formula adds, \( 4u\sum_{j=2}^{p} \sigma^j/j!\,
     * \|\hat w_j\| \): each \( \hat w_j \) carries a relative error of about \( u \) and the
     * terms cancel to the much smaller \( u(s+\sigma) \) when \( \sigma\|B\| \gg 1 \).
     * Measured without it: \( 5 \cdot 10^{-9} \) relative at \( p = 3 \),
     * \( \sigma\|B\| = 560 \), within a factor 3 of this bound with the factor 1; 4 makes it
     * an upper bound there. The \( j = 1 \) term, \( \sigma u \|\hat w_1\| \), is the rounding
     * of any explicit step and is left out, so that the bound vanishes faster than \( \sigma \)
     * and shortening the sub-step always helps.
     */
    private double rounding(int p, double sigma) {
        double r = 0;
        double pow = sigma;
        for (int j = 2; j <= p; j++) {
            pow *= sigma;
            r += pow * INV_FACTORIAL[j] * shiftNorms[j];
        }
        return 4 * UNIT_ROUNDOFF * r;
    }

    private double accepted(int m, double sigma, double err, double ratio) {
        ops.copy(candidate, state);
        lastSigma = sigma;
        estimate += err;
        final double grow = ratio > 0 ? 0.9 * Math.pow(1 / ratio, 1.0 / Math.max(1, m)) : 4;
        return sigma * Math.max(1, Math.min(4, grow));
    }

    /**
     * @return the ratio of the error estimate to what the acceptance test allows (at most 1:
     *     accepted, {@code candidate} holds the new state), computing the candidate only when the
     *     estimate can pass
     */
    private double accept(int m, int p, double sigma, double beta, double err, double tol, double stateNorm) {
        if (err == 0) {
            combine(m, p, sigma, beta, candidate);
            return 0;
        }
        // Cheap bound first: the candidate's norm is about max(||u||, beta sigma^p ||y||).
        final int col = p == 0 ? 0 : m + p - 1;
        final int big = m + p + 1;
        double y2 = 0;
        for (int i = 0; i < m; i++) {
            final double e = exponential[i * big + col];
            y2 += e * e;
        }
        final double guess = Math.max(stateNorm, beta * Math.pow(sigma, p) * Math.sqrt(y2));
        final double guessRatio = err / (SAFETY * tol * sigma * guess);
        if (!(guessRatio <= 1)) {
            return guessRatio;
        }
        combine(m, p, sigma, beta, candidate);
        final double norm = Math.sqrt(ops.dot(candidate, candidate));
        KrylovBasis.checkFinite(norm, "the sub-step's result norm", substeps, 0, m);
        return err / (SAFETY * tol * sigma * norm);
    }

    /**
     * Exponential of the augmented matrix for \( (\sigma, m) \) into {@code exponential}.
     *
     * @return the error estimate \( \beta \sigma^{p+1} h_{m+1,m} |(\varphi_{p+1}(\sigma H_m)
     *     e_1)_m| \)
     */
    private double errorEstimate(int m, int p, double sigma, double beta, boolean breakdown) {
        final int big = m + p + 1;
        java.util.Arrays.fill(augmented, 0, big * big, 0.0);
        for (int i = 0; i < m; i++) {
            for (int j = Math.max(0, i - 1); j < m; j++) {
                augmented[i * big + j] = sigma * krylov.h(i, j);
            }
        }
        augmented[m] = 1;
        for (int i = m; i < big - 1; i++) {
            augmented[i * big + i + 1] = 1;
        }
        for (int i = 0; i < big * big; i++) {
            if (!Double.isFinite(augmented[i])) {
                throw new ArithmeticException("Krylov phi: projected matrix entry " + augmented[i]
                    + " (step " + sigma + ", dimension " + m + ")");
            }
        }
        expWorkspace.exp(augmented, big, exponential);
        if (breakdown) {
            return 0;
        }
        final double h = krylov.h(m, m - 1);
        return beta * Math.pow(sigma, p + 1) * h * Math.abs(exponential[(m - 1) * big + m + p]);
    }

    /**
     * {@code out} \( = \sum_{j<p} \frac{\sigma^j}{j!} \hat w_j + \beta\sigma^p V_m y \), \( y =
     * \varphi_p(\sigma H_m) e_1 \) from {@code exponential}, as one fused sum; with \( m = 0 \)
     * only the first sum.
     */
    private void combine(int m, int p, double sigma, double beta, V out) {
        int k = 0;
        double pow = 1;
        for (int j = 0; j < p; j++) {
            coefficients[k] = pow * INV_FACTORIAL[j];
            terms[k++] = what[j];
            pow *= sigma;
        }
        final int big = m + p + 1;
        final int col = p == 0 ? 0 : m + p - 1;
        final double scale = beta * pow;
        for (int i = 0; i < m; i++) {
            coefficients[k] = scale * exponential[i * big + col];
            terms[k++] = krylov.vector(i);
        }
        if (k == 0) {
            ops.fill(out, 0.0);
        } else {
            ops.linearCombination(coefficients, terms, k, out);
        }
    }

    /** \( \hat w_0 = u \), \( \hat w_j = B\hat w_{j-1} + \sum_{l=0}^{p-j} s^l/l!\, v_{j+l} \). */
    private void shifts(LinearOperator<V> a, double tau, V[] v, int p, double s) {
        ops.copy(state, what[0]);
        for (int j = 1; j <= p; j++) {
            a.apply(what[j - 1], product);
            matVecs++;
            coefficients[0] = tau;
            terms[0] = product;
            int k = 1;
            double pow = 1;
            for (int l = 0; l <= p - j; l++) {
                if (v[j + l] != null) {
                    coefficients[k] = pow * INV_FACTORIAL[l];
                    terms[k++] = v[j + l];
                }
                pow *= s;
            }
            ops.linearCombination(coefficients, terms, k, what[j]);
        }
    }


    private void validate(LinearOperator<V> a, double tau, V[] v, int p, double tol, V out) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(out, "out");
        if (a.dimension() != n) {
            throw new IllegalArgumentException("operator has dimension " + a.dimension()
                + ", this KrylovPhi serves dimension " + n);
        }
        if (!Double.isFinite(tau)) {
            throw new IllegalArgumentException("tau must be finite, got " + tau);
        }
        if (p < 0 || p > maxOrder) {
            throw new IllegalArgumentException("order p = " + p + ", must be in [0, maxOrder = " + maxOrder + "]");
        }
        if (v.length < p + 1) {
            throw new IllegalArgumentException("v has " + v.length + " entries, need p + 1 = " + (p + 1));
        }
        if (!(tol >= MIN_TOLERANCE && tol < 1)) {
            throw new IllegalArgumentException("tolerance = " + tol + ", must be in [" + MIN_TOLERANCE + ", 1)");
        }
        if (ops.length(out) != n) {
            throw new IllegalArgumentException("out has length " + ops.length(out) + ", expected " + n);
        }
        for (int k = 0; k <= p; k++) {
            if (v[k] != null) {
                if (ops.length(v[k]) != n) {
                    throw new IllegalArgumentException("v[" + k + "] has length " + ops.length(v[k])
                        + ", expected " + n);
                }
                final double m = ops.maxAbs(v[k]);
                if (!Double.isFinite(m)) {
                    throw new IllegalArgumentException("v[" + k + "] has a non-finite entry (max |v_i| = " + m
                        + ")");
                }
            }
        }
    }

    /** @return products with \( A \) made by the last {@link #apply} */
    public int matrixVectorProducts() {
        return matVecs;
    }

    /** @return sub-steps (accepted) of the last call */
    public int substeps() {
        return substeps;
    }

    /** @return step reductions at the largest dimension in the last call */
    public int rejections() {
        return rejections;
    }

    /** @return the largest Krylov dimension built in the last call */
    public int largestDimension() {
        return largestDimension;
    }

    /** @return the sum of the accepted sub-steps' error estimates in the last call (absolute) */
    public double errorEstimate() {
        return estimate;
    }

    /** @return the largest Krylov dimension of this instance */
    public int maxDimension() {
        return maxDimension;
    }
}
