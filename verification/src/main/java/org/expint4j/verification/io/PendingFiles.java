package org.expint4j.verification.io;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The temporary files and folders of writes in progress, removed by one shutdown hook when the
 * JVM stops before they are done (SIGTERM, SIGINT, {@code System.exit}), so that an interrupted
 * run leaves nothing behind. Entries are created, and staged outputs committed, under the lock
 * the hook takes: a signal either finds an entry and removes it, or waits for a commit to end.
 */
final class PendingFiles {

    /** What the hook does with an entry. */
    enum Kind {
        /** A temporary file or folder: removed with its contents. */
        TEMPORARY,
        /** A directory created for outputs: removed if it is empty. */
        CREATED_DIRECTORY
    }

    /** Creates a file or folder. */
    @FunctionalInterface
    interface Creation<T> {
        T create() throws IOException;
    }

    /** Work done under the lock. */
    @FunctionalInterface
    interface Locked {
        void run() throws IOException;
    }

    private static final Object LOCK = new Object();
    /** In registration order; the hook removes them in reverse (contents before their folders). */
    private static final Map<Path, Kind> PENDING = new LinkedHashMap<>();
    private static boolean hookInstalled;
    private static boolean stopping;

    private PendingFiles() {
    }

    /**
     * Creates an entry and registers it, atomically with respect to the hook.
     *
     * @param path the entry
     * @param kind what the hook does with it
     * @param creation creates it
     * @return what the creation returned
     * @throws IOException if it cannot be created, or the JVM is stopping
     */
    static <T> T create(Path path, Kind kind, Creation<T> creation) throws IOException {
        synchronized (LOCK) {
            checkRunning();
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(PendingFiles::removeAll, "expint4j-pending-files"));
                hookInstalled = true;
            }
            T result = creation.create();
            PENDING.put(path, kind);
            return result;
        }
    }

    /** @param path an entry that is done (moved into place or removed): the hook leaves it alone */
    static void release(Path path) {
        synchronized (LOCK) {
            PENDING.remove(path);
        }
    }

    /**
     * Runs work that must not be cut by the hook, such as moving a set of outputs into place.
     *
     * @param work the work
     * @throws IOException if it fails, or the JVM is stopping
     */
    static void locked(Locked work) throws IOException {
        synchronized (LOCK) {
            checkRunning();
            work.run();
        }
    }

    /**
     * Removes a file or a folder with its contents; nothing if it is absent.
     *
     * @param path the file or folder
     * @throws IOException if something cannot be removed
     */
    static void deleteTree(Path path) throws IOException {
        // A few rounds: a writer may still rename a file into the folder while it is walked.
        for (int round = 0; ; round++) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (NoSuchFileException e) {
                return;
            } catch (DirectoryNotEmptyException e) {
                if (round == 4) {
                    throw e;
                }
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || round == 4) {
                    throw e.getCause();
                }
            }
        }
    }

    private static void checkRunning() throws IOException {
        if (stopping) {
            throw new IOException("the JVM is shutting down");
        }
    }

    private static void removeAll() {
        synchronized (LOCK) {
            stopping = true;
            List<Map.Entry<Path, Kind>> entries = new ArrayList<>(PENDING.entrySet());
            for (int i = entries.size() - 1; i >= 0; i--) {
                Path path = entries.get(i).getKey();
                try {
                    if (entries.get(i).getValue() == Kind.TEMPORARY) {
                        deleteTree(path);
                    } else {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException | RuntimeException e) {
                    // A non-empty created directory holds other files: it stays, as does what cannot go.
                }
            }
            PENDING.clear();
        }
    }
}
