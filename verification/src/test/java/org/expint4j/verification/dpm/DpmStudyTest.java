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
