package org.expint4j.verification.dpm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.expint4j.verification.dpm.DpmStudyResult.Measurement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reduced study (d = 4, B = 32, five NFE rungs): files and sanity of the numbers. */
class DpmStudyTest {

    private static DpmStudyResult result;

    @BeforeAll
    static void run() {
        result = DpmStudy.builder().dimension(4).batch(32).seed(7).nfeLadder(10, 20, 50, 100, 200)
                .adaptiveTolerances(1e-2, 1e-3, 1e-4).rk45Tolerances(1e-2, 1e-4, 1e-6).referenceSteps(1000)
                .projections(64).run();
    }

    @Test
    void writesReadableFiles(@TempDir Path dir) throws Exception {
        result.writeMarkdown(dir.resolve("s.md"));
        result.writeCsv(dir.resolve("s.csv"));
        result.writePlot(dir.resolve("s.png"), dir.resolve("s.svg"));
        String md = Files.readString(dir.resolve("s.md"));
        assertTrue(md.contains("## Headline") && md.contains("DDIM / best DPM-Solver"), md);
        List<String> csv = Files.readAllLines(dir.resolve("s.csv"));
        assertEquals(result.measurements().size() + 1, csv.size());
        assertTrue(csv.get(0).startsWith("schedule,solver,control,nfe"));
        BufferedImage png = ImageIO.read(dir.resolve("s.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 1000 && png.getHeight() > 400);
        String svg = Files.readString(dir.resolve("s.svg"), StandardCharsets.UTF_8);
        // XChart draws text as glyph outlines, so check the structure only.
        assertTrue(svg.contains("<svg") && svg.contains("</svg>") && svg.contains("<path"), svg.substring(0, 200));
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void referenceIsFarMoreAccurateThanAnyMeasuredError() {
        for (DpmStudyResult.ReferenceCheck c : result.checks()) {
            assertTrue(c.maxHalving() < 1e-7, c.toString());
            assertTrue(c.referenceSw2() > 0 && c.exactSw2() > 0);
        }
    }

    @Test
    void highOrderErrorsDecreaseWithNfe() {
        for (StudySchedule s : StudySchedule.values()) {
            for (StudySolver solver : List.of(StudySolver.DPM_SOLVER_FAST, StudySolver.DPM_SOLVER_3,
                    StudySolver.DPMPP_2M, StudySolver.DPMPP_3M_EXACT, StudySolver.DDIM)) {
                List<Measurement> curve = result.curve(s, solver);
                for (int i = 1; i < curve.size(); i++) {
                    assertTrue(curve.get(i).medianError() < curve.get(i - 1).medianError(),
                            s + " " + solver + " at NFE " + curve.get(i).nfe());
                }
            }
        }
    }

    @Test
    void orderShowsInTheSlopes() {
        for (StudySchedule s : StudySchedule.values()) {
            // Between NFE 100 and 200: DDIM first order, exact 3M at least third order.
            assertEquals(1, slope(s, StudySolver.DDIM), 0.15, "DDIM on " + s);
            assertTrue(slope(s, StudySolver.DPMPP_3M_EXACT) > 2.7, "3M exact on " + s);
        }
    }

    @Test
    void exactThirdOrderWeightsBeatTheReferenceFormulaAtLargeNfe() {
        for (StudySchedule s : StudySchedule.values()) {
            Measurement exact = last(s, StudySolver.DPMPP_3M_EXACT);
            Measurement reference = last(s, StudySolver.DPMPP_3M_REFERENCE);
            assertEquals(200, exact.nfe());
            assertTrue(exact.medianError() < reference.medianError() / 3, exact + " vs " + reference);
        }
    }

    @Test
    void headlineFavoursDpmSolverOverDdim() {
        for (DpmStudyResult.Headline h : result.headlines()) {
            NfeToTarget ddim = h.needs().get(StudySolver.DDIM);
            NfeToTarget best = h.needs().get(h.best());
            assertTrue(ddim.low() > 2 * best.high(), h.toString());
        }
    }

    @Test
    void sdeRowsCarryNoPathwiseErrorButADistributionDistance() {
        long sde = result.measurements().stream().filter(m -> m.solver().stochastic()).count();
        assertEquals(3L * 3 * 5, sde, "three SDE rows, three schedules, five NFE");
        for (Measurement m : result.measurements()) {
            if (m.solver().stochastic()) {
                assertTrue(Double.isNaN(m.medianError()) && Double.isNaN(m.rmsError()) && Double.isNaN(m.maxError()),
                        m.toString());
                assertTrue(m.sw2() > 0 && Double.isFinite(m.sw2()), m.toString());
                assertEquals((long) m.control(), m.nfe(), m.toString());
            } else {
                assertTrue(Double.isFinite(m.medianError()), m.toString());
            }
        }
        for (DpmStudyResult.Headline h : result.headlines()) {
            assertTrue(h.needs().keySet().stream().noneMatch(StudySolver::stochastic), h.toString());
        }
        String md = result.toMarkdown();
        String row = md.lines().filter(l -> l.startsWith("| " + StudySolver.DPMPP_2M_SDE.label() + " |"))
                .findFirst().orElseThrow();
        // First table of each schedule: median error, every cell "–" (5 rungs and the slope).
        assertEquals("| " + StudySolver.DPMPP_2M_SDE.label() + " |" + " – |".repeat(6), row);
    }

    @Test
    void sdeSamplesMatchTheDataAsWellAsTheOdeDoes() {
        for (StudySchedule s : StudySchedule.values()) {
            DpmStudyResult.ReferenceCheck check = result.checks().stream().filter(c -> c.schedule() == s)
                    .findFirst().orElseThrow();
            for (StudySolver solver : List.of(StudySolver.SDE_DPM_SOLVER_1, StudySolver.DPMPP_2M_SDE,
                    StudySolver.DPMPP_3M_SDE)) {
                Measurement m = last(s, solver);
                // At 200 NFE the SDE sample is a sample of p_{t_ε}: its distance to B = 32 exact samples is a
                // finite-sample distance like the ODE reference's; twice the larger floor bounds the spread of
                // such distances at this B (a wrong drift or noise scale moves the samples by O(1)).
                double floor = Math.max(check.referenceSw2(), check.exactSw2());
                assertTrue(m.sw2() < 2 * floor, s + " " + solver + ": " + m.sw2() + " vs floor " + floor);
            }
        }
    }

    @Test
    void everyMultistepRowSpendsExactlyItsNfeTarget() {
        for (Measurement m : result.measurements()) {
            if (!m.solver().adaptive() && m.solver().name().matches(".*(M|UNIPC|SDE|NOISE).*")
                    && !m.solver().name().startsWith("DPM_SOLVER_")) {
                assertEquals((long) m.control(), m.nfe(), m.toString());
            }
        }
    }

    @Test
    void goalTableIsComputedFromTheMeasurements() {
        List<DpmStudyResult.Goal> goals = result.goals();
        // The ladder holds 10 and 20: one row per schedule and budget.
        assertEquals(2 * StudySchedule.values().length, goals.size());
        for (DpmStudyResult.Goal g : goals) {
            Measurement reference = result.curve(g.schedule(), StudySolver.DPMPP_3M_REFERENCE).stream()
                    .filter(m -> m.nfe() == g.nfe()).findFirst().orElseThrow();
            assertEquals(reference, g.reference());
            double best = result.measurements().stream().filter(m -> m.schedule() == g.schedule()
                    && !m.solver().adaptive() && !m.solver().stochastic() && (int) m.control() == g.nfe()
                    && m.nfe() <= g.nfe()).mapToDouble(Measurement::medianError).min().orElseThrow();
            assertEquals(best, g.best().medianError(), 0.0, g.toString());
            assertTrue(g.best().medianError() <= reference.medianError(), g.toString());
            assertEquals(g.best().medianError() / reference.medianError(), g.ratio(), 0.0);
            assertEquals(g.ratio() <= g.goal(), g.met());
            assertEquals(g.nfe() == 10 ? 0.5 : 0.4, g.goal(), 0.0);
            double referenceOptions = result.measurements().stream().filter(m -> m.schedule() == g.schedule()
                    && m.solver().referenceCode() && (int) m.control() == g.nfe() && m.nfe() <= g.nfe())
                    .mapToDouble(Measurement::medianError).min().orElseThrow();
            assertEquals(referenceOptions, g.referenceOptions().medianError(), 0.0, g.toString());
            assertTrue(g.referenceOptions().medianError() <= reference.medianError(), g.toString());
            assertEquals(best / referenceOptions, g.ratioToReferenceOptions(), 0.0);
        }
        String md = result.toMarkdown();
        assertTrue(md.contains("## Goal") && md.contains(goals.get(0).best().solver().label()), md);
    }

    @Test
    void uniPcAndFourthOrderConvergeFasterThanTheReferenceFormula() {
        for (StudySchedule s : StudySchedule.values()) {
            // Between NFE 100 and 200 the published 3M formula is second order; these are third order or more.
            for (StudySolver solver : List.of(StudySolver.UNIPC_3_BH1, StudySolver.UNIPC_3_BH2,
                    StudySolver.DPMPP_4M_EXACT)) {
                assertTrue(slope(s, solver) > 2.7, solver + " on " + s + ": " + slope(s, solver));
            }
        }
    }

    private static Measurement last(StudySchedule s, StudySolver solver) {
        List<Measurement> c = result.curve(s, solver);
        return c.get(c.size() - 1);
    }

    private static double slope(StudySchedule s, StudySolver solver) {
        List<Measurement> c = result.curve(s, solver);
        Measurement a = c.get(c.size() - 2);
        Measurement b = c.get(c.size() - 1);
        return StudyReport.observedOrder(a, b);
    }
}
