package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.expint4j.diffusion.model.GaussianMixtureModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DPM-Solver++ SDE variants equal k-diffusion's {@code sample_dpmpp_2m_sde} (midpoint and heun)
 * and {@code sample_dpmpp_3m_sde} step for step given the same Brownian increments. The oracle
 * ({@code src/test/python/sde_oracle.py}, run once on k-diffusion commit 4601bf0 in float64) ran
 * the samplers with an exact Gaussian-mixture denoiser on the linear VP schedule and a noise
 * sampler replaying committed standard normal increments; this test replays the same increments
 * through our samplers. k-diffusion's state is \(x/\alpha_t\) with \(\sigma = \sigma_t/\alpha_t\),
 * so its states are compared with ours divided by \(\alpha_t\). Its 3M SDE takes its second step
 * with the taylor (heun) weights and its third-order steps with the reference's published 3M
 * formula, hence {@link SolverType#TAYLOR} and {@code exactThirdOrderMultistep(false)}; it has no
 * lower-order final steps. The first step of every case is SDE-DPM-Solver-1.
 */
class SdeParityTest {

    static final String DIR = "/org/expint4j/diffusion/sampler/sde-oracle/";

    /**
     * Relative bound on every element of every step's state, against the state's largest element:
     * the two float64 computations order the same operations differently (k-diffusion subtracts
     * \(e^{-\eta h}\sigma_{next}/\sigma\) products and expm1's separately, we fold them into
     * φ-weights; our model evaluates the mixture in \(x\) rather than \(x/\alpha\)), a few ulps per
     * operation, and the exact denoiser's contraction keeps them from growing over 20 steps: 1e-13
     * (about 450 ulps); observed at most 2.7e-15 (about 12 ulps).
     */
    static final double TOLERANCE = 1e-13;

    @ParameterizedTest
    @ValueSource(strings = {"2m-sde-midpoint", "2m-sde-heun", "2m-sde-midpoint-eta-0.5", "3m-sde",
        "3m-sde-eta-0.3"})
    void matchesKDiffusionStepForStep(String name) throws IOException {
        Map<String, double[]> data = new HashMap<>();
        List<double[]> noise = new ArrayList<>();
        List<double[]> states = new ArrayList<>();
        String function = read(name, data, noise, states);
        int batch = (int) data.get("batch")[0];
        int dim = (int) data.get("dim")[0];
        double[] beta = data.get("beta");
        LinearSchedule schedule = new LinearSchedule(beta[0], beta[1]);
        double[] weights = data.get("weights");
        double[][] means = rows(data.get("means"), dim);
        double[][] stds = rows(data.get("stds"), dim);
        GaussianMixtureModel model = new GaussianMixtureModel(weights, means, stds, schedule, ModelTimeMap.CONTINUOUS);
        double[] times = data.get("times");
        boolean threeM = function.equals("sample_dpmpp_3m_sde");
        SampleOptions options = new SampleOptions().timeGrid(times).order(threeM ? 3 : 2)
                .solverType(threeM || name.contains("heun") ? SolverType.TAYLOR : SolverType.DPMSOLVER)
                .exactThirdOrderMultistep(false).lowerOrderFinal(false).batchSize(batch)
                .eta(data.get("eta")[0]).sNoise(data.get("s_noise")[0])
                .noise((step, from, to, b, out) -> {
                    assertEquals(times[step - 1], from, "step " + step + " starts at its grid time");
                    assertEquals(times[step], to, "step " + step + " ends at its grid time");
                    System.arraycopy(noise.get(step - 1), 0, out, 0, out.length);
                });
        double[] x = data.get("x_init").clone();
        double alphaT = schedule.alpha(times[0]);
        for (int i = 0; i < x.length; i++) {
            x[i] *= alphaT;
        }
        double[] worst = new double[1];
        DpmSolver<double[]> solver = new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(),
                Algorithm.DPMSOLVER_PLUS_PLUS);
        solver.addObserver((step, t, state, h, nfe) -> {
            double[] expected = states.get(step - 1);
            double alpha = schedule.alpha(t);
            double scale = 0;
            for (double e : expected) {
                scale = Math.max(scale, Math.abs(e));
            }
            for (int i = 0; i < expected.length; i++) {
                double rel = Math.abs(state[i] / alpha - expected[i]) / scale;
                worst[0] = Math.max(worst[0], rel);
                assertTrue(rel <= TOLERANCE, name + " step " + step + " element " + i + ": ours "
                        + state[i] / alpha + ", k-diffusion " + expected[i] + ", relative " + rel);
            }
        });
        SampleResult result = solver.sample(x, options);
        assertEquals(times.length - 1, result.evaluations(), "one evaluation per step");
        assertEquals(states.size(), result.steps(), "steps");
        System.out.printf("SDE parity %s: max relative difference %.2e over %d steps%n", name, worst[0],
                result.steps());
    }

    private static double[][] rows(double[] flat, int dim) {
        double[][] rows = new double[flat.length / dim][];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = Arrays.copyOfRange(flat, k * dim, (k + 1) * dim);
        }
        return rows;
    }

    /** Reads a case: scalar and vector keys into {@code data}, the per-step lines into the lists. */
    static String read(String name, Map<String, double[]> data, List<double[]> noise, List<double[]> states)
            throws IOException {
        String function = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                SdeParityTest.class.getResourceAsStream(DIR + name + ".txt"), name), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.trim().split(" +");
                switch (parts[0]) {
                    case "function" -> function = parts[1];
                    case "solver_type" -> { }
                    default -> {
                        double[] values = new double[parts.length - 1];
                        for (int i = 1; i < parts.length; i++) {
                            values[i - 1] = Double.parseDouble(parts[i]);
                        }
                        switch (parts[0]) {
                            case "noise" -> noise.add(values);
                            case "x" -> states.add(values);
                            default -> data.put(parts[0], values);
                        }
                    }
                }
            }
        }
        return function;
    }
}
