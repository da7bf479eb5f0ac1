package org.expint4j.verification.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.expint4j.integrate.FixedStepIntegrator;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.phi.Phi;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.SemilinearProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code expint demo}: the main job on a built-in default. It integrates a stiff semilinear
 * problem with a known solution, \(L = \mathrm{diag}(-1, -10^4)\), \(N = u^2 + g(t)\), with
 * several catalogue methods, prints the error table and the observed orders, and shows why
 * the φ-functions need care near \(z = 0\).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the built-in demonstration: convergence of exponential integrators on a stiff problem.")
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double kappa = 1e4;
        double[] d = {-1.0, -kappa};
        SemilinearProblem problem = SemilinearProblem.of(new DiagonalLinearPart(d), 2, (t, u, o) -> {
            double e0 = 2 + Math.sin(t);
            double e1 = 1 + 0.5 * Math.cos(2 * t);
            o[0] = u[0] * u[0] + Math.cos(t) - d[0] * e0 - e0 * e0;
            o[1] = u[1] * u[1] - Math.sin(2 * t) - d[1] * e1 - e1 * e1;
        });
        double[] u0 = {2, 1.5};
        double[] exact = {2 + Math.sin(1), 1 + 0.5 * Math.cos(2)};
        out.println("Stiff test problem u' = L u + N(t, u), L = diag(-1, -1e4), N = u^2 + g(t),");
        out.println("exact solution u(t) = (2 + sin t, 1 + cos(2t)/2); max error at t = 1.");
        out.println();
        int[] steps = {16, 32, 64, 128, 256};
        out.printf("%-16s", "method \\ steps");
        for (int n : steps) {
            out.printf("%11d", n);
        }
        out.printf("%9s%7s%n", "order", "stiff");
        List<String> names = List.of("etd1", "etd2rk", "etdrk3", "hochost3", "etdrk4", "krogstad", "hochost4",
                "lawson4");
        for (String name : names) {
            ExponentialMethod m = MethodRegistry.byName(name);
            SimpleRegression fit = new SimpleRegression();
            out.printf("%-16s", name);
            for (int n : steps) {
                double[] u = FixedStepIntegrator.solve(problem, m, 0, u0, 1, n);
                double err = Math.max(Math.abs(u[0] - exact[0]), Math.abs(u[1] - exact[1]));
                fit.addData(Math.log(1.0 / n), Math.log(err));
                out.printf("%11.2e", err);
            }
            out.printf("%9.2f%7d%n", fit.getSlope(), m.stiffOrder());
        }
        out.println();
        out.println("phi_4(z) near z = 0: the textbook recurrence phi_{k+1} = (phi_k - 1/k!)/z cancels.");
        out.printf("%10s %24s %24s%n", "z", "expint4j", "naive recurrence");
        for (double z : new double[] {-1e-1, -1e-2, -1e-3, -1e-4, -1e-6}) {
            double naive = Math.exp(z);
            double factorial = 1;
            for (int k = 0; k < 4; k++) {
                naive = (naive - 1 / factorial) / z;
                factorial *= k + 1;
            }
            out.printf("%10.0e %24.17g %24.17g%n", z, Phi.phi(4, z), naive);
        }
        out.flush();
        return 0;
    }
}
