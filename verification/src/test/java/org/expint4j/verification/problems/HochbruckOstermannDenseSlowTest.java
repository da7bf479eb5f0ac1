package org.expint4j.verification.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.expint4j.verification.study.OrderStudy;
import org.expint4j.verification.study.OrderStudyResult;
import org.expint4j.verification.study.Rung;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The standard Hochbruck–Ostermann problem (\(n_d = 200\)) with its dense tridiagonal \(L\):
 * every φ-evaluation is a matrix function of a 199×199 matrix (an exponential of an augmented
 * matrix of order up to 796), about a second each. The errors must be those of the sine-basis
 * form, rung by rung. Slow: run with {@code -Pstudies}.
 */
@Tag("slow")
class HochbruckOstermannDenseSlowTest {

    @Test
    void denseFormReproducesTheDiagonalFormAtFullSize() {
        String[] methods = {"etd1", "etd2rk", "etdrk4", "krogstad", "hochost4", "lawson4"};
        OrderStudyResult dense = OrderStudy.builder().problem(ProblemLibrary.byName("hochost-dense")).methods(methods)
                .stepLadder(4, 64).run();
        OrderStudyResult diagonal = OrderStudy.builder().problem(ProblemLibrary.byName("hochost")).methods(methods)
                .stepLadder(4, 64).run();
        System.out.println(dense.toMarkdown());
        for (String m : methods) {
            List<Rung> a = dense.method(m).rungs();
            List<Rung> b = diagonal.method(m).rungs();
            for (int i = 0; i < a.size(); i++) {
                // Errors >= 1e-9 here; the two forms differ by the rounding of S and of the dense
                // φ (relative 1e-12 or so of |u| ~ 0.7), far below a part in 1e-3 of the error.
                assertEquals(b.get(i).maxError(), a.get(i).maxError(), 1e-3 * b.get(i).maxError(),
                        m + " at n = " + a.get(i).steps());
            }
            assertEquals(diagonal.method(m).observedOrder(), dense.method(m).observedOrder(), 0.01, m);
        }
    }
}
