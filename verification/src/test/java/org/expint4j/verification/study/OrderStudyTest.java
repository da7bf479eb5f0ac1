package org.expint4j.verification.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.expint4j.method.MethodRegistry;
import org.expint4j.problem.ScalarLinearPart;
import org.expint4j.problem.SemilinearProblem;
import org.expint4j.verification.problems.BenchmarkProblem;
import org.expint4j.verification.problems.ManufacturedStiffProblem;
import org.expint4j.verification.problems.ProblemLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on cheap problems: numbers, fits, failures and the three outputs. */
class OrderStudyTest {

    private static OrderStudyResult manufactured() {
        return OrderStudy.builder().problem(ProblemLibrary.byName("manufactured-stiff"))
                .methods("etd1", "etd2rk", "hochost4").stepLadder(8, 128).repeats(3).run();
    }

    @Test
    void fixedLadderMeasuresErrorsCostsAndOrders() {
        OrderStudyResult r = manufactured();
        assertEquals(3, r.methods().size());
        for (MethodConvergence m : r.methods()) {
            assertEquals(5, m.rungs().size(), m.name());
            for (Rung rung : m.rungs()) {
                assertEquals(1.0 / rung.steps(), rung.h(), 1e-17, m.name());
                assertEquals((long) rung.steps() * m.method().stages(), rung.evaluations(), m.name() + " NFE");
                assertTrue(rung.rmsError() <= rung.maxError() && rung.rmsError() >= rung.maxError() / Math.sqrt(2),
                        m.name() + ": RMS of two components lies between max/sqrt(2) and max");
                assertTrue(rung.wallSeconds() > 0 && Double.isNaN(rung.tolerance()), m.name());
            }
            // Within 0.3 of the stiff order at kappa = 1e4 (the family test below is the uniform one).
            assertEquals(m.method().stiffOrder(), m.observedOrder(), 0.3, m.toString());
            assertTrue(m.fit().confidenceLow() < m.observedOrder() && m.observedOrder() < m.fit().confidenceHigh());
        }
        assertEquals("n = 8–128 (5 rungs)", r.method("etd1").usedRange());
        assertThrows(IllegalArgumentException.class, () -> r.method("krogstad"));
    }

    @Test
    void familyTakesTheLargestErrorOverItsMembers() {
        List<ManufacturedStiffProblem> members = Stream.of(1.0, 1e3, 1e6)
                .map(k -> ManufacturedStiffProblem.of(k, ManufacturedStiffProblem.Variant.BOUNDED_FORCING)).toList();
        OrderStudyResult family = OrderStudy.builder().problemFamily("manufactured-uniform", "kappa = 1, 1e3, 1e6",
                members).methods("etd2rk").steps(16, 32).run();
        double worst = 0;
        for (ManufacturedStiffProblem p : members) {
            double e = OrderStudy.builder().problem(p).methods("etd2rk").steps(16, 32).run()
                    .methods().get(0).rungs().get(1).maxError();
            worst = Math.max(worst, e);
        }
        assertEquals(worst, family.methods().get(0).rungs().get(1).maxError(), 0.0);
        assertTrue(family.referenceDescription().endsWith("of each of the 3 members, largest error over them"),
                family.referenceDescription());
    }

