package org.expint4j.verification.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader never sees a partial one: the content goes to a temporary file in
 * the target's directory, is forced to disk, and is renamed over the target. On failure the
 * temporary file is removed and an existing target is left as it was, also when the JVM is
 * stopped by a signal (a shutdown hook removes it). Every file the project writes (CSV, Markdown,
 * pictures) goes through here; a set of files that belong together goes through
 * {@link StagedOutputs} as well.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream of the temporary file (closed by the caller)
         * @throws IOException if writing fails
         */
        void write(OutputStream out) throws IOException;
    }

    /** Writes the content of a text file. */
    @FunctionalInterface
    public interface Text {
        /**
         * @param out a buffered UTF-8 writer of the temporary file (flushed by the caller)
         * @throws IOException if writing fails
         */
        void write(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * @param target the file; its directory is created if needed
     * @param content writes the bytes
     * @throws IOException if the file cannot be written
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        // Not Files.createTempFile: its owner-only permissions would survive the rename.
        Path temporary = directory.resolve("." + absolute.getFileName() + "." + Long.toHexString(System.nanoTime())
                + "-" + Thread.currentThread().getId() + ".tmp");
        try {
            // The directory too is created only while the JVM is not stopping: a signal may have just
            // removed it (a staging folder), and it must not come back.
            try (FileChannel channel = PendingFiles.create(temporary, PendingFiles.Kind.TEMPORARY, () -> {
                Files.createDirectories(directory);
                return FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            })) {
                OutputStream stream = Channels.newOutputStream(channel);
                content.write(stream);
                stream.flush();
                // On disk before the rename, so that a crash cannot leave an empty file under the name.
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; a plain replace is the best left.
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // The directory itself may be gone; nothing is left behind then.
            }
            PendingFiles.release(temporary);
        }
    }

    /**
     * @param target the file
     * @param text the content, written as UTF-8
     * @throws IOException if the file cannot be written
     */
    public static void writeString(Path target, CharSequence text) throws IOException {
        writeText(target, w -> w.append(text));
    }

    /**
     * @param target the file
     * @param content writes the text, encoded as UTF-8
     * @throws IOException if the file cannot be written
     */
    public static void writeText(Path target, Text content) throws IOException {
        write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.write(w);
            w.flush();
        });
    }
}
