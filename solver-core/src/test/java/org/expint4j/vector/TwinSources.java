package org.expint4j.vector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that two main source files are double/float twins: the float file, its float vocabulary
 * replaced by {@link #RULES}, must equal the double file line for line, except for differences
 * listed with their reasons. A change made to one twin only then fails the build with the first
 * differing lines and their line numbers. Used by the twin tests of solver-core and solver-cuda
 * (through solver-core's test jar).
 */
public final class TwinSources {

    /**
     * A difference the twins keep on purpose: consecutive lines as they stand in each file, compared
     * without leading and trailing blanks, and why. Neither side may be empty (a line only one twin
     * has is listed with the shared line next to it), so that both sides mark the same place.
     *
     * @param reason why the twins differ here
     * @param doubleLines the lines of the double file
     * @param floatLines the lines of the float file, before normalisation
     */
    public record Allowed(String reason, String doubleLines, String floatLines) {
    }

    /** One replacement of the float vocabulary by the double one. */
    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    /** The float-to-double table, applied in this order to each line of the float file. */
    private static final List<Rule> RULES = List.of(
            new Rule("\\(float\\) ", ""),                      // an explicit narrowing is implicit in double
            new Rule("\\bfloat\\b", "double"),                 // the type, and "cpu-float"
            new Rule("\\bFloat", "Double"),                    // Float.BYTES, FloatVectorOps, FloatDeviceVector
            new Rule("\\bFLOAT\\b", "DOUBLE"),                 // Precision.FLOAT
            new Rule("single precision", "double precision"),
            new Rule("\\b(\\d+\\.?\\d*(?:[eE][-+]?\\d+)?)[fF]\\b", "$1"), // the f suffix of literals
            new Rule("@return 4 \\*/", "@return 8 */"));       // bytes per element

    /** Lines that must agree after a difference for the two sides to count as in step again. */
    private static final int RESYNC = 3;

    /** How far ahead on each side a difference is searched for its end. */
    private static final int LOOKAHEAD = 60;

    private TwinSources() {
    }

    /**
     * @param line a line of a float twin
     * @return the line in the double vocabulary
     */
    public static String normalise(String line) {
        String s = line;
        for (Rule r : RULES) {
            s = r.pattern().matcher(s).replaceAll(r.replacement());
        }
        return s;
    }

    /**
     * @param doubleFile the double twin
     * @param floatFile the float twin
     * @param allowed the differences kept on purpose; each must occur exactly once
     * @throws AssertionError showing the first difference not allowed, with line numbers, or
     *     naming an allowance that matches nothing (stale) or a file that is missing
     */
    public static void assertTwins(Path doubleFile, Path floatFile, List<Allowed> allowed) {
        Side d = Side.read(doubleFile, false);
        Side f = Side.read(floatFile, true);
        for (Allowed a : allowed) {
            d.cut(a.doubleLines(), a.reason());
            f.cut(Side.normaliseAll(a.floatLines()), a.reason());
        }
        int i = 0;
        while (i < d.lines.size() && i < f.lines.size() && d.lines.get(i).equals(f.lines.get(i))) {
            i++;
        }
        if (i == d.lines.size() && i == f.lines.size()) {
            return;
        }
        throw new AssertionError(f.name + " is no longer the twin of " + d.name
                + " (float vocabulary replaced; allowed differences shown as «...»):\n" + hunk(d, f, i));
    }

    /** The difference starting at index {@code i} of both sides, as a unified-diff hunk. */
    private static String hunk(Side d, Side f, int i) {
        int endD = d.lines.size();
        int endF = f.lines.size();
        search:
        for (int total = 1; total <= 2 * LOOKAHEAD; total++) {
            for (int a = 0; a <= Math.min(total, LOOKAHEAD); a++) {
                int b = total - a;
                if (b <= LOOKAHEAD && inStep(d, i + a, f, i + b)) {
                    endD = i + a;
                    endF = i + b;
                    break search;
                }
            }
        }
        StringBuilder s = new StringBuilder().append("@@ ").append(d.name).append(':').append(d.number(i))
                .append(' ').append(f.name).append(':').append(f.number(i)).append(" @@\n");
        for (int k = Math.max(0, i - 2); k < i; k++) {
            s.append("  ").append(d.lines.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(endD, i + LOOKAHEAD); k++) {
            s.append("- ").append(d.number(k)).append(": ").append(d.lines.get(k)).append('\n');
        }
        for (int k = i; k < Math.min(endF, i + LOOKAHEAD); k++) {
            s.append("+ ").append(f.number(k)).append(": ").append(f.lines.get(k)).append('\n');
        }
        return s.toString();
    }

    private static boolean inStep(Side d, int a, Side f, int b) {
        for (int k = 0; k < RESYNC; k++) {
            boolean endA = a + k >= d.lines.size();
            boolean endB = b + k >= f.lines.size();
            if (endA || endB) {
                return endA && endB;
            }
            if (!d.lines.get(a + k).equals(f.lines.get(b + k))) {
                return false;
            }
        }
        return true;
    }

    /** One file's lines, with the allowed differences cut out, and their line numbers in the file. */
    private static final class Side {
        final String name;
        final List<String> lines = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();

        private Side(String name) {
            this.name = name;
        }

        static Side read(Path file, boolean normalise) {
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("twin source " + file.toAbsolutePath() + " does not exist");
            }
            Side s = new Side(file.getFileName().toString());
            try {
                List<String> raw = Files.readAllLines(file);
                for (int k = 0; k < raw.size(); k++) {
                    s.lines.add(normalise ? normalise(raw.get(k)) : raw.get(k));
                    s.numbers.add(k + 1);
                }
            } catch (IOException e) {
                throw new AssertionError("cannot read " + file.toAbsolutePath() + ": " + e, e);
            }
            return s;
        }

        static String normaliseAll(String text) {
            StringBuilder s = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                s.append(s.length() == 0 ? "" : "\n").append(normalise(line));
            }
            return s.toString();
        }

        /** Replaces the one occurrence of {@code text} by a marker line naming {@code reason}. */
        void cut(String text, String reason) {
            if (text.isBlank()) {
                throw new IllegalArgumentException("allowed difference \"" + reason + "\" has no lines in " + name
                        + "; add the shared line next to it on both sides");
            }
            List<String> want = text.strip().lines().map(String::strip).toList();
            int found = -1;
            for (int k = 0; k + want.size() <= lines.size(); k++) {
                if (matches(k, want)) {
                    if (found >= 0) {
                        throw new AssertionError("allowed difference \"" + reason + "\" occurs more than once in "
                                + name + " (lines " + numbers.get(found) + " and " + numbers.get(k) + ")");
                    }
                    found = k;
                }
            }
            if (found < 0) {
                throw new AssertionError("allowed difference \"" + reason + "\" not found in " + name
                        + ": update it, or remove it if the twins now agree there. Its lines:\n" + text);
            }
            lines.subList(found, found + want.size()).clear();
            int first = numbers.get(found);
            numbers.subList(found, found + want.size()).clear();
            lines.add(found, "«" + reason + "»");
            numbers.add(found, first);
        }

        private boolean matches(int k, List<String> want) {
            for (int j = 0; j < want.size(); j++) {
                if (!lines.get(k + j).strip().equals(want.get(j))) {
                    return false;
                }
            }
            return true;
        }

        /** @return the line number in the file of line {@code index}, one past the end for the end */
        int number(int index) {
            if (index < numbers.size()) {
                return numbers.get(index);
            }
            return numbers.isEmpty() ? 1 : numbers.get(numbers.size() - 1) + 1;
        }
    }
}
