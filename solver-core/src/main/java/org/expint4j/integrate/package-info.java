/**
 * Driving the methods: one step loop, {@link org.expint4j.integrate.StepLoop}, that every driver
 * and sampler runs, and what it is configured with.
 * <ul>
 * <li>{@link org.expint4j.integrate.Stepper}: a method bound to \(L\), \(N\) and a backend, all
 *     storage preallocated ({@link org.expint4j.integrate.ExponentialRungeKuttaStepper},
 *     {@link org.expint4j.integrate.ExponentialAdamsStepper});</li>
 * <li>{@link org.expint4j.integrate.StepControl}: where trial steps go and whether they are kept
 *     ({@link org.expint4j.integrate.FixedGrid}, or the error control of
 *     {@link org.expint4j.integrate.StepSizeController} with an
 *     {@link org.expint4j.integrate.ErrorNorm});</li>
 * <li>{@link org.expint4j.integrate.TimeMap}: identity, or an integration time and variable
 *     (DPM-Solver's \(\lambda\) and \(x/\alpha_t\));</li>
 * <li>{@link org.expint4j.integrate.StepHook} and {@link org.expint4j.integrate.StepObserver}:
 *     what happens around each step.</li>
 * </ul>
 * The loop owns the finiteness check, the trial limit, step-size underflow, the statistics and the
 * observers, for every configuration alike. The drivers are configurations of it:
 * {@link org.expint4j.integrate.FixedStepIntegrator}, {@link org.expint4j.integrate.AdaptiveIntegrator}
 * and the Commons Math adapter {@link org.expint4j.integrate.ExponentialFirstOrderIntegrator};
 * so is {@code org.expint4j.diffusion.sampler.DpmSolver}. Depends on {@code method},
 * {@code problem}, {@code phi} and {@code vector}, never on {@code diffusion}.
 */
package org.expint4j.integrate;
