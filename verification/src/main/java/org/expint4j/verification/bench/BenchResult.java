package org.expint4j.verification.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tables a {@link BenchRunner} run produced, with the machine and the command, as Markdown.
 */
public final class BenchResult {

    /**
     * One table.
     *
     * @param title heading
     * @param reading what limits the numbers, a sentence or two (may be empty)
     * @param header column names
     * @param rows cells, one array per row
     */
    public record Table(String title, String reading, List<String> header, List<List<String>> rows) {
    }

    private final String machine;
    private final String command;
    private final List<Table> tables = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long elapsedNanos;

    BenchResult(String machine, String command) {
        this.machine = machine;
        this.command = command;
    }

    void add(Table table) {
        tables.add(table);
    }

    void note(String text) {
        notes.add(text);
    }

    void elapsed(long nanos) {
        elapsedNanos = nanos;
    }

    /** @return the machine description (CPU, cores, JDK, load) */
    public String machine() {
        return machine;
    }

    /** @return the tables, in the order measured */
    public List<Table> tables() {
        return Collections.unmodifiableList(tables);
    }

    /** @return wall-clock seconds of the whole run */
    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    /** @return the result as Markdown: machine, command, then one section per table */
    public String toMarkdown() {
        final StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(machine).append("\n\n");
        sb.append("Command: `").append(command).append("`  \n");
        sb.append(String.format("Run time: %.1f s. Cells are median [min–max] over the repetitions.%n",
            elapsedSeconds()));
        for (String note : notes) {
            sb.append('\n').append(note).append('\n');
        }
        for (Table t : tables) {
            sb.append("\n### ").append(t.title()).append("\n\n");
            if (!t.reading().isEmpty()) {
                sb.append(t.reading()).append("\n\n");
            }
            row(sb, t.header());
            sb.append('|');
            for (int i = 0; i < t.header().size(); i++) {
                sb.append("---|");
            }
            sb.append('\n');
            for (List<String> r : t.rows()) {
                row(sb, r);
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        sb.append('|');
        for (String c : cells) {
            sb.append(' ').append(c).append(" |");
        }
        sb.append('\n');
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
