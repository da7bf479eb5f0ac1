package org.expint4j.verification.dpm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NfeToTargetTest {

    @Test
    void interpolatesAPowerLawExactly() {
        // error = 10 / NFE^2 reaches 1e-3 at NFE = 100.
        long[] nfe = {10, 50, 200, 20};
        double[] err = new double[nfe.length];
        for (int i = 0; i < nfe.length; i++) {
            err[i] = 10.0 / (nfe[i] * nfe[i]);
        }
        NfeToTarget n = NfeToTarget.of(nfe, err, 1e-3);
        assertEquals(NfeToTarget.Bound.EXACT, n.bound());
        assertEquals(100, n.value(), 1e-9);
    }

    @Test
    void boundsOutsideTheMeasuredRange() {
        long[] nfe = {10, 20};
        double[] err = {1e-4, 1e-5};
        assertEquals(new NfeToTarget(10, NfeToTarget.Bound.AT_MOST), NfeToTarget.of(nfe, err, 1e-3));
        assertEquals(new NfeToTarget(20, NfeToTarget.Bound.MORE_THAN), NfeToTarget.of(nfe, err, 1e-6));
    }

    @Test
    void firstCrossingCountsForNonMonotoneCurves() {
        long[] nfe = {10, 20, 40};
        double[] err = {1e-1, 1e-3, 1e-2};
        // Between (10, 1e-1) and (20, 1e-3) the error falls as NFE^{-6.64}: 1e-2 at 10 sqrt(2).
        assertEquals(10 * Math.sqrt(2), NfeToTarget.of(nfe, err, 1e-2).value(), 1e-9);
    }

    @Test
    void ratiosCarryTheBounds() {
        NfeToTarget exact40 = new NfeToTarget(40, NfeToTarget.Bound.EXACT);
        NfeToTarget exact10 = new NfeToTarget(10, NfeToTarget.Bound.EXACT);
        NfeToTarget over1000 = new NfeToTarget(1000, NfeToTarget.Bound.MORE_THAN);
        assertEquals("4.0×", NfeToTarget.ratio(exact40, exact10));
        assertEquals("> 100.0×", NfeToTarget.ratio(over1000, exact10));
        assertEquals("> 25.0×", NfeToTarget.ratio(over1000, exact40));
        assertEquals("≤ 4.0×", NfeToTarget.ratio(new NfeToTarget(40, NfeToTarget.Bound.AT_MOST), exact10));
        assertEquals("> 1000", over1000.toString());
        assertEquals("≤ 40.0", new NfeToTarget(40, NfeToTarget.Bound.AT_MOST).toString());
    }
}
