package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.fraction.Fraction;
import org.expint4j.method.HochbruckOstermann2;
import org.expint4j.method.HochbruckOstermann3;
import org.expint4j.method.NumericTableau;
import org.junit.jupiter.api.Test;

/**
 * DPM-Solver's single-step updates are catalogue methods in λ-time: the order-3 'dpmsolver' rule
 * with \(r = (1/3, 2/3)\) is the Hochbruck–Ostermann stiff-order-3 family with \(c_2 = 1/3\), and
 * the order-2 'taylor' rule with \(r_1\) is the 2-stage family with \(c_2 = r_1\). Checked entry by
 * entry at scalar arguments of both signs (\(L = \pm 1\)).
 */
class DpmCoefficientsTest {

    private static void assertSameTableau(NumericTableau expected, NumericTableau actual) {
        for (double z : new double[] {-3.7, -0.4, -1e-3, 1e-3, 0.4, 3.7}) {
            for (int row = 1; row <= expected.stages(); row++) {
                int width = row < expected.stages() ? row : expected.stages();
                for (int j = 0; j < width; j++) {
                    assertEquals(expected.value(row, j, z), actual.value(row, j, z), 1e-15,
                            "row " + row + ", column " + j + ", z = " + z);
                }
            }
            for (int i = 0; i < expected.stages(); i++) {
                assertEquals(expected.node(i), actual.node(i), 1e-16, "node " + i);
            }
        }
    }

    @Test
    void dpmSolver3IsHochbruckOstermann3() {
        NumericTableau dpm = DpmCoefficients.newSinglestepTableau(3);
        DpmCoefficients.singlestep(dpm, 3, SolverType.DPMSOLVER, 1.0 / 3, 2.0 / 3);
        assertSameTableau(NumericTableau.of(HochbruckOstermann3.hochost3().tableau()), dpm);
    }

    @Test
    void dpmSolver2TaylorIsHochbruckOstermann2() {
        for (int[] r : new int[][] {{1, 2}, {1, 3}, {2, 3}}) {
            NumericTableau dpm = DpmCoefficients.newSinglestepTableau(2);
            DpmCoefficients.singlestep(dpm, 2, SolverType.TAYLOR, (double) r[0] / r[1], Double.NaN);
            assertSameTableau(NumericTableau.of(new HochbruckOstermann2(new Fraction(r[0], r[1])).tableau()), dpm);
        }
    }
}
