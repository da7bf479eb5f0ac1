package org.expint4j.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The factories of the problem package refuse what they cannot use, naming the argument. */
class ProblemArgumentsTest {

    private static void assertMessage(Class<? extends RuntimeException> type, Executable call, String part) {
        final RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(part),
            "message should contain '" + part + "': " + e.getMessage());
    }

    @Test
    void semilinearProblemOfNullNonlinearity() {
        final LinearPart l = new ScalarLinearPart(-1);
        assertMessage(NullPointerException.class, () -> SemilinearProblem.of(l, 3, null), "nonlinear");
        assertMessage(NullPointerException.class,
            () -> SemilinearProblem.of(null, 3, (t, u, out) -> { }), "linearPart");
        assertEquals(3, SemilinearProblem.of(l, 3, (t, u, out) -> { }).getDimension());
    }

    @Test
    void diagonalLinearPartOfEmptyArray() {
        assertMessage(IllegalArgumentException.class, () -> new DiagonalLinearPart(new double[0]),
            "diagonal is empty");
        assertMessage(NullPointerException.class, () -> new DiagonalLinearPart(null), "diagonal");
        assertMessage(IllegalArgumentException.class, () -> new ComplexDiagonalLinearPart(new double[0]),
            "diagonal is empty");
        assertMessage(NullPointerException.class, () -> new ComplexDiagonalLinearPart(null), "diagonal");
        assertMessage(NullPointerException.class, () -> new DenseLinearPart((double[][]) null), "matrix");
        assertMessage(IllegalArgumentException.class, () -> new DenseLinearPart(new double[0][0]), "empty");
        assertEquals(1, new DiagonalLinearPart(new double[] {-2}).dimension());
    }
}
