package org.expint4j.verification.problems.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.expint4j.method.MethodRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The solve-record-write entry point, its picture and its CSV. */
class PdeSolveTest {

    @TempDir
    Path dir;

    @Test
    void writesPictureAndExactCsvOfTheFinalState() throws IOException {
        Path png = dir.resolve("out/burgers.png");
        Path csv = dir.resolve("out/burgers.csv");
        PdeSolve.Result r = PdeSolve.run("burgers", MethodRegistry.byName("etdrk4"), 1.0 / 512, 0.5, png, csv);

        double[] times = r.snapshots().times();
        assertEquals(0.0, times[0]);
        assertEquals(0.5, times[times.length - 1], 1e-15);
        assertEquals(151, times.length, "150 snapshots and the initial state");
        assertEquals(256, r.statistics().acceptedSteps());

        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 100; y < 500; y += 10) {
            colours.add(image.getRGB(400, y));
        }
        assertTrue(colours.size() > 10, "the field is painted, not flat: " + colours.size() + " colours");

        List<String> lines = Files.readAllLines(csv);
        assertEquals("x,u", lines.get(0));
        assertEquals(129, lines.size());
        double[] expected = r.problem().toPhysical(r.finalState());
        double[] x = r.problem().gridPoints();
        for (int j = 0; j < 128; j++) {
            String[] cells = lines.get(j + 1).split(",");
            assertEquals(x[j], Double.parseDouble(cells[0]), 0.0, "x round-trips");
            assertEquals(expected[j], Double.parseDouble(cells[1]), 0.0, "u round-trips with 17 digits");
        }
        assertArrayEquals(expected, r.snapshots().last(), 0.0);
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void overwritesExistingFilesAndRunsWithoutOutputs() throws IOException {
        Path csv = dir.resolve("final.csv");
        Files.writeString(csv, "stale");
        PdeSolve.run("allen-cahn-cheb", MethodRegistry.byName("etd2rk"), 0.1, 1.0, null, csv);
        assertEquals("x,u", Files.readAllLines(csv).get(0));
        assertEquals(52, Files.readAllLines(csv).size(), "51 Chebyshev points with the boundary values");
        PdeSolve.Result r = PdeSolve.run("kdv", MethodRegistry.byName("etdrk4"), 1e-6, 5e-5, null, null);
        assertEquals(50, r.statistics().acceptedSteps());
    }

    @Test
    void rejectsStepsThatDoNotDivideTheSpanAndUnknownProblems() {
        assertThrows(IllegalArgumentException.class,
                () -> PdeSolve.run("ks", MethodRegistry.byName("etdrk4"), 0.3, 1.0, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> PdeSolve.run("ks", MethodRegistry.byName("etdrk4"), 0.25, 0.0, null, null));
        assertThrows(IllegalArgumentException.class,
                () -> PdeSolve.run("heat", MethodRegistry.byName("etdrk4"), 0.25, 1.0, null, null));
    }

    @Test
    void ticksAndLabelsAreRound() {
        assertEquals(20.0, SpaceTimePlot.niceStep(150 / 8.0));
        assertEquals(0.001, SpaceTimePlot.niceStep(0.006 / 8), 1e-18);
        assertEquals(0.5, SpaceTimePlot.niceStep(0.3));
        assertEquals("0.003", SpaceTimePlot.label(0.003, 0.001));
        assertEquals("0", SpaceTimePlot.label(-1e-17, 20));
        assertEquals("5e-06", PdeSolve.shortNumber(5e-6));
        assertEquals("0.25", PdeSolve.shortNumber(0.25));
    }

    @Test
    void snapshotsRejectInconsistentData() {
        double[] x = {0, 1};
        assertThrows(IllegalArgumentException.class,
                () -> new Snapshots(x, 0, 2, true, new double[] {0, 0}, new double[][] {x, x}));
        assertThrows(IllegalArgumentException.class,
                () -> new Snapshots(x, 0, 2, true, new double[] {0, 1}, new double[][] {x, {1}}));
        assertThrows(IllegalArgumentException.class,
                () -> new Snapshots(x, 0.5, 2, true, new double[] {0, 1}, new double[][] {x, x}));
    }
}
