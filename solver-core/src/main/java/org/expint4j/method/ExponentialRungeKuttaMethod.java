package org.expint4j.method;

/**
 * An explicit exponential Runge–Kutta method: a named {@link ExponentialRungeKuttaTableau} with
 * its stated orders and reference. The catalogue has one small subclass per method (or family),
 * carrying the tableau and its literature reference in the Javadoc.
 */
public class ExponentialRungeKuttaMethod implements ExponentialMethod {

    private final String name;
    private final Family family;
    private final Orders orders;
    private final String reference;
    private final ExponentialRungeKuttaTableau tableau;

    /**
     * @param name registry name
     * @param family {@link Family#EXPONENTIAL_RUNGE_KUTTA} or {@link Family#LAWSON}
     * @param orders the stated orders; an embedded order exactly when the tableau has embedded
     *     weights
     * @param reference literature reference
     * @param tableau the tableau
     * @throws IllegalArgumentException for the Adams family or an embedded order inconsistent
     *     with the tableau
     */
    protected ExponentialRungeKuttaMethod(String name, Family family, Orders orders, String reference,
                                          ExponentialRungeKuttaTableau tableau) {
        if (family == Family.EXPONENTIAL_ADAMS) {
            throw new IllegalArgumentException("a Runge–Kutta tableau cannot be of family " + family);
        }
        if (orders.hasEmbedded() != tableau.hasEmbedded()) {
            throw new IllegalArgumentException("embedded order " + orders.embedded()
                    + " inconsistent with a tableau " + (tableau.hasEmbedded() ? "with" : "without")
                    + " embedded weights");
        }
        this.name = name;
        this.family = family;
        this.orders = orders;
        this.reference = reference;
        this.tableau = tableau;
    }

    /** @return the tableau */
    public ExponentialRungeKuttaTableau tableau() {
        return tableau;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Family family() {
        return family;
    }

    @Override
    public int stages() {
        return tableau.stages();
    }

    @Override
    public Orders orders() {
        return orders;
    }

    @Override
    public String reference() {
        return reference;
    }

    @Override
    public String toString() {
        return name;
    }
}
