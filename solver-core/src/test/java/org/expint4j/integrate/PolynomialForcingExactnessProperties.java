package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.phi.Phi;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For \(u' = \lambda u + g(t)\) with \(N\) independent of \(u\), an exponential Runge–Kutta method
 * reduces to its exponential quadrature, which is exact when \(g\) is a polynomial of degree
 * below the quadrature order \(p\) (the largest \(p\) with \(\psi_1 = \dots = \psi_p = 0\)).
 * The exact one-step map is \(u(t+h) = e^{h\lambda}u(t) + \sum_k h^{k+1}\varphi_{k+1}(h\lambda)
 * g^{(k)}(t)\), so the test needs no reference solver: the integrator must agree with it to
 * rounding for every \(h\) and every \(\lambda \le 0\).
 */
class PolynomialForcingExactnessProperties {

    /** Quadrature orders from the strong conditions ψ_1..ψ_p (reference §2.4, §3.4). */
    private static final Map<String, Integer> QUADRATURE_ORDER = Map.ofEntries(
            Map.entry("etd1", 1), Map.entry("hochost2", 2), Map.entry("etd2rk", 2), Map.entry("etdrk3", 3),
            Map.entry("hochost3", 2), Map.entry("etdrk4", 3), Map.entry("krogstad", 3),
            Map.entry("strehmel-weiner", 3), Map.entry("hochost4", 3));

    static Stream<Arguments> instances() {
        List<Arguments> cases = new ArrayList<>();
        for (ExponentialMethod m : MethodRegistry.all()) {
            Integer p = QUADRATURE_ORDER.get(m.name());
            if (p == null) {
                continue; // Lawson methods are not exact even for constant forcing; Adams tested apart
            }
            for (long seed = 1; seed <= 25; seed++) {
                cases.add(Arguments.of(m.name(), p, seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("instances")
    void exactForPolynomialForcingOfDegreeBelowQuadratureOrder(String name, int p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // λ from 0 down to -1e6 (log-uniform), h from 1e-3 to 10: covers non-stiff to very stiff hλ.
        double lambda = random.nextInt(5) == 0 ? 0.0 : -Math.pow(10, random.nextDouble(-2, 6));
        double h = Math.pow(10, random.nextDouble(-3, 1));
        int steps = 1 + random.nextInt(5);
        double[] g = new double[p]; // g(t) = sum_d g[d] t^d, degree p-1
        for (int d = 0; d < p; d++) {
            g[d] = random.nextDouble(-2, 2);
        }
        double u0 = random.nextDouble(-1, 1);
        double t0 = random.nextDouble(-1, 1);

        double[] out = new double[1];
        new FixedStepIntegrator<>(MethodRegistry.byName(name), DoubleVectorOps.serial()).integrate(
                new ScalarLinearPart(lambda), (t, u, o) -> o[0] = polynomial(g, t, 0), new double[] {u0},
                t0, t0 + steps * h, steps, out);

        double exact = u0;
        double scale = Math.abs(u0);
        for (int s = 0; s < steps; s++) {
            double t = t0 + s * h;
            double next = Phi.phi(0, h * lambda) * exact;
            for (int k = 0; k < p; k++) {
                double term = Math.pow(h, k + 1) * Phi.phi(k + 1, h * lambda) * polynomial(g, t, k);
                next += term;
                scale = Math.max(scale, Math.abs(term));
            }
            exact = next;
            scale = Math.max(scale, Math.abs(exact));
        }
        // Rounding only: a few ulps of the largest term per step and per stage.
        double tolerance = 1e-13 * scale * steps;
        double expected = exact;
        assertTrue(Math.abs(out[0] - expected) <= tolerance,
                () -> "seed " + seed + ", " + name + ": λ=" + lambda + ", h=" + h + ", steps=" + steps
                        + ": got " + out[0] + ", exact " + expected + ", |diff| = " + Math.abs(out[0] - expected)
                        + " > " + tolerance);
    }

    /** The k-th derivative at t of the polynomial with coefficients c (lowest degree first). */
    static double polynomial(double[] c, double t, int k) {
        double sum = 0;
        for (int d = c.length - 1; d >= k; d--) {
            double falling = 1;
            for (int i = 0; i < k; i++) {
                falling *= d - i;
            }
            sum = sum * t + c[d] * falling;
        }
        return sum;
    }
}
