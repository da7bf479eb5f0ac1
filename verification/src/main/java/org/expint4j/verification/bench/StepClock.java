package org.expint4j.verification.bench;

import org.expint4j.integrate.StepObserver;

/**
 * A step observer that reads the clock and the calling thread's allocation counter after step
 * {@code from} and after step {@code to} of a run, so that the steady-state time and allocation
 * per step exclude the run's set-up (buffers, first φ-weights) and its first steps. It allocates
 * nothing.
 *
 * @param <V> vector type
 */
public final class StepClock<V> implements StepObserver<V> {

    private int from;
    private int to;
    private long startNanos;
    private long endNanos;
    private long startBytes;
    private long endBytes;

    /**
     * Arms the clock for the next run.
     *
     * @param fromStep step after which the clock starts, {@code >= 1}
     * @param toStep step after which it stops, {@code > fromStep}
     */
    public void arm(int fromStep, int toStep) {
        from = fromStep;
        to = toStep;
        startNanos = 0;
        endNanos = 0;
    }

    @Override
    public void stepAccepted(int step, double t, V state, double h, long evaluations) {
        if (step == from) {
            startBytes = Allocation.current();
            startNanos = System.nanoTime();
        } else if (step == to) {
            endNanos = System.nanoTime();
            endBytes = Allocation.current();
        }
    }

    /** @return nanoseconds per step between the two marks of the last run */
    public double nanosPerStep() {
        if (endNanos == 0 || startNanos == 0) {
            throw new IllegalStateException("the run did not reach steps " + from + " and " + to);
        }
        return (endNanos - startNanos) / (double) (to - from);
    }

    /** @return bytes the calling thread allocated per step between the two marks */
    public double bytesPerStep() {
        return (endBytes - startBytes) / (double) (to - from);
    }
}
