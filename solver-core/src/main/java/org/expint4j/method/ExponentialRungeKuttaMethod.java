package org.expint4j.method;

/**
 * An explicit exponential Runge–Kutta method: a named {@link ExponentialRungeKuttaTableau} with
 * its stated orders and reference. The catalogue has one small subclass per method (or family),
 * carrying the tableau and its literature reference in the Javadoc.
 */
public class ExponentialRungeKuttaMethod implements ExponentialMethod {

    private final String name;
    private final Family family;
    private final int classicalOrder;
    private final int stiffOrder;
    private final int embeddedOrder;
    private final String reference;
    private final ExponentialRungeKuttaTableau tableau;

    /**
     * @param name registry name
     * @param family {@link Family#EXPONENTIAL_RUNGE_KUTTA} or {@link Family#LAWSON}
     * @param classicalOrder classical order
     * @param stiffOrder stiff order
     * @param embeddedOrder order of the embedded solution, 0 if none
     * @param reference literature reference
     * @param tableau the tableau
     */
    protected ExponentialRungeKuttaMethod(String name, Family family, int classicalOrder, int stiffOrder,
                                          int embeddedOrder, String reference,
                                          ExponentialRungeKuttaTableau tableau) {
        if (family == Family.EXPONENTIAL_ADAMS) {
            throw new IllegalArgumentException("a Runge–Kutta tableau cannot be of family " + family);
        }
        if ((embeddedOrder > 0) != tableau.hasEmbedded()) {
            throw new IllegalArgumentException("embedded order " + embeddedOrder
                    + " inconsistent with a tableau " + (tableau.hasEmbedded() ? "with" : "without")
                    + " embedded weights");
        }
        this.name = name;
        this.family = family;
        this.classicalOrder = classicalOrder;
        this.stiffOrder = stiffOrder;
        this.embeddedOrder = embeddedOrder;
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
    public int classicalOrder() {
        return classicalOrder;
    }

    @Override
    public int stiffOrder() {
        return stiffOrder;
    }

    @Override
    public int embeddedOrder() {
        return embeddedOrder;
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
