package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.method.ExponentialRungeKuttaMethod;
import org.expint4j.method.MultistepCoefficients;
import org.expint4j.method.MultistepOrderConditions;
import org.expint4j.method.OrderConditions;
import org.expint4j.method.UniPcCoefficients;
import org.junit.jupiter.api.Test;

/**
 * Which diffusion samplers satisfy the stiff order conditions: the checkers of the method
 * package run on every sampler's update rule, the result published as the table of
 * docs/theory.md ("Stiff order of the diffusion samplers"), which must be the table this test
 * computes, verbatim. The expected verdicts are asserted too, so that a changed rule fails here
 * with its profile rather than only as a changed page.
 */
class SamplerStiffOrderTableTest {

    private record Row(String rule, String knownAs, String symbols, int stiff, int classical) {
        String line() {
            return "| " + rule + " | " + knownAs + " | `" + symbols + "` | " + stiff + " | " + classical + " |";
        }
    }

    private static Row singlestep(int order, SolverType type, String knownAs) {
        ExponentialRungeKuttaMethod m = (ExponentialRungeKuttaMethod) DpmMethods.singlestep(order, type);
        OrderConditions.Profile p = OrderConditions.profile(m.tableau());
        return new Row(m.name() + " (single-step)", knownAs, p.symbols().substring(0, 5), p.stiffOrder(),
                m.tableau().classicalLimit().order());
    }

    /** On a uniform λ-grid, θ_j = −j; the verdicts are the same at the random ratios of {@code MultistepOrderConditionsTest}. */
    private static Row multistep(String rule, MultistepCoefficients coefficients, int p, String knownAs) {
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = -j;
        }
        MultistepOrderConditions.Profile profile = MultistepOrderConditions.profile(coefficients, theta, p + 1);
        return new Row(rule + " (multistep)", knownAs, profile.symbols(), profile.stiffOrder(),
                profile.classicalOrder());
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(singlestep(1, SolverType.DPMSOLVER, "DDIM, exponential Euler"));
        rows.add(singlestep(2, SolverType.DPMSOLVER, "DPM-Solver-2S, k-diffusion `dpmpp_2s`, diffusers singlestep order 2"));
        rows.add(singlestep(2, SolverType.TAYLOR, "RES 2S (c₂ = 1/2)"));
        rows.add(singlestep(3, SolverType.DPMSOLVER, "DPM-Solver-3S, diffusers singlestep order 3"));
        rows.add(singlestep(3, SolverType.TAYLOR, "DPM-Solver-3 taylor"));
        rows.add(multistep("DPM-Solver(++) 2M, dpmsolver type", DpmCoefficients.multistep(SolverType.DPMSOLVER, true), 2,
                "reference default, k-diffusion `dpmpp_2m`, diffusers midpoint"));
        rows.add(multistep("UniP-2, bh1", UniPcCoefficients.predictor(UniPcCoefficients.Variant.BH1), 2,
                "UniPC's order-2 predictor (official default)"));
        rows.add(multistep("UniP-2, bh2", UniPcCoefficients.predictor(UniPcCoefficients.Variant.BH2), 2,
                "UniPC's order-2 predictor, bh2 (= DPM-Solver++ 2M)"));
        rows.add(multistep("exponential Adams 2", ExponentialAdams::coefficients, 2,
                "DPM-Solver(++) 2M taylor type, RES multistep (ComfyUI `res_multistep`)"));
        rows.add(multistep("DPM-Solver(++) 3M, published formula", DpmCoefficients.multistep(SolverType.DPMSOLVER, false),
                3, "reference, diffusers, k-diffusion `dpmpp_3m_sde` at η = 0, expint4j's default 3M"));
        rows.add(multistep("exponential Adams 3", ExponentialAdams::coefficients, 3, "expint4j's 3M with exact weights"));
        rows.add(multistep("exponential Adams 4", ExponentialAdams::coefficients, 4, "expint4j's 4M"));
        return rows;
    }

    static String table() {
        StringBuilder sb = new StringBuilder("| update rule | known as | conditions | stiff order | classical order |\n"
                + "|---|---|---|---|---|\n");
        for (Row r : rows()) {
            sb.append(r.line()).append('\n');
        }
        return sb.toString();
    }

    @Test
    void theVerdictsAreTheTheory() {
        List<Row> rows = rows();
        String[] symbols = {"SFSFS", "SWSFF", "SSSFF", "SSSWS", "SSSSW", "SWF", "SWF", "SWF", "SSF", "SSFF", "SSSF", "SSSSF"};
        int[] stiff = {1, 2, 2, 3, 3, 2, 2, 2, 2, 2, 3, 4};
        int[] classical = {1, 2, 2, 3, 3, 2, 2, 2, 2, 2, 3, 4};
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(symbols[i], r.symbols(), r.rule());
            assertEquals(stiff[i], r.stiff(), r.rule());
            assertEquals(classical[i], r.classical(), r.rule());
        }
    }

    @Test
    void theoryPageShowsThisTable() throws IOException {
        String page = Files.readString(Path.of("../docs/theory.md"));
        String table = table();
        assertTrue(page.contains(table), "docs/theory.md must contain the table of " + getClass().getSimpleName()
                + " verbatim:\n" + table);
    }
}
