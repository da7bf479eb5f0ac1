package org.expint4j.verification.dpm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MixtureSpecTest {

    @Test
    void drawsSeparatedModesWithStdsInRangeAndNonUniformWeights() {
        for (int d : new int[] {2, 4, 16}) {
            MixtureSpec m = MixtureSpec.random(d, 4, 0.2, 0.5, 11);
            assertEquals(d, m.dimension());
            assertTrue(MixtureSpec.minimumSeparation(m.means()) >= 2.0);
            double sum = 0;
            for (double w : m.weights()) {
                sum += w;
                assertNotEquals(0.25, w, 1e-3);
            }
            assertEquals(1, sum, 1e-15);
            for (double[] row : m.stds()) {
                for (double s : row) {
                    assertTrue(s >= 0.2 && s <= 0.5);
                }
            }
        }
    }

    @Test
    void isDeterministicInTheSeed() {
        MixtureSpec a = MixtureSpec.random(8, 3, 0.2, 0.5, 5);
        MixtureSpec b = MixtureSpec.random(8, 3, 0.2, 0.5, 5);
        assertArrayEquals(a.weights(), b.weights());
        assertArrayEquals(a.means()[2], b.means()[2]);
        assertArrayEquals(a.stds()[1], b.stds()[1]);
    }
}
