package org.expint4j.verification.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The outputs of one run that belong together (a report and its results, a study's Markdown,
 * CSV and plots): they are written into hidden staging folders, one inside each target directory,
 * and {@link #commit} moves them all into place at the end, so that a reader finds either the old
 * set or the new one. Until then nothing under the target names changes; {@link #close} without
 * a commit, or a signal that stops the JVM, removes the staging folders and the directories that
 * were created for the outputs.
 *
 * <pre>{@code
 * try (StagedOutputs outputs = new StagedOutputs()) {
 *     Path folder = outputs.stageFolder(Path.of("docs/results"));  // created now: checks the target
 *     ... write files into folder ...
 *     outputs.commit();                                           // every file into docs/results
 * }
 * }</pre>
 */
public final class StagedOutputs implements AutoCloseable {

    /** Target directory to its staging folder, in staging order. */
    private final Map<Path, Path> folders = new LinkedHashMap<>();
    /** Directories created for the outputs, parents first. */
    private final List<Path> created = new ArrayList<>();
    private boolean committed;

    /**
     * Stages the contents of a directory: every regular file written into the returned folder is
     * moved into {@code target} by {@link #commit}, replacing a file of the same name.
     *
     * @param target the directory; it and its missing parents are created now
     * @return the staging folder (the same for the same directory)
     * @throws IOException if the directory or the staging folder cannot be created
     */
    public Path stageFolder(Path target) throws IOException {
        if (committed) {
            throw new IllegalStateException("the outputs are committed");
        }
        Path directory = target.toAbsolutePath().normalize();
        Path folder = folders.get(directory);
        if (folder != null) {
            return folder;
        }
        createDirectories(directory);
        Path staging = directory.resolve(".expint-" + Long.toHexString(System.nanoTime()) + "-"
                + Thread.currentThread().getId() + ".tmp");
        PendingFiles.create(staging, PendingFiles.Kind.TEMPORARY, () -> Files.createDirectory(staging));
        folders.put(directory, staging);
        return staging;
    }

    /**
     * Stages one file.
     *
     * @param target the file
     * @return where to write it: its name in the staging folder of its directory
     * @throws IOException if the directory or the staging folder cannot be created
     */
    public Path stage(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IllegalArgumentException("'" + target + "' is not a file name");
        }
        return stageFolder(absolute.getParent()).resolve(absolute.getFileName());
    }

    /**
     * Moves every staged file into place. A signal arriving meanwhile waits until all are moved.
     *
     * @throws IOException if a file cannot be moved (those moved before stay in place)
     */
    public void commit() throws IOException {
        PendingFiles.locked(() -> {
            for (Map.Entry<Path, Path> e : folders.entrySet()) {
                try (Stream<Path> files = Files.list(e.getValue())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        move(file, e.getKey().resolve(file.getFileName()));
                    }
                }
            }
            committed = true;
            removeStaging();
            created.forEach(PendingFiles::release);
        });
    }

    /** Removes the staging folders, and the directories created for the outputs, unless committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        removeStaging();
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(created.get(i));
            } catch (IOException e) {
                // Not empty: someone else put files there; it stays.
            }
            PendingFiles.release(created.get(i));
        }
        committed = true;
    }

    private void removeStaging() {
        for (Path staging : folders.values()) {
            try {
                PendingFiles.deleteTree(staging);
            } catch (IOException e) {
                // Left for the shutdown hook, which tries again.
                continue;
            }
            PendingFiles.release(staging);
        }
    }

    private void createDirectories(Path directory) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                PendingFiles.create(p, PendingFiles.Kind.CREATED_DIRECTORY, () -> Files.createDirectory(p));
                created.add(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
