/**
 * Noise sources of the stochastic samplers: reproducible standard normal noise per step and per
 * sample, from a seed, by counter-based (stateless, hash-based) generation, so that a sample's
 * noise does not depend on the batch it is drawn in. {@link org.expint4j.diffusion.noise.GaussianNoise}
 * draws independent noise per step; {@link org.expint4j.diffusion.noise.BrownianTreeNoise}
 * normalises increments of one Brownian path per sample, the same for every time grid.
 */
package org.expint4j.diffusion.noise;
