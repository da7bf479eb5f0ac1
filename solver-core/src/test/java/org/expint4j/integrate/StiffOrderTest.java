package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.SemilinearProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stiff order is convergence of order \(p\) with an error constant independent of the
 * stiffness. This test measures exactly that on the manufactured problem
 * {@link ManufacturedStiffProblem#create} (\(L = \mathrm{diag}(-1, -\kappa)\), coupled
 * \(u\)-dependent \(N\)): for each \(h = 1/n\), \(n = 16, \dots, 512\), it takes the largest error
 * over \( \kappa \in \{1, 10^2, 10^4, 10^6\} \) (from non-stiff to \(h\kappa \approx 6\cdot
 * 10^4\)) and fits the slope of its logarithm on \(\log h\). Every method must reach at least its
 * stated stiff order minus 0.3.
 *
 * <p>The stiff order is a worst-case bound: on this problem several methods do better (Cox–Matthews
 * ETDRK3 and Krogstad/Strehmel–Weiner show their classical orders 3 and 4). At a single large
 * \(\kappa\) the slopes over this range can also be lower than the stiff order, since error terms
 * like \(h^p/(h\kappa)\) are small but decay only like \(h^{p-1}\); the uniform error is the
 * quantity the theory bounds.
 */
class StiffOrderTest {

    private static final double[] KAPPAS = {1, 1e2, 1e4, 1e6};

    static Stream<ExponentialMethod> methods() {
        List<ExponentialMethod> all = new ArrayList<>(MethodRegistry.all());
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void uniformErrorConvergesAtLeastAtTheStiffOrder(ExponentialMethod method) {
        String table = measure(method, 16, 512);
        double slope = lastSlope;
        System.out.printf("%s: uniform observed order %.3f (stiff order %d)%n%s", method, slope,
                method.stiffOrder(), table);
        assertTrue(slope >= method.stiffOrder() - 0.3,
                () -> method + ": uniform observed order " + slope + " below stiff order " + method.stiffOrder()
                        + " - 0.3\n" + table);
    }

    private double lastSlope;

    private String measure(ExponentialMethod method, int nMin, int nMax) {
        SimpleRegression fit = new SimpleRegression();
        StringBuilder table = new StringBuilder();
        for (int n = nMin; n <= nMax; n *= 2) {
            double worst = 0;
            for (double kappa : KAPPAS) {
                SemilinearProblem problem = ManufacturedStiffProblem.create(kappa);
                double[] u = FixedStepIntegrator.solve(problem, method, 0.0,
                        ManufacturedStiffProblem.exact(kappa, 0.0), 1.0, n);
                double[] exact = ManufacturedStiffProblem.exact(kappa, 1.0);
                worst = Math.max(worst, Math.max(Math.abs(u[0] - exact[0]), Math.abs(u[1] - exact[1])));
            }
            table.append(String.format("  n=%4d max error over kappa=%.3e%n", n, worst));
            fit.addData(Math.log(1.0 / n), Math.log(worst));
        }
        lastSlope = fit.getSlope();
        return table.toString();
    }

    /** Warm-up starts with an order-1 step whose O(h^2) local error caps the global order at 2. */
    @ParameterizedTest(name = "abnorsett{0} warm-up")
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 4})
    void warmUpStartCapsTheOrderAtTwo(int q) {
        ExponentialAdams method = new ExponentialAdams(q, ExponentialAdams.Startup.WARM_UP);
        String table = measure(method, 32, 512);
        double slope = lastSlope;
        System.out.printf("%s: uniform observed order %.3f%n%s", method, slope, table);
        assertTrue(Math.abs(slope - 2) <= 0.3, () -> method + ": observed order " + slope + ", expected 2\n" + table);
    }
}
