package org.expint4j.verification.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.expint4j.verification.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample CSVs round-trip exactly; bad CSVs are named by line and field. */
class CliFilesTest {

    @TempDir
    Path dir;

    @Test
    void doublesRoundTripBitForBit() throws IOException {
        SplittableRandom r = new SplittableRandom(1);
        int dim = 4;
        double[] values = new double[4000];
        for (int i = 0; i < values.length; i++) {
            // Random bit patterns cover every exponent, subnormals included; skip NaN and infinities.
            double v;
            do {
                v = Double.longBitsToDouble(r.nextLong());
            } while (!Double.isFinite(v));
            values[i] = v;
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL, Double.MAX_VALUE, 0.1 + 0.2, 1e-300,
            Math.PI, -1.0 / 3, 123456789.0, 1e22, 5e-324};
        System.arraycopy(special, 0, values, 0, special.length);
        Path file = dir.resolve("x.csv");
        AtomicFiles.writeText(file, w -> CliFiles.writeSamples(w, values, dim));
        CliFiles.Samples read = CliFiles.readSamples(file, "--noise", dim);
        assertEquals(values.length / dim, read.rows());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits(read.values()[i]),
                    "value " + i + " = " + values[i]);
        }
    }

    @Test
    void floatsRoundTripBitForBit() throws IOException {
        SplittableRandom r = new SplittableRandom(2);
        float[] values = new float[2000];
        for (int i = 0; i < values.length; i++) {
            float v;
            do {
                v = Float.intBitsToFloat(r.nextInt());
            } while (!Float.isFinite(v));
            values[i] = v;
        }
        values[0] = Float.MIN_VALUE;
        values[1] = -0.0f;
        StringWriter w = new StringWriter();
        CliFiles.writeSamples(w, values, 2);
        Path file = dir.resolve("f.csv");
        Files.writeString(file, w.toString());
        double[] read = CliFiles.readSamples(file, "--noise", 2).values();
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits((float) read[i]), "value " + i);
        }
    }

    @Test
    void readsSpacesAndBlankLinesAndTakesTheDimensionFromTheFirstLine() throws IOException {
        Path file = dir.resolve("n.csv");
        Files.writeString(file, " 1, 2.5 ,-3e-2\n\n4,5,6\n");
        CliFiles.Samples s = CliFiles.readSamples(file, "--noise", -1);
        assertEquals(2, s.rows());
        assertEquals(3, s.dimension());
        assertArrayEquals(new double[] {1, 2.5, -0.03, 4, 5, 6}, s.values());
    }

    @Test
    void badCsvNamesLineAndField() throws IOException {
        assertCsvError("1,2\n3,x\n", 2, "line 2, field 2: 'x' is not a number");
        assertCsvError("1,2\n3,NaN\n", 2, "line 2, field 2: 'NaN' is not a number");
        assertCsvError("1,2\n-Infinity,2\n", 2, "line 2, field 1: '-Infinity' is not a number");
        assertCsvError("1,2\n3,1e999\n", 2, "line 2, field 2: 1e999 overflows a double");
        assertCsvError("1,2\n3,\n", 2, "line 2, field 2: empty value");
        assertCsvError("1,2\n3,4,5\n", 2, "line 2: 3 values, expected 2 (the model's dimension)");
        assertCsvError("1,2\n0x1p3,4\n", 2, "'0x1p3' is not a number");
        assertCsvError("\n\n", 2, "has no samples");
    }

    @Test
    void unreadableInputsAreNamed() throws IOException {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> CliFiles.readText(dir.resolve("none.json"), "--gmm"));
        assertTrue(missing.getMessage().endsWith("none.json' does not exist"), missing.getMessage());
        IllegalArgumentException directory = assertThrows(IllegalArgumentException.class,
                () -> CliFiles.readSamples(dir, "--noise", 2));
        assertTrue(directory.getMessage().endsWith("is a directory"), directory.getMessage());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, "{\"w\u00e9\": 1}".getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException encoding = assertThrows(IllegalArgumentException.class,
                () -> CliFiles.readText(latin1, "--gmm"));
        assertTrue(encoding.getMessage().endsWith("is not UTF-8 text"), encoding.getMessage());
    }

    private void assertCsvError(String content, int dim, String part) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CliFiles.readSamples(file, "--noise", dim));
        assertTrue(e.getMessage().startsWith("--noise file '" + file + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
    }
}
