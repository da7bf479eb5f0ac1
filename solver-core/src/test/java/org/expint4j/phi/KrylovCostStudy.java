package org.expint4j.phi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.expint4j.linear.CsrMatrix;
import org.expint4j.linear.LinearOperator;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cost table of docs/performance.md ("Krylov φ-vector products"): products with \(A\),
 * sub-steps and largest Krylov dimension of {@link KrylovPhi} on 2-D finite-difference operators
 * of order \(10^4\), at tolerances \(10^{-4}, 10^{-8}, 10^{-12}\). Writes
 * {@code target/krylov-cost.md}. Run with
 * {@code ./mvnw -B -q -o -pl solver-core test -Pstudies -Dtest=KrylovCostStudy}.
 */
@Tag("slow")
class KrylovCostStudy {

    /** Five-point \( \epsilon\Delta - c\cdot\nabla \) (central) on the \(N\times N\) interior grid of the unit square. */
    static CsrMatrix advectionDiffusion(int grid, double eps, double cx, double cy) {
        final int n = grid * grid;
        final double h = 1.0 / (grid + 1);
        final int[] r = new int[5 * n];
        final int[] c = new int[5 * n];
        final double[] v = new double[5 * n];
        int t = 0;
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                final int k = i * grid + j;
                final int[][] nb = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
                final double[] w = {eps / (h * h) + cx / (2 * h), eps / (h * h) - cx / (2 * h),
                    eps / (h * h) + cy / (2 * h), eps / (h * h) - cy / (2 * h)};
                r[t] = k;
                c[t] = k;
                v[t++] = -4 * eps / (h * h);
                for (int q = 0; q < 4; q++) {
                    if (nb[q][0] >= 0 && nb[q][0] < grid && nb[q][1] >= 0 && nb[q][1] < grid && w[q] != 0) {
                        r[t] = k;
                        c[t] = nb[q][0] * grid + nb[q][1];
                        v[t++] = w[q];
                    }
                }
            }
        }
        return CsrMatrix.fromTriplets(n, java.util.Arrays.copyOf(r, t), java.util.Arrays.copyOf(c, t),
            java.util.Arrays.copyOf(v, t));
    }

    /** Smooth data \( 256\,x^2(1-x)^2y^2(1-y)^2 \) on the grid, as in a PDE's initial value. */
    static double[] smooth(int grid, double shift) {
        final double h = 1.0 / (grid + 1);
        final double[] u = new double[grid * grid];
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                final double x = (i + 1) * h;
                final double y = (j + 1) * h;
                u[i * grid + j] = 256 * x * x * (1 - x) * (1 - x) * y * y * (1 - y) * (1 - y) + shift * x;
            }
        }
        return u;
    }

    @Test
    void costTable() throws IOException {
        final int grid = 100;
        final int n = grid * grid;
        final CsrMatrix heat = advectionDiffusion(grid, 1, 0, 0);
        final CsrMatrix adr = advectionDiffusion(grid, 1, 100, 100);
        final LinearOperator<double[]> heatArnoldi = KrylovPhiProperties.withoutSymmetryHint(heat);
        final StringBuilder md = new StringBuilder();
        md.append("| problem | iteration | tau | p | tol | maxDim | mat-vecs | sub-steps | largest m | rel. error |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        final double[] v0 = smooth(grid, 0);
        final double[] v1 = smooth(grid, 1);
        final Object[][] problems = {
            {"heat (5-pt Laplacian)", heat, "Lanczos"},
            {"heat (5-pt Laplacian)", heatArnoldi, "Arnoldi"},
            {"advection-diffusion (c = 100)", adr, "Arnoldi"},
        };
        final DoubleVectorOps ops = DoubleVectorOps.serial();
        for (Object[] prob : problems) {
            @SuppressWarnings("unchecked")
            final LinearOperator<double[]> a = (LinearOperator<double[]>) prob[1];
            for (double tau : new double[] {1e-3, 1e-2}) {
                for (int p : new int[] {0, 2}) {
                    final double[][] v = p == 0 ? new double[][] {v0} : new double[][] {v0, v1, v1};
                    // Reference: the tightest tolerance with a short basis (many sub-steps).
                    final KrylovPhi<double[]> ref = new KrylovPhi<>(ops, n, 2, 30, 100_000);
                    final double[] expected = new double[n];
                    ref.apply(a, tau, v, p, KrylovPhi.MIN_TOLERANCE, expected);
                    for (int maxDim : new int[] {30, 100}) {
                        for (double tol : new double[] {1e-4, 1e-8, 1e-12}) {
                            final KrylovPhi<double[]> k = new KrylovPhi<>(ops, n, 2, maxDim, 100_000);
                            final double[] out = new double[n];
                            k.apply(a, tau, v, p, tol, out);
                            final double err = KrylovPhiProperties.relativeError(out, expected);
                            assertTrue(err <= tol, prob[0] + " tau " + tau + " p " + p + " tol " + tol + ": " + err);
                            md.append(String.format(Locale.ROOT, "| %s | %s | %g | %d | %.0e | %d | %d | %d | %d | %.1e |%n",
                                prob[0], prob[2], tau, p, tol, maxDim, k.matrixVectorProducts(), k.substeps(),
                                k.largestDimension(), err));
                        }
                    }
                }
            }
        }
        final Path out = Path.of("target", "krylov-cost.md");
        Files.writeString(out, md.toString());
        System.out.println(md);
    }
}
