package org.expint4j.diffusion;

import org.expint4j.method.ExponentialMethod;

/**
 * The DPM-Solver updates as catalogue-style method descriptions (name, orders, reference), for
 * reports and for the steppers that execute them.
 */
public final class DpmMethods {

    private static final String REFERENCE = "C. Lu, Y. Zhou, F. Bao, J. Chen, C. Li, J. Zhu, DPM-Solver, NeurIPS 2022 "
            + "(arXiv:2206.00927); DPM-Solver++, arXiv:2211.01095";

    private DpmMethods() {
    }

    /**
     * @param order 1, 2 or 3
     * @param type the coefficient rule
     * @return the description of single-step DPM-Solver-{@code order}
     */
    public static ExponentialMethod singlestep(int order, SolverType type) {
        return new Description("dpm-solver-" + order + (order == 1 ? "" : "-" + type.name().toLowerCase()),
                order, order, order == 1 ? 0 : order - 1);
    }

    /** A method description. */
    private record Description(String name, int classicalOrder, int stiffOrder, int embeddedOrder)
            implements ExponentialMethod {

        @Override
        public Family family() {
            return Family.EXPONENTIAL_RUNGE_KUTTA;
        }

        @Override
        public int stages() {
            return classicalOrder;
        }

        @Override
        public String reference() {
            return REFERENCE;
        }
    }
}
