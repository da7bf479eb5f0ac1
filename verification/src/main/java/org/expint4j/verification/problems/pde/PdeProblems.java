package org.expint4j.verification.problems.pde;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The stiff semilinear PDE benchmarks, by registry name, in their default settings:
 *
 * <table class="striped">
 * <caption>PDE problems</caption>
 * <tr><th>name</th><th>equation</th><th>discretisation</th><th>\(L\)</th><th>span</th></tr>
 * <tr><td>{@code ks}</td><td>Kuramoto–Sivashinsky</td><td>Fourier, \(n = 128\), \([0, 32\pi)\)</td>
 *     <td>real diagonal</td><td>\([0, 10]\)</td></tr>
 * <tr><td>{@code burgers}</td><td>viscous Burgers, \(\varepsilon = 0.03\)</td>
 *     <td>Fourier, \(n = 128\), \([-\pi, \pi)\)</td><td>real diagonal</td><td>\([0, 1]\)</td></tr>
 * <tr><td>{@code kdv}</td><td>Korteweg–de Vries, two solitons</td>
 *     <td>Fourier, \(n = 256\), \([-\pi, \pi)\)</td><td>imaginary diagonal</td><td>\([0, 0.006]\)</td></tr>
 * <tr><td>{@code allen-cahn}</td><td>Allen–Cahn, \(\varepsilon = 0.005\), periodic</td>
 *     <td>Fourier, \(n = 256\), \([0, 2\pi)\)</td><td>real diagonal</td><td>\([0, 10]\)</td></tr>
 * <tr><td>{@code allen-cahn-cheb}</td><td>Allen–Cahn, \(\varepsilon = 0.001\), \(u(\pm1) = \pm1\)</td>
 *     <td>Chebyshev, \(n_D = 50\), \([-1, 1]\)</td><td>dense</td><td>\([0, 10]\)</td></tr>
 * </table>
 *
 * <p>Each call returns a new instance: the problems hold work arrays and are not thread-safe.
 * Their reference solutions are cached process-wide, so only the first instance pays for one.
 */
public final class PdeProblems {

    private static final List<String> NAMES = List.of(KuramotoSivashinsky.NAME, ViscousBurgers.NAME,
            KortewegDeVries.NAME, AllenCahnFourier.NAME, AllenCahnChebyshev.NAME);

    private PdeProblems() {
    }

    /** @return the registry names, in table order */
    public static List<String> names() {
        return NAMES;
    }

    /** @return a new instance of every problem in its default setting, in table order */
    public static List<PdeProblem> all() {
        return NAMES.stream().map(PdeProblems::byName).toList();
    }

    /**
     * @param name a registry name, any case
     * @return a new instance of that problem in its default setting
     * @throws IllegalArgumentException for an unknown name; the message lists the known ones
     */
    public static PdeProblem byName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Supplier<PdeProblem> factory = switch (key) {
            case KuramotoSivashinsky.NAME -> KuramotoSivashinsky::new;
            case ViscousBurgers.NAME -> ViscousBurgers::new;
            case KortewegDeVries.NAME -> KortewegDeVries::new;
            case AllenCahnFourier.NAME -> AllenCahnFourier::new;
            case AllenCahnChebyshev.NAME -> AllenCahnChebyshev::new;
            default -> throw new IllegalArgumentException("unknown PDE problem '" + name + "'; known: "
                    + String.join(", ", NAMES));
        };
        return factory.get();
    }
}
