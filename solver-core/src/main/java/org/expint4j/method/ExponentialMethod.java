package org.expint4j.method;

/**
 * What every method of the catalogue states about itself: its name, family, cost per step,
 * classical order, stiff order and literature reference. The stiff order is the order that holds
 * uniformly in the stiffness of \(L\) (Hochbruck–Ostermann theory, analytic-semigroup setting);
 * the classical order holds for fixed \(L\) as \(h \to 0\).
 */
public interface ExponentialMethod {

    /** @return the registry name, lower case, e.g. {@code "hochost4"} */
    String name();

    /** @return the family */
    Family family();

    /** @return the number of evaluations of \(N\) per step */
    int stages();

    /** @return the classical, stiff and embedded orders */
    Orders orders();

    /** @return the classical order */
    default int classicalOrder() {
        return orders().classical();
    }

    /** @return the stiff order */
    default int stiffOrder() {
        return orders().stiff();
    }

    /**
     * @return the order of the embedded error estimator's lower-order solution, or 0 if the
     *     method has none
     */
    default int embeddedOrder() {
        return orders().embedded();
    }

    /** @return the literature reference */
    String reference();

    /** Method families. */
    enum Family {
        /** Explicit exponential Runge–Kutta in φ-form. */
        EXPONENTIAL_RUNGE_KUTTA,
        /** Lawson (integrating-factor) Runge–Kutta. */
        LAWSON,
        /** Exponential Adams (Nørsett) multistep. */
        EXPONENTIAL_ADAMS
    }
}
