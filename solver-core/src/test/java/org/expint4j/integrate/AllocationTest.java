package org.expint4j.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.DiagonalLinearPart;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Steps allocate nothing in steady state: steps 10 to 2000 of a run allocate exactly as much as
 * steps 10 to 200 (the cost of reading the counter), measured with HotSpot's per-thread
 * allocation counter.
 */
class AllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"etd1", "etdrk4", "hochost4", "lawson4", "abnorsett3", "abnorsett3-warmup"})
    void fixedStepRunsAllocateNothingPerStep(String name) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        ExponentialMethod method = name.startsWith("abnorsett")
                ? new ExponentialAdams(3, name.endsWith("warmup") ? ExponentialAdams.Startup.WARM_UP
                        : ExponentialAdams.Startup.STARTER)
                : MethodRegistry.byName(name);
        int n = 64;
        double[] d = new double[n];
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -i * i;
            u0[i] = Math.cos(i);
        }
        DiagonalLinearPart l = new DiagonalLinearPart(d);
        Nonlinearity<double[]> nonlinear = (t, u, o) -> {
            for (int i = 0; i < u.length; i++) {
                o[i] = -u[i] * u[i] + Math.sin(t);
            }
        };
        long tid = Thread.currentThread().getId();
        // Bytes allocated between step 10 and the last step, read from inside the run so that
        // setup is excluded; the counter read itself costs the same in both runs.
        long[] marks = new long[2];
        int[] last = new int[1];
        FixedStepIntegrator<double[]> integrator = new FixedStepIntegrator<>(method, DoubleVectorOps.serial());
        integrator.addObserver((step, t, state, h, nfe) -> {
            if (step == 10) {
                marks[0] = threads.getThreadAllocatedBytes(tid);
            } else if (step == last[0]) {
                marks[1] = threads.getThreadAllocatedBytes(tid);
            }
        });
        double[] out = new double[n];
        long few = Long.MAX_VALUE;
        long many = Long.MAX_VALUE;
        // The first rounds warm up the JIT; keep the smallest of the measurements of each size.
        for (int round = 0; round < 6; round++) {
            last[0] = 200;
            integrator.integrate(l, nonlinear, u0, 0, 1, 200, out);
            few = Math.min(few, marks[1] - marks[0]);
            last[0] = 2000;
            integrator.integrate(l, nonlinear, u0, 0, 1, 2000, out);
            many = Math.min(many, marks[1] - marks[0]);
        }
        assertEquals(few, many, name + ": 1800 more steps allocated " + (many - few) + " bytes");
    }
}
