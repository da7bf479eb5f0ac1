package org.expint4j.diffusion.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.expint4j.diffusion.model.GaussianDataModel;
import org.expint4j.diffusion.schedule.LinearSchedule;
import org.expint4j.diffusion.schedule.ModelTimeMap;
import org.expint4j.diffusion.schedule.NoiseSchedule;
import org.expint4j.integrate.ExponentialAdamsStepper;
import org.expint4j.integrate.FixedGrid;
import org.expint4j.integrate.IntegrationStatistics;
import org.expint4j.integrate.StepLoop;
import org.expint4j.integrate.Stepper;
import org.expint4j.integrate.TimeMap;
import org.expint4j.method.ExponentialAdams;
import org.expint4j.problem.Nonlinearity;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.vector.DoubleVectorOps;
import org.junit.jupiter.api.Test;

/**
 * The example of docs/extending.md, "Adding a sampler": it must compile, reproduce the built-in
 * DPM-Solver++(2M), and stay the text the guide shows.
 */
class ExtendingGuideSamplerTest {

    private static final double[] MEAN = {0.5, -1, 2};
    private static final double[] STD = {0.1, 1, 0.3};
    private static final double[] X_T = {0.3, -1.2, 0.8};

    /** The guide's code, between the markers, verbatim. */
    private static double[] guideExample() {
        // --- guide: begin
        NoiseSchedule schedule = new LinearSchedule();
        GaussianDataModel model = new GaussianDataModel(MEAN, STD, schedule, ModelTimeMap.CONTINUOUS);
        int n = X_T.length;
        // 1. The time map: integrate in λ = log(α/σ), on y = x/α.
        TimeMap logSnr = new TimeMap(schedule::lambda, schedule::inverseLambda, schedule::alpha, "λ");
        // 2. The semilinear form y' = -y + x̂0(αy, t(λ)): L = -1, N = the data prediction.
        double[] x = new double[n];
        double[] eps = new double[n];
        Nonlinearity<double[]> dataPrediction = (lambda, y, out) -> {
            double t = schedule.inverseLambda(lambda);
            double alpha = schedule.alpha(t);
            double sigma = schedule.sigma(t);
            for (int i = 0; i < n; i++) {
                x[i] = alpha * y[i];
            }
            model.noise(x, t, eps);
            for (int i = 0; i < n; i++) {
                out[i] = (x[i] - sigma * eps[i]) / alpha;
            }
        };
        // 3. The method: variable-step exponential Adams of order 2, order 1 for the first step.
        IntegrationStatistics statistics = new IntegrationStatistics();
        Stepper<double[]> stepper = new ExponentialAdamsStepper<>(
                new ExponentialAdams(2, ExponentialAdams.Startup.WARM_UP), new ScalarLinearPart(-1),
                dataPrediction, DoubleVectorOps.serial(), n, statistics);
        // 4. The control: 10 steps uniform in λ from t = 1 to t = 0.001.
        FixedGrid grid = FixedGrid.of(SamplingGrids.timeSteps(schedule, SkipType.LOGSNR, 1.0, 1e-3, 10));
        double[] sample = new double[n];
        new StepLoop<>(DoubleVectorOps.serial(), stepper, statistics).timeMap(logSnr).run(grid, 1.0, X_T, sample);
        // --- guide: end
        assertEquals(10, statistics.evaluations(), "one model evaluation per step");
        return sample;
    }

    @Test
    void theGuideSamplerIsDpmSolverPlusPlus2M() {
        double[] guide = guideExample();
        LinearSchedule schedule = new LinearSchedule();
        GaussianDataModel model = new GaussianDataModel(MEAN, STD, schedule, ModelTimeMap.CONTINUOUS);
        double[] builtIn = X_T.clone();
        new DpmSolver<>(model::noise, schedule, DoubleVectorOps.serial(), Algorithm.DPMSOLVER_PLUS_PLUS)
                .sample(builtIn, new SampleOptions().method(SamplingMethod.MULTISTEP).order(2)
                        .solverType(SolverType.TAYLOR).skipType(SkipType.LOGSNR).steps(10).tEnd(1e-3));
        for (int i = 0; i < guide.length; i++) {
            // Same algorithm; the built-in one calls the model at the grid times themselves and
            // folds the scaling into its weights, so the two differ by rounding only.
            assertEquals(builtIn[i], guide[i], 1e-12 * Math.abs(builtIn[i]), "x[" + i + "]");
        }
    }

    @Test
    void theGuideShowsThisCode() throws IOException {
        String guide = Files.readString(Path.of("../docs/extending.md"));
        assertTrue(normalise(guide).contains(normalise(guideCode())),
                "docs/extending.md must show the example of " + getClass().getSimpleName() + " verbatim");
    }

    /**
     * The guide lists the imports its code needs, sorted, so that readers see which package each
     * class lives in: this test's own imports of the classes the code names, and the classes of
     * this package ({@code sampler}) it names, which this test uses without an import.
     */
    @Test
    void theGuideShowsTheImports() throws IOException {
        String code = guideCode();
        Set<String> expected = new TreeSet<>();
        Matcher imported = Pattern.compile("(?m)^import (org\\.expint4j\\.[\\w.]+)\\.(\\w+);")
                .matcher(source());
        while (imported.find()) {
            if (Pattern.compile("\\b" + imported.group(2) + "\\b").matcher(code).find()) {
                expected.add(imported.group(1) + "." + imported.group(2));
            }
        }
        Matcher name = Pattern.compile("\\b[A-Z]\\w*\\b").matcher(code);
        while (name.find()) {
            String candidate = getClass().getPackageName() + "." + name.group();
            try {
                Class.forName(candidate);
                expected.add(candidate);
            } catch (ClassNotFoundException notAClassOfThisPackage) {
                // a constant such as X_T, or a class imported above
            }
        }
        StringBuilder imports = new StringBuilder();
        for (String c : expected) {
            imports.append("import ").append(c).append(";\n");
        }
        String guide = Files.readString(Path.of("../docs/extending.md"));
        assertTrue(normalise(guide).contains(normalise(imports.toString())),
                "docs/extending.md must list the example's imports:\n" + imports);
    }

    /** This file: the guide's code lies between its markers. */
    private static String source() throws IOException {
        return Files.readString(
                Path.of("src/test/java/org/expint4j/diffusion/sampler/ExtendingGuideSamplerTest.java"));
    }

    private static String guideCode() throws IOException {
        String source = source();
        return source.substring(source.indexOf("// --- guide: begin") + "// --- guide: begin".length(),
                source.indexOf("        // --- guide: end"));
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
