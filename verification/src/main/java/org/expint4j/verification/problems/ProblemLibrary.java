package org.expint4j.verification.problems;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.expint4j.verification.problems.pde.PdeProblems;

/**
 * The verification problems by registry name, each with its standard parameters. Problems with
 * other parameters come from the factories of the problem classes
 * ({@link ScalarForcedProblem#random}, {@link ManufacturedStiffProblem#of},
 * {@link HochbruckOstermannProblem#diagonal(int)}, ...).
 *
 * <table class="striped">
 * <caption>Registered problems</caption>
 * <thead><tr><th>name</th><th>problem</th><th>linear part</th></tr></thead>
 * <tbody>
 * <tr><td>{@code scalar-polynomial}</td><td>\(u' = -2u + 1 - t + 3t^2/2 - t^3\)</td><td>scalar</td></tr>
 * <tr><td>{@code scalar-exponential}</td><td>\(u' = -2u + e^{-t/2}\)</td><td>scalar</td></tr>
 * <tr><td>{@code scalar-trigonometric}</td><td>\(u' = -2u + \sin 3t + \tfrac12\cos 3t\)</td>
 *     <td>scalar</td></tr>
 * <tr><td>{@code prothero-robinson}</td><td>\(\lambda = -10^4\), \(\psi = \sin(3t + 0.5)\)</td>
 *     <td>scalar</td></tr>
 * <tr><td>{@code logistic}</td><td>\(u' = u - 2u^2\), \(u_0 = 0.1\), \(t \in [0, 2]\)</td>
 *     <td>scalar</td></tr>
 * <tr><td>{@code manufactured-stiff}</td><td>\(\kappa = 10^4\), bounded forcing</td>
 *     <td>diagonal</td></tr>
 * <tr><td>{@code manufactured-stiff-forcing}</td><td>\(\kappa = 10^4\), forcing
 *     \(O(\kappa)\)</td><td>diagonal</td></tr>
 * <tr><td>{@code nonnormal-2x2}</td><td>\(\kappa = 20\), \(\beta = 50\)</td><td>dense</td></tr>
 * <tr><td>{@code hochost}</td><td>Hochbruck–Ostermann, \(n_d = 200\), sine basis</td>
 *     <td>diagonal</td></tr>
 * <tr><td>{@code hochost-dense}</td><td>Hochbruck–Ostermann, \(n_d = 200\), grid values
 *     (expensive)</td><td>dense</td></tr>
 * </tbody>
 * </table>
 */
public final class ProblemLibrary {

    private static final Map<String, Supplier<BenchmarkProblem>> REGISTRY = build();

    private ProblemLibrary() {
    }

    private static Map<String, Supplier<BenchmarkProblem>> build() {
        Map<String, Supplier<BenchmarkProblem>> r = new LinkedHashMap<>();
        // Scalar problems with closed forms (reference §3.4 items 1-3).
        r.put("scalar-polynomial", () -> ScalarForcedProblem.polynomial(-2, 1, 1, -1, 1.5, -1));
        r.put("scalar-exponential", () -> ScalarForcedProblem.exponential(-2, 1, 1, -0.5));
        r.put("scalar-trigonometric", () -> ScalarForcedProblem.trigonometric(-2, 1, 1, 0.5, 3));
        r.put("prothero-robinson", ProtheroRobinsonProblem::standard);
        r.put("logistic", LogisticProblem::standard);
        // Stiff systems with u-dependent N (reference §3.4 item 4).
        r.put("manufactured-stiff",
                () -> ManufacturedStiffProblem.of(1e4, ManufacturedStiffProblem.Variant.BOUNDED_FORCING));
        r.put("manufactured-stiff-forcing",
                () -> ManufacturedStiffProblem.of(1e4, ManufacturedStiffProblem.Variant.STIFF_FORCING));
        r.put("nonnormal-2x2", NonNormalDenseProblem::standard);
        // Hochbruck-Ostermann parabolic problem (reference §3.1), two forms of one ODE.
        r.put("hochost", () -> HochbruckOstermannProblem.diagonal(HochbruckOstermannProblem.DEFAULT_SUBINTERVALS));
        r.put("hochost-dense", () -> HochbruckOstermannProblem.dense(HochbruckOstermannProblem.DEFAULT_SUBINTERVALS));

        // Stiff PDE benchmarks (Kassam-Trefethen, EXPINT), with their documented references.
        for (String pde : PdeProblems.names()) {
            r.put(pde, () -> PdeProblems.byName(pde));
        }
        // The DPM-Solver++ ODE in log-SNR time, Gaussian data, closed-form solution.
        r.put("diffusion-gaussian", GaussianDiffusionProblem::standard);
        return Collections.unmodifiableMap(r);
    }

    /** @return the registered names, in registry order */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** @return a fresh instance of every registered problem, in registry order */
    public static List<BenchmarkProblem> all() {
        List<BenchmarkProblem> all = new ArrayList<>(REGISTRY.size());
        for (Supplier<BenchmarkProblem> s : REGISTRY.values()) {
            all.add(s.get());
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * @param name a registry name, any case, surrounding blanks ignored
     * @return a fresh instance with the standard parameters
     * @throws IllegalArgumentException if no problem has that name; the message lists the
     *     known names
     */
    public static BenchmarkProblem byName(String name) {
        Supplier<BenchmarkProblem> s = name == null ? null : REGISTRY.get(name.trim().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown problem '" + name + "'; known problems: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return s.get();
    }
}
