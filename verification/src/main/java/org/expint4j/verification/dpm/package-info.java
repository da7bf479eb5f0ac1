/**
 * The DPM sampling study: DDIM, DPM-Solver (fast, 2, 3, adaptive 12/23), DPM-Solver++ (2M, 3M
 * with the reference formula and with exact weights) and a black-box RK45 on the
 * probability-flow ODE of a Gaussian mixture with an exact noise predictor, under the discrete
 * linear-β and the continuous linear VP schedules: error against a high-accuracy reference vs
 * NFE, a sliced Wasserstein distance to exact data samples, and the NFE each solver needs for a
 * target error (the analogue of the DPM-Solver paper's tables and its speed-up claim).
 *
 * <p>Entry points: {@link org.expint4j.verification.dpm.DpmStudy#builder()} for the library,
 * {@code expint dpm-study} ({@code cli.DpmStudyCommand}) for the command line.
 */
package org.expint4j.verification.dpm;
