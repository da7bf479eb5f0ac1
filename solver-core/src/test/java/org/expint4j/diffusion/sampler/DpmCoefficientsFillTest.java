package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.NumericTableau;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-step fill of {@link DpmCoefficients} from its {@link org.expint4j.method.ParametricTableau}
 * definitions writes, bit for bit, the terms that the former positional implementation wrote
 * (kept below as the oracle), and allocates nothing.
 */
class DpmCoefficientsFillTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 64).map(i -> 0x9E3779B97F4A7C15L * i + 0x632BE59BD9B4E019L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fillIsBitIdenticalToThePositionalRules(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        // random r1 in (0, 1), r2 in (r1, 1); now and then the reference's nodes
        double r1 = rnd.nextInt(8) == 0 ? 1.0 / 3 : rnd.nextDouble(1e-6, 1);
        double r2 = rnd.nextInt(8) == 0 ? 2.0 / 3 : r1 + (1 - r1) * rnd.nextDouble(1e-6, 1);
        if (r2 <= r1 || r2 >= 1) {
            r2 = (r1 + 1) / 2;
        }
        for (SolverType type : SolverType.values()) {
            for (int order = 1; order <= 3; order++) {
                NumericTableau expected = DpmCoefficients.newSinglestepTableau(order);
                NumericTableau actual = DpmCoefficients.newSinglestepTableau(order);
                // stale content first: the fill must replace, not append
                DpmCoefficients.singlestep(actual, order, type, 0.25, 0.75);
                Oracle.singlestep(expected, order, type, r1, order == 3 ? r2 : Double.NaN);
                DpmCoefficients.singlestep(actual, order, type, r1, order == 3 ? r2 : Double.NaN);
                if (order >= 2) {
                    DpmCoefficients.embedded(actual, type, 0.4);
                    Oracle.embedded(expected, type, r1);
                    DpmCoefficients.embedded(actual, type, r1);
                }
                String what = "seed " + seed + ", order " + order + ", " + type + ", r1 = " + r1 + ", r2 = " + r2;
                assertBitIdentical(expected, actual, order >= 2, what);
            }
        }
    }

    private static void assertBitIdentical(NumericTableau expected, NumericTableau actual, boolean embedded,
                                           String what) {
        int s = expected.stages();
        for (int i = 0; i < s; i++) {
            assertEquals(Double.doubleToRawLongBits(expected.node(i)), Double.doubleToRawLongBits(actual.node(i)),
                    what + ": node " + i);
        }
        int lastRow = embedded ? expected.embeddedRow() : expected.outputRow();
        for (int row = 1; row <= lastRow; row++) {
            for (int j = 0; j < Math.min(row, s); j++) {
                String entry = what + ": entry (" + row + ", " + j + ")";
                assertEquals(expected.terms(row, j), actual.terms(row, j), entry + " term count");
                for (int m = 0; m < expected.terms(row, j); m++) {
                    assertEquals(expected.k(row, j, m), actual.k(row, j, m), entry + " term " + m + " k");
                    assertEquals(Double.doubleToRawLongBits(expected.coefficient(row, j, m)),
                            Double.doubleToRawLongBits(actual.coefficient(row, j, m)),
                            entry + " term " + m + " coefficient " + expected.coefficient(row, j, m) + " vs "
                                    + actual.coefficient(row, j, m));
                    assertEquals(Double.doubleToRawLongBits(expected.scale(row, j, m)),
                            Double.doubleToRawLongBits(actual.scale(row, j, m)), entry + " term " + m + " scale");
                }
            }
        }
    }

    /**
     * Filling every rule allocates nothing: 20000 fills allocate exactly as much as 200 (the
     * counter read), with HotSpot's per-thread allocation counter as in the integrator's
     * allocation test.
     */
    @Test
    void fillAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        NumericTableau[] tableaux = {null, DpmCoefficients.newSinglestepTableau(1),
            DpmCoefficients.newSinglestepTableau(2), DpmCoefficients.newSinglestepTableau(3)};
        long tid = Thread.currentThread().getId();
        long few = Long.MAX_VALUE;
        long many = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            for (int calls : new int[] {200, 20000}) {
                long before = threads.getThreadAllocatedBytes(tid);
                fillMany(tableaux, calls);
                long bytes = threads.getThreadAllocatedBytes(tid) - before;
                if (calls == 200) {
                    few = Math.min(few, bytes);
                } else {
                    many = Math.min(many, bytes);
                }
            }
        }
        assertEquals(few, many, "19800 more fills allocated " + (many - few) + " bytes");
    }

    /** The reference's multistep order-3 rule, evaluated every step, allocates nothing either. */
    @Test
    void referenceMultistepRuleAllocatesNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        MultistepCoefficients rule = DpmCoefficients.multistep(SolverType.DPMSOLVER, false);
        double[] theta = {0, -0.8, -1.9};
        double[][] gamma = new double[3][3];
        long tid = Thread.currentThread().getId();
        long few = Long.MAX_VALUE;
        long many = Long.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            for (int calls : new int[] {200, 20000}) {
                long before = threads.getThreadAllocatedBytes(tid);
                for (int n = 0; n < calls; n++) {
                    theta[1] = -0.5 - 1e-5 * n;
                    rule.compute(theta, 3, gamma);
                }
                long bytes = threads.getThreadAllocatedBytes(tid) - before;
                if (calls == 200) {
                    few = Math.min(few, bytes);
                } else {
                    many = Math.min(many, bytes);
                }
            }
        }
        assertEquals(few, many, "19800 more evaluations allocated " + (many - few) + " bytes");
    }

    private static void fillMany(NumericTableau[] tableaux, int calls) {
        for (int n = 0; n < calls; n++) {
            double r1 = 0.1 + 0.5 * (n % 97) / 97.0;
            double r2 = r1 + 0.3;
            SolverType type = (n & 1) == 0 ? SolverType.DPMSOLVER : SolverType.TAYLOR;
            int order = 1 + n % 3;
            DpmCoefficients.singlestep(tableaux[order], order, type, r1, r2);
            if (order >= 2) {
                DpmCoefficients.embedded(tableaux[order], type, r1);
            }
        }
    }

    /** The positional implementation that the parametric definitions replaced, verbatim. */
    private static final class Oracle {

        static void singlestep(NumericTableau tableau, int order, SolverType type, double r1, double r2) {
            int out = tableau.outputRow();
            switch (order) {
                case 1 -> {
                    tableau.clear(out, 0);
                    tableau.addTerm(out, 0, 1, 1, 1);
                }
                case 2 -> {
                    tableau.setNode(1, r1);
                    setEntry(tableau, 1, 0, r1, 1, r1);
                    secondOrderWeights(tableau, out, type, r1);
                }
                case 3 -> {
                    tableau.setNode(1, r1);
                    tableau.setNode(2, r2);
                    setEntry(tableau, 1, 0, r1, 1, r1);
                    double q = r2 * r2 / r1;
                    tableau.clear(2, 0);
                    tableau.addTerm(2, 0, r2, 1, r2);
                    tableau.addTerm(2, 0, -q, 2, r2);
                    setEntry(tableau, 2, 1, q, 2, r2);
                    for (int j = 0; j < 3; j++) {
                        tableau.clear(out, j);
                    }
                    if (type == SolverType.DPMSOLVER) {
                        tableau.addTerm(out, 0, 1, 1, 1);
                        tableau.addTerm(out, 0, -1 / r2, 2, 1);
                        tableau.addTerm(out, 2, 1 / r2, 2, 1);
                    } else {
                        double d = r2 - r1;
                        double b22 = r2 / (r1 * d);
                        double b23 = -2 / (r1 * d);
                        double b32 = -r1 / (r2 * d);
                        double b33 = 2 / (r2 * d);
                        tableau.addTerm(out, 0, 1, 1, 1);
                        tableau.addTerm(out, 0, -(b22 + b32), 2, 1);
                        tableau.addTerm(out, 0, -(b23 + b33), 3, 1);
                        tableau.addTerm(out, 1, b22, 2, 1);
                        tableau.addTerm(out, 1, b23, 3, 1);
                        tableau.addTerm(out, 2, b32, 2, 1);
                        tableau.addTerm(out, 2, b33, 3, 1);
                    }
                }
                default -> throw new IllegalArgumentException("order " + order);
            }
        }

        static void embedded(NumericTableau tableau, SolverType type, double r1) {
            int row = tableau.embeddedRow();
            for (int j = 0; j < tableau.stages(); j++) {
                tableau.clear(row, j);
            }
            if (tableau.stages() == 2) {
                tableau.addTerm(row, 0, 1, 1, 1);
            } else {
                secondOrderWeights(tableau, row, type, r1);
            }
        }

        private static void secondOrderWeights(NumericTableau tableau, int row, SolverType type, double r1) {
            tableau.clear(row, 0);
            tableau.clear(row, 1);
            tableau.addTerm(row, 0, 1, 1, 1);
            if (type == SolverType.DPMSOLVER) {
                tableau.addTerm(row, 0, -1 / (2 * r1), 1, 1);
                tableau.addTerm(row, 1, 1 / (2 * r1), 1, 1);
            } else {
                tableau.addTerm(row, 0, -1 / r1, 2, 1);
                tableau.addTerm(row, 1, 1 / r1, 2, 1);
            }
        }

        private static void setEntry(NumericTableau tableau, int row, int column, double q, int k, double s) {
            tableau.clear(row, column);
            tableau.addTerm(row, column, q, k, s);
        }
    }
}
