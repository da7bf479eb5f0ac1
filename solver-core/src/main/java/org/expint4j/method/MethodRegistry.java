package org.expint4j.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The catalogue of methods by registry name (see the table in the package documentation).
 * Methods are immutable, so the same instances are shared.
 */
public final class MethodRegistry {

    private static final List<ExponentialMethod> ALL = build();

    private MethodRegistry() {
    }

    private static List<ExponentialMethod> build() {
        List<ExponentialMethod> methods = new ArrayList<>();
        // exponential Runge–Kutta, by stages then stiff order
        methods.add(new ExponentialEuler());
        methods.add(HochbruckOstermann2.hochost2());
        methods.add(HochbruckOstermann2.etd2rk());
        methods.add(new CoxMatthewsEtdrk3());
        methods.add(HochbruckOstermann3.hochost3());
        methods.add(new CoxMatthewsEtdrk4());
        methods.add(new Krogstad());
        methods.add(new StrehmelWeiner());
        methods.add(new HochbruckOstermann4());
        // Lawson (integrating factor)
        methods.add(LawsonMethod.euler());
        methods.add(LawsonMethod.rk4());
        // exponential Adams (Nørsett), started by single-step methods of matching order
        for (int q = 2; q <= ExponentialAdams.MAX_STARTER_ORDER; q++) {
            methods.add(new ExponentialAdams(q, ExponentialAdams.Startup.STARTER));
        }
        return List.copyOf(methods);
    }

    /** @return every registered method, in catalogue order (unmodifiable) */
    public static List<ExponentialMethod> all() {
        return ALL;
    }

    /** @return the registered names, in catalogue order */
    public static List<String> names() {
        return ALL.stream().map(ExponentialMethod::name).collect(Collectors.toUnmodifiableList());
    }

    /**
     * @param name a registry name, any case
     * @return the method
     * @throws IllegalArgumentException if no method has that name; the message lists the known
     *     names
     */
    public static ExponentialMethod byName(String name) {
        if (name != null) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            for (ExponentialMethod m : ALL) {
                if (m.name().equals(key)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown method '" + name + "'; known methods: "
                + String.join(", ", names()));
    }
}
