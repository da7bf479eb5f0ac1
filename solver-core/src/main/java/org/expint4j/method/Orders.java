package org.expint4j.method;

/**
 * The orders a method states about itself. The <b>classical</b> order \(p\) holds for a fixed
 * linear part as \(h \to 0\); the <b>stiff</b> order \(q \le p\) holds uniformly in the
 * stiffness of \(L\) (Hochbruck–Ostermann theory, checked by {@link OrderConditions}); the
 * <b>embedded</b> order is that of the error estimator's lower-order solution, 0 if the method
 * has none.
 *
 * <pre>
 *   Orders.of(3, 3).withEmbedded(2)    // hochost3: classical 3, stiff 3, embedded 2
 *   Orders.of(4, 1)                    // lawson4: classical 4, stiff 1, no embedded solution
 * </pre>
 *
 * @param classical the classical order, {@code >= 1}
 * @param stiff the stiff order, {@code 0..classical}
 * @param embedded the embedded order, {@code 0..classical} (0: none)
 */
public record Orders(int classical, int stiff, int embedded) {

    /**
     * @param classical the classical order, {@code >= 1}
     * @param stiff the stiff order, {@code 0..classical}
     * @param embedded the embedded order, {@code 0..classical} (0: none)
     * @throws IllegalArgumentException if an order is outside its range
     */
    public Orders {
        if (classical < 1) {
            throw new IllegalArgumentException("classical order must be >= 1, got " + classical);
        }
        if (stiff < 0 || stiff > classical) {
            throw new IllegalArgumentException("stiff order must be in 0.." + classical + " (the classical order), got "
                    + stiff);
        }
        if (embedded < 0 || embedded > classical) {
            throw new IllegalArgumentException("embedded order must be in 0.." + classical
                    + " (the classical order; 0 for none), got " + embedded);
        }
    }

    /**
     * @param classical the classical order
     * @param stiff the stiff order
     * @return the orders of a method without embedded solution
     * @throws IllegalArgumentException if an order is outside its range
     */
    public static Orders of(int classical, int stiff) {
        return new Orders(classical, stiff, 0);
    }

    /**
     * @param order the embedded order, {@code 1..classical}
     * @return these orders with an embedded solution of that order
     * @throws IllegalArgumentException if the order is outside its range
     */
    public Orders withEmbedded(int order) {
        if (order < 1) {
            throw new IllegalArgumentException("an embedded solution has order >= 1, got " + order);
        }
        return new Orders(classical, stiff, order);
    }

    /** @return whether there is an embedded solution */
    public boolean hasEmbedded() {
        return embedded > 0;
    }

    /** @return e.g. {@code "classical 3, stiff 3, embedded 2"} */
    @Override
    public String toString() {
        return "classical " + classical + ", stiff " + stiff + (embedded > 0 ? ", embedded " + embedded : "");
    }
}
