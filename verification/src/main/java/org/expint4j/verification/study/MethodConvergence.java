package org.expint4j.verification.study;

import java.util.List;
import org.expint4j.method.ExponentialMethod;

/**
 * The convergence record of one method in an {@link OrderStudyResult}: its declared orders, its
 * rungs and the fitted observed order.
 */
public final class MethodConvergence {

    private final ExponentialMethod method;
    private final List<Rung> rungs;
    private final OrderFit fit;

    MethodConvergence(ExponentialMethod method, List<Rung> rungs, OrderFit fit) {
        this.method = method;
        this.rungs = List.copyOf(rungs);
        this.fit = fit;
    }

    /** @return the method */
    public ExponentialMethod method() {
        return method;
    }

    /** @return the registry name of the method */
    public String name() {
        return method.name();
    }

    /** @return the rungs, coarse to fine (unmodifiable) */
    public List<Rung> rungs() {
        return rungs;
    }

    /** @return the least-squares fit over the used rungs */
    public OrderFit fit() {
        return fit;
    }

    /** @return the observed order \(\hat p\) (the fitted slope), {@code NaN} without a fit */
    public double observedOrder() {
        return fit.slope();
    }

    /** @return the rungs that entered the fit, coarse to fine */
    public List<Rung> usedRungs() {
        return rungs.stream().filter(r -> r.status().used()).toList();
    }

    /**
     * @return the used range as text, e.g. {@code "n = 4–256 (7 rungs)"} or
     *     {@code "tol = 1e-03–1e-09 (7 rungs)"}; {@code "none"} if no rung was used
     */
    public String usedRange() {
        List<Rung> used = usedRungs();
        if (used.isEmpty()) {
            return "none";
        }
        Rung first = used.get(0);
        Rung last = used.get(used.size() - 1);
        String count = " (" + used.size() + " rung" + (used.size() == 1 ? "" : "s") + ")";
        if (first.adaptive()) {
            return String.format(java.util.Locale.ROOT, "tol = %.0e–%.0e", first.tolerance(), last.tolerance())
                    + count;
        }
        return "n = " + first.steps() + "–" + last.steps() + count;
    }

    /** @return name, observed order and range */
    @Override
    public String toString() {
        return name() + ": observed order " + fit + ", " + usedRange();
    }
}
