package org.expint4j.verification.cli;

import static org.expint4j.verification.cli.ExpintCliTest.assertOneLine;
import static org.expint4j.verification.cli.ExpintCliTest.assertUsageError;
import static org.expint4j.verification.cli.ExpintCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expint sample --onnx}: the shipped network sampled with classes, guidance and a plot,
 * and every bad input of issue 14 answered by one line and an exit code, with nothing written:
 * a missing or corrupt file, a graph whose output or state does not fit, a class out of range or
 * given to an unconditional model, guidance without a class, a model that returns NaN, and
 * ONNX Runtime's natives failing to load.
 */
class OnnxSampleTest {

    /** The shipped model, as a user of a clone finds it. */
    static final Path SHIPPED = Path.of("src/main/resources/org/expint4j/verification/models/pinwheel-cfg.onnx");
    /** solver-core's small test graphs, each wrong in one way. */
    static final Path GRAPHS = Path.of("../solver-core/src/test/resources/org/expint4j/diffusion/model/onnx");

    @TempDir
    static Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void theShippedModelSamplesEveryClassWithGuidanceAndAPlot() throws IOException {
        Path out = dir.resolve("pinwheel.csv");
        Path plot = dir.resolve("pinwheel.png");
        ExpintCliTest.Result r = run("sample", "--onnx", SHIPPED.toString(), "--class", "all", "--guidance-scale", "2",
                "--samples", "200", "--steps", "10", "--out", out.toString(), "--plot", plot.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("200 samples of dimension 2 (ONNX") && r.out().contains("class all, guidance 2.0")
                && r.out().contains("linear") && r.out().contains("NFE 10"), r.out());
        List<String> lines = Files.readAllLines(out);
        assertEquals(200, lines.size());
        for (String line : lines) {
            String[] v = line.split(",");
            assertEquals(2, v.length, line);
            // The pinwheel lies within radius 1.5 * (1 + 0.3 * 4): samples far outside would be broken.
            assertTrue(Math.hypot(Double.parseDouble(v[0]), Double.parseDouble(v[1])) < 5, line);
        }
        BufferedImage image = ImageIO.read(plot.toFile());
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100);
    }

    @Test
    void theScheduleComesFromTheGraphUnlessGiven() {
        ExpintCliTest.Result r = run("sample", "--onnx", SHIPPED.toString(), "--samples", "2", "--steps", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(", linear, "), r.err());
        ExpintCliTest.Result d = run("sample", "--onnx", SHIPPED.toString(), "--samples", "2", "--steps", "5",
                "--schedule", "discrete-linear", "--model-time", "continuous");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.err().contains("discrete-linear"), d.err());
    }

    @Test
    void missingAndCorruptFilesAreOneLine() throws IOException {
        assertUsageError("does not exist", "sample", "--onnx", dir.resolve("none.onnx").toString());
        Path corrupt = dir.resolve("corrupt.onnx");
        Files.writeString(corrupt, "not a graph");
        assertUsageError("cannot be loaded", "sample", "--onnx", corrupt.toString());
    }

    @Test
    void graphsThatDoNotFitADiffusionModelAreOneLine() {
        assertUsageError("output 'out' has shape [-1]", "sample", "--onnx", GRAPHS.resolve("scalar-output.onnx")
                .toString());
        assertUsageError("INT32", "sample", "--onnx", GRAPHS.resolve("int-input.onnx").toString());
        assertUsageError("no input 'time'", "sample", "--onnx", GRAPHS.resolve("identity.onnx").toString(),
                "--onnx-inputs", "x,time");
        assertUsageError("exactly 3 samples, got 4", "sample", "--onnx",
                GRAPHS.resolve("fixed-batch-scalar-time.onnx").toString(), "--samples", "4");
    }

    @Test
    void labelsAndGuidanceAreChecked() {
        assertUsageError("class 7 is out of range: the model has classes 0..4", "sample", "--onnx", SHIPPED.toString(),
                "--class", "7", "--samples", "3");
        assertUsageError("--class value 2 is 'x'", "sample", "--onnx", SHIPPED.toString(), "--class", "1,x");
        assertUsageError("--class needs a conditional model", "sample", "--onnx",
                GRAPHS.resolve("identity.onnx").toString(), "--class", "1");
        assertUsageError("--guidance-scale needs --class", "sample", "--onnx", SHIPPED.toString(), "--guidance-scale",
                "2");
        assertUsageError("--class needs --onnx", "sample", "--gaussian", "--mean", "0", "--std", "1", "--class", "1");
        assertUsageError("--model-time discrete needs a discrete --schedule", "sample", "--onnx", SHIPPED.toString(),
                "--model-time", "discrete");
        assertUsageError("--backend cuda cannot be combined with --onnx", "sample", "--onnx", SHIPPED.toString(),
                "--backend", "cuda");
    }

    @Test
    void aNetworkReturningNanStopsNamingStepTimeAndNfe() {
        Path out = dir.resolve("nan.csv");
        ExpintCliTest.Result r = run("sample", "--onnx", GRAPHS.resolve("nan-below-half.onnx").toString(),
                "--samples", "4", "--steps", "10", "--schedule", "linear", "--out", out.toString());
        assertEquals(Expint.RUN_FAILURE, r.code(), r.err());
        assertOneLine(r.err(), "step 7");
        assertTrue(r.err().contains("t = 0.400") && r.err().contains("NFE=7"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void nativesThatFailToLoadAreOneLine() throws Exception {
        ChildCli.Exit exit = ChildCli.run(dir, List.of("-Donnxruntime.native.path=" + dir.resolve("no-natives")),
                new File("/dev/null"), "sample", "--onnx", SHIPPED.toAbsolutePath().toString(), "--samples", "2");
        assertEquals(Expint.USAGE_ERROR, exit.code(), exit.err());
        assertOneLine(exit.err(), "ONNX Runtime could not be loaded: Native library 'onnxruntime' not found");
    }
}
