package org.expint4j.integrate;

import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.problem.LinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.VectorOps;

/** Creates the stepper that executes a method of any family. */
public final class Steppers {

    private Steppers() {
    }

    /**
     * @param method the method
     * @param linearPart \(L\)
     * @param nonlinearity \(N\)
     * @param ops the vector backend
     * @param length the state length
     * @param statistics counters the stepper updates
     * @param <V> vector type
     * @return a new stepper
     * @throws IllegalArgumentException for a method of unknown kind or a length that does not fit
     *     \(L\)
     */
    public static <V> Stepper<V> create(ExponentialMethod method, LinearPart linearPart, Nonlinearity<V> nonlinearity,
                                        VectorOps<V> ops, int length, IntegrationStatistics statistics) {
        if (method instanceof ExponentialRungeKuttaMethod erk) {
            return new ExponentialRungeKuttaStepper<>(erk, linearPart, nonlinearity, ops, length, statistics);
        }
        if (method instanceof ExponentialAdams adams) {
            return new ExponentialAdamsStepper<>(adams, linearPart, nonlinearity, ops, length, statistics);
        }
        throw new IllegalArgumentException("no stepper for method " + method.name() + " of class "
                + method.getClass().getName());
    }
}
