package org.expint4j.verification.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Staged outputs appear together at the commit or not at all; failures name the user's path. */
class OutputsTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesNoFileAndKeepsTheOldOne() throws IOException {
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "old\n");
        try (Outputs outputs = new Outputs().file("--out", file).prepare()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> outputs.write(file, staged -> AtomicFiles.writeText(staged, w -> {
                        w.write("1,2\n");
                        throw new IOException("disk full");
                    })));
            assertEquals("--out '" + file + "' cannot be written: disk full", e.getMessage());
        }
        assertEquals("old\n", Files.readString(file));
        assertEquals(List.of(file), list(dir), "no temporary file is left");
    }

    @Test
    void nothingAppearsBeforeTheCommitAndEverythingAfter() throws IOException {
        Path docs = dir.resolve("docs");
        Files.createDirectories(docs);
        Files.writeString(docs.resolve("page.md"), "old page\n");
        try (StagedOutputs outputs = new StagedOutputs()) {
            Path results = outputs.stageFolder(docs.resolve("results"));
            Files.writeString(results.resolve("a.csv"), "a\n");
            AtomicFiles.writeString(results.resolve("b.csv"), "b\n");
            AtomicFiles.writeString(outputs.stage(docs.resolve("page.md")), "new page\n");
            assertEquals("old page\n", Files.readString(docs.resolve("page.md")));
            assertFalse(Files.exists(docs.resolve("results").resolve("a.csv")));
            outputs.commit();
        }
        assertEquals("new page\n", Files.readString(docs.resolve("page.md")));
        assertEquals(List.of(docs.resolve("results").resolve("a.csv"), docs.resolve("results").resolve("b.csv")),
                list(docs.resolve("results")));
        assertEquals(List.of(docs.resolve("page.md"), docs.resolve("results")), list(docs));
    }

    @Test
    void anUncommittedSetLeavesNothingNotEvenItsNewDirectories() throws IOException {
        Path deep = dir.resolve("a").resolve("b");
        try (StagedOutputs outputs = new StagedOutputs()) {
            Files.writeString(outputs.stageFolder(deep).resolve("x.csv"), "x\n");
            assertTrue(Files.isDirectory(deep));
        }
        assertEquals(List.of(), list(dir));
    }

    @Test
    void inputsMayRepeatButAnOutputMayBeNoInput() throws IOException {
        Path in = Files.writeString(dir.resolve("in.csv"), "1\n");
        new Outputs().input("--a", in).input("--b", dir.resolve(".").resolve("in.csv")).prepare().close();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Outputs().input("--a", in).file("--out", in).prepare());
        assertEquals("--out '" + in + "' is the input file --a '" + in + "'; write the output elsewhere",
                e.getMessage());
    }

    @Test
    void reasonsLeaveOutTheTemporaryPath() {
        String reason = Outputs.reason(new java.nio.file.FileSystemException("/d/.expint-1.tmp/x", null,
                "Read-only file system"));
        assertEquals("Read-only file system", reason);
        assertEquals("permission denied", Outputs.reason(new java.nio.file.AccessDeniedException("/d/.x.tmp")));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
