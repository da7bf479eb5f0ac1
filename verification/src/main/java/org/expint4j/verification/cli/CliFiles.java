package org.expint4j.verification.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;

/**
 * File input and output of the command line: reading text and sample CSVs with messages a user
 * can act on (file, line, field), and writing samples as CSV that reads back exactly. Outputs go
 * through {@link org.expint4j.verification.io.Outputs}, which checks and stages them.
 */
public final class CliFiles {

    /** A decimal number: what Double.parseDouble accepts, less NaN, Infinity, hex and suffixes. */
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private CliFiles() {
    }

    /** Samples read from a CSV: {@code rows} samples of {@code dimension} values, row-major. */
    public record Samples(int rows, int dimension, double[] values) {
    }

    /**
     * Reads a whole UTF-8 text file.
     *
     * @param file the file
     * @param option the option that named it, for the message
     * @return its text
     * @throws IllegalArgumentException if it is missing, a directory, unreadable or not UTF-8
     */
    public static String readText(Path file, String option) {
        checkReadable(file, option);
        try {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            return decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(option + " file '" + file + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " file '" + file + "' cannot be read: " + describe(e));
        }
    }

    /**
     * Reads samples, one per line, values separated by commas (spaces around them and blank lines
     * are allowed; no header).
     *
     * @param file the CSV file
     * @param option the option that named it, for the message
     * @param dimension the expected number of values per line, or -1 for that of the first line
     * @return the samples
     * @throws IllegalArgumentException naming the line and field of a value that is not a finite
     *     number, or of a line with the wrong number of values
     */
    public static Samples readSamples(Path file, String option, int dimension) {
        checkReadable(file, option);
        String where = option + " file '" + file + "'";
        double[] values = new double[1024];
        int count = 0;
        int rows = 0;
        int dim = dimension;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(Channels.newReader(FileChannel.open(file), decoder, -1))) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (dim < 0) {
                    dim = fields.length;
                }
                if (fields.length != dim) {
                    throw new IllegalArgumentException(where + " line " + lineNumber + ": " + fields.length
                            + (fields.length == 1 ? " value" : " values") + ", expected " + dim
                            + (dimension >= 0 ? " (the model's dimension)" : " (as on the first line)"));
                }
                if (count + dim > values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, count + dim));
                }
                for (int j = 0; j < dim; j++) {
                    values[count++] = parseFinite(fields[j].strip(), where + " line " + lineNumber + ", field " + (j + 1));
                }
                rows++;
            }
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(where + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + describe(e));
        }
        if (rows == 0) {
            throw new IllegalArgumentException(where + " has no samples");
        }
        return new Samples(rows, dim, Arrays.copyOf(values, count));
    }

    /**
     * Parses a finite decimal number, refusing NaN and infinities (which Java would accept).
     *
     * @param text the text
     * @param where what to name in the message
     * @return the value
     * @throws IllegalArgumentException if it is not a finite number
     */
    public static double parseFinite(String text, String where) {
        double v;
        try {
            // Java also accepts "NaN", "Infinity", hex floats and a trailing 'd'/'f': not CSV numbers.
            if (!NUMBER.matcher(text).matches()) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + (text.isEmpty() ? "empty value" : "'" + text
                    + "' is not a number"));
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + ": " + text + " overflows a double");
        }
        return v;
    }

    /**
     * Writes samples as CSV, one per line, each value as {@link Double#toString(double)}: the
     * shortest decimal that parses back to the same double, so the file round-trips exactly.
     *
     * @param out the writer
     * @param values row-major samples
     * @param dimension values per sample
     * @throws IOException if writing fails
     */
    public static void writeSamples(Writer out, double[] values, int dimension) throws IOException {
        writeRows(out, values.length, dimension, (sb, i) -> sb.append(values[i]));
    }

    /**
     * Writes float samples as CSV with {@link Float#toString(float)}: the shortest decimal that
     * parses back to the same float.
     *
     * @param out the writer
     * @param values row-major samples
     * @param dimension values per sample
     * @throws IOException if writing fails
     */
    public static void writeSamples(Writer out, float[] values, int dimension) throws IOException {
        writeRows(out, values.length, dimension, (sb, i) -> sb.append(values[i]));
    }

    /** The CSV layout of both precisions; {@code append} writes value i so that a float keeps its own decimal. */
    private static void writeRows(Writer out, int length, int dimension, ObjIntConsumer<StringBuilder> append)
            throws IOException {
        StringBuilder sb = new StringBuilder(dimension * 24);
        for (int i = 0; i < length; i += dimension) {
            sb.setLength(0);
            for (int j = 0; j < dimension; j++) {
                if (j > 0) {
                    sb.append(',');
                }
                append.accept(sb, i + j);
            }
            sb.append('\n');
            out.write(sb.toString());
        }
    }

    private static void checkReadable(Path file, String option) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(option + " file '" + file + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " file '" + file + "' is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(option + " file '" + file + "' is not readable");
        }
    }

    /** A one-line reason for an I/O failure (NIO's messages are often just the path). */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