    @Test
    void toleranceLadderRunsEmbeddedPairsAdaptively() {
        OrderStudyResult r = OrderStudy.builder().problem(ProblemLibrary.byName("manufactured-stiff"))
                .methods("hochost2", "hochost3").tolerances(1e-3, 1e-4, 1e-5, 1e-6, 1e-7).run();
        assertTrue(r.adaptive());
        for (MethodConvergence m : r.methods()) {
            List<Rung> rungs = m.rungs();
            for (int i = 0; i < rungs.size(); i++) {
                Rung rung = rungs.get(i);
                assertTrue(rung.adaptive() && rung.acceptedSteps() >= 1, m.name());
                assertEquals(1.0 / rung.acceptedSteps(), rung.h(), 1e-15, "mean step of " + m.name());
                if (i > 0) {
                    assertTrue(rung.evaluations() > rungs.get(i - 1).evaluations(), m.name() + ": tighter costs more");
                }
            }
            // Error against mean step: the order of the propagated (higher-order) solution.
            assertEquals(m.method().stiffOrder(), m.observedOrder(), 0.5, m.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> OrderStudy.builder()
                .problem(ProblemLibrary.byName("manufactured-stiff")).methods("krogstad").tolerances(1e-3).build());
    }

    @Test
    void builderRejectsIncompleteOrInconsistentStudies() {
        BenchmarkProblem p = ProblemLibrary.byName("scalar-exponential");
        assertThrows(IllegalStateException.class, () -> OrderStudy.builder().methods("etd1").steps(4).build());
        assertThrows(IllegalStateException.class, () -> OrderStudy.builder().problem(p).steps(4).build());
        assertThrows(IllegalStateException.class, () -> OrderStudy.builder().problem(p).methods("etd1").build());
        assertThrows(IllegalStateException.class,
                () -> OrderStudy.builder().problem(p).methods("etd1").steps(4).tolerances(1e-3).build());
        assertThrows(IllegalArgumentException.class, () -> OrderStudy.builder().steps(8, 4));
        assertThrows(IllegalArgumentException.class, () -> OrderStudy.builder().tolerances(1e-4, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> OrderStudy.builder().repeats(0));
        assertThrows(IllegalArgumentException.class, () -> OrderStudy.builder().methods("no-such-method"));
        assertArrayEquals(new int[] {3, 6, 12, 24},
                OrderStudy.builder().problem(p).methods("etd1").stepLadder(3, 30).run().methods().get(0).rungs()
                        .stream().mapToInt(Rung::steps).toArray());
    }

    @Test
    void failedRunsAreRecordedAndTheStudyGoesOn() {
        // u' = 1e300 u^2 overflows after two explicit steps; one step stays finite.
        SemilinearProblem blowUp = SemilinearProblem.of(new ScalarLinearPart(0), 1, (t, u, o) -> o[0] = 1e300 * u[0] * u[0]);
        BenchmarkProblem p = new BenchmarkProblem() {
            @Override public String name() { return "blow-up"; }
            @Override public String description() { return "u' = 1e300 u^2"; }
            @Override public SemilinearProblem problem() { return blowUp; }
            @Override public double t0() { return 0; }
            @Override public double t1() { return 1; }
            @Override public double[] initialState() { return new double[] {1}; }
            @Override public boolean hasExactSolution() { return false; }
            @Override public double[] exactSolution(double t) { throw new UnsupportedOperationException(); }
            @Override public double[] referenceSolution() { return new double[] {1}; }
            @Override public String referenceDescription() { return "none"; }
        };
        OrderStudyResult r = OrderStudy.builder().problem(p).methods("etd1").steps(1, 2, 4).run();
        List<Rung> rungs = r.methods().get(0).rungs();
        assertEquals(Rung.Status.NO_CORRECT_DIGIT, rungs.get(0).status());
        assertEquals(Rung.Status.FAILED, rungs.get(1).status());
        assertNotNull(rungs.get(2).failure());
        assertTrue(r.toMarkdown().contains("failed†"), r.toMarkdown());
    }

    @Test
    void writesMarkdownCsvAndPlotsAtomically(@TempDir Path dir) throws IOException {
        OrderStudyResult r = manufactured();
        String md = r.toMarkdown();
        assertTrue(md.startsWith("## manufactured-stiff\n"), md);
        assertTrue(md.contains("| 8 | 1.250e-01 |") && md.contains("| hochost4 | 4 | 4 |"), md);

        Path csv = dir.resolve("sub/study.csv");
        r.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(1 + 3 * 5, lines.size());
        String[] header = lines.get(0).split(",", -1);
        int maxError = List.of(header).indexOf("max_error");
        int slope = List.of(header).indexOf("observed_order");
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(header.length, cells.length, lines.get(i));
            MethodConvergence m = r.method(cells[1]);
            Rung rung = m.rungs().get(Integer.parseInt(cells[5]));
            // full precision: the text reads back to the very same doubles
            assertEquals(rung.maxError(), Double.parseDouble(cells[maxError]), 0.0);
            assertEquals(m.observedOrder(), Double.parseDouble(cells[slope]), 0.0);
        }

        Path png = dir.resolve("study.png");
        Path svg = dir.resolve("study.svg");
        r.writePlot(png, svg);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 5000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "PNG signature");
        String svgText = Files.readString(svg, StandardCharsets.UTF_8);
        assertTrue(svgText.contains("<svg") && svgText.contains("</svg>"), "a complete SVG document");
        // rewriting replaces in place and leaves no temporary files behind
        r.writeMarkdown(dir.resolve("study.md"));
        r.writeMarkdown(dir.resolve("study.md"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("study.md", "study.png", "study.svg", "sub"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertEquals(md, Files.readString(dir.resolve("study.md"), StandardCharsets.UTF_8));
        assertEquals(MethodRegistry.byName("etd1"), r.method("etd1").method());
    }
}
