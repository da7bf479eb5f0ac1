package org.expint4j.diffusion.sampler;

/**
 * What a sampling run reports.
 *
 * @param evaluations NFE: model evaluations (a classifier-free guided evaluation counts once)
 * @param steps steps taken (accepted steps for the adaptive method)
 * @param rejectedSteps rejected trial steps (adaptive method)
 * @param finalTime the time reached
 */
public record SampleResult(long evaluations, int steps, int rejectedSteps, double finalTime) {
}
