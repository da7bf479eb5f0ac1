package org.expint4j.diffusion.sampler;

import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.Orders;

/**
 * The DPM-Solver updates as catalogue-style methods (name, orders, reference): descriptions for
 * reports and for the steppers that execute them, and exact instances at rational nodes for the
 * catalogue's property tests.
 */
public final class DpmMethods {

    private static final String REFERENCE = "C. Lu, Y. Zhou, F. Bao, J. Chen, C. Li, J. Zhu, DPM-Solver, NeurIPS 2022 "
            + "(arXiv:2206.00927); DPM-Solver++, arXiv:2211.01095";

    private DpmMethods() {
    }

    /**
     * The description of single-step DPM-Solver-{@code order} at the reference's nodes
     * (\(r_1 = 1/2\) for order 2, \((1/3, 2/3)\) for order 3), where its orders are
     * (order, order, order − 1); at other nodes see {@link #orders}.
     *
     * @param order 1, 2 or 3
     * @param type the coefficient rule
     * @return the description
     */
    public static ExponentialMethod singlestep(int order, SolverType type) {
        return new Instance(name(order, type), new Orders(order, order, order - 1),
                DpmCoefficients.tableau(order, type).at(order == 2 ? Fraction.ONE_HALF : Fraction.ONE_THIRD,
                        Fraction.TWO_THIRDS));
    }

    /**
     * Single-step DPM-Solver-{@code order} at exact nodes, the tableau
     * {@link DpmCoefficients#tableau}{@code (order, type).at(r1, r2)}, with the orders of
     * {@link #orders}.
     *
     * @param order 1, 2 or 3
     * @param type the coefficient rule
     * @param r1 \(r_1 \in (0, 1)\) (order ≥ 2; ignored for order 1)
     * @param r2 \(r_2 \in (r_1, 1)\) (order 3; ignored below)
     * @return the method, named e.g. {@code dpm-solver-3-taylor[r1=1/3,r2=2/3]}
     * @throws IllegalArgumentException for nodes outside those ranges
     */
    public static ExponentialRungeKuttaMethod singlestep(int order, SolverType type, Fraction r1, Fraction r2) {
        Fraction s1 = order >= 2 ? r1 : null;
        Fraction s2 = order == 3 ? r2 : null;
        if (s1 != null && (s1.compareTo(Fraction.ZERO) <= 0 || s1.compareTo(Fraction.ONE) >= 0)) {
            throw new IllegalArgumentException("r1 must be in (0, 1), got " + r1);
        }
        if (s2 != null && (s2.compareTo(s1) <= 0 || s2.compareTo(Fraction.ONE) >= 0)) {
            throw new IllegalArgumentException("r2 must be in (r1, 1), got r1 = " + r1 + ", r2 = " + r2);
        }
        String nodes = s1 == null ? "" : "[r1=" + format(s1) + (s2 == null ? "" : ",r2=" + format(s2)) + "]";
        return new Instance(name(order, type) + nodes, orders(order, type, s1, s2),
                DpmCoefficients.tableau(order, type).at(s1, s2));
    }

    /**
     * The orders of single-step DPM-Solver-{@code order} at nodes \(r\), as
     * {@link org.expint4j.method.OrderConditions} and the classical limit measure them (they
     * agree with the DPM-Solver paper, whose order-3 proof needs \(r_2 = 2/3\)):
     * <ul>
     * <li>order 1: classical 1, stiff 1;</li>
     * <li>order 2, both types, every \(r_1\): classical 2, stiff 2 (the dpmsolver type's
     *     \(\psi_2 = \varphi_2 - \varphi_1/2\) holds only in weakened form), embedded 1;</li>
     * <li>order 3, both types: classical and stiff 3 if \(r_2 = 2/3\), otherwise 2; embedded
     *     2.</li>
     * </ul>
     *
     * @param order 1, 2 or 3
     * @param type the coefficient rule
     * @param r1 \(r_1\) (unused)
     * @param r2 \(r_2\) (order 3)
     * @return the orders
     */
    public static Orders orders(int order, SolverType type, Fraction r1, Fraction r2) {
        return switch (order) {
            case 1 -> Orders.of(1, 1);
            case 2 -> Orders.of(2, 2).withEmbedded(1);
            case 3 -> (Fraction.TWO_THIRDS.equals(r2) ? Orders.of(3, 3) : Orders.of(2, 2)).withEmbedded(2);
            default -> throw new IllegalArgumentException("single-step order must be 1, 2 or 3, got " + order);
        };
    }

    private static String name(int order, SolverType type) {
        return "dpm-solver-" + order + (order == 1 ? "" : "-" + type.name().toLowerCase());
    }

    private static String format(Fraction f) {
        return f.getDenominator() == 1 ? Integer.toString(f.getNumerator()) : f.getNumerator() + "/" + f.getDenominator();
    }

    /** An exact instance (at the reference's nodes it also describes the per-step tableaux). */
    private static final class Instance extends ExponentialRungeKuttaMethod {
        Instance(String name, Orders orders, org.expint4j.method.ExponentialRungeKuttaTableau tableau) {
            super(name, Family.EXPONENTIAL_RUNGE_KUTTA, orders, REFERENCE, tableau);
        }
    }
}
