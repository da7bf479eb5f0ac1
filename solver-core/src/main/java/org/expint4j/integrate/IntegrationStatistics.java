package org.expint4j.integrate;

/**
 * Counters of one integration run: evaluations of \(N\) (NFE), accepted and rejected steps, and
 * evaluations of the φ-functions of the linear part (one per argument scale and step size not
 * found in the weight cache).
 */
public final class IntegrationStatistics {

    private long evaluations;
    private long acceptedSteps;
    private long rejectedSteps;
    private long phiEvaluations;

    /** Resets every counter to zero. */
    public void reset() {
        evaluations = 0;
        acceptedSteps = 0;
        rejectedSteps = 0;
        phiEvaluations = 0;
    }

    /** @return the number of evaluations of \(N\) (NFE) */
    public long evaluations() {
        return evaluations;
    }

    /** @return the number of accepted steps */
    public long acceptedSteps() {
        return acceptedSteps;
    }

    /** @return the number of rejected steps (adaptive drivers) */
    public long rejectedSteps() {
        return rejectedSteps;
    }

    /** @return the number of φ-function evaluations of the linear part */
    public long phiEvaluations() {
        return phiEvaluations;
    }

    /** Counts one more (for drivers and samplers built on the steppers). */
    public void addEvaluation() {
        evaluations++;
    }

    /** Counts one more (for drivers and samplers built on the steppers). */
    public void addAccepted() {
        acceptedSteps++;
    }

    /** Counts one more (for drivers and samplers built on the steppers). */
    public void addRejected() {
        rejectedSteps++;
    }

    /**
     * @param count φ evaluations to add
     */
    public void addPhiEvaluations(int count) {
        phiEvaluations += count;
    }

    /** @return a copy of the current counts */
    public IntegrationStatistics snapshot() {
        IntegrationStatistics copy = new IntegrationStatistics();
        copy.evaluations = evaluations;
        copy.acceptedSteps = acceptedSteps;
        copy.rejectedSteps = rejectedSteps;
        copy.phiEvaluations = phiEvaluations;
        return copy;
    }

    @Override
    public String toString() {
        return "NFE=" + evaluations + ", accepted=" + acceptedSteps + ", rejected=" + rejectedSteps
                + ", phiEvaluations=" + phiEvaluations;
    }
}
