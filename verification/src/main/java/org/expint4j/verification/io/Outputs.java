package org.expint4j.verification.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command reads and writes, checked before its work starts, so that a mistake in an
 * output path costs nothing: an output must not be an input or another output (compared as real,
 * absolute paths), a file must not be a directory, a folder must not be a file. {@link #prepare}
 * then stages every output ({@link StagedOutputs}), which proves the directories writable; the
 * command writes into {@link #staged} paths and {@link #commit}s at the end. Messages name the
 * option and the path as the user gave it, never a temporary path.
 */
public final class Outputs implements AutoCloseable {

    /** Writes into a staged path. */
    @FunctionalInterface
    public interface Writing {
        /**
         * @param staged the staged file or folder
         * @throws IOException if writing fails
         */
        void write(Path staged) throws IOException;
    }

    /** A declared path: the option naming it, the path as given, and for folders the known names. */
    private record Declared(String option, Path path, Kind kind, List<String> names) {
    }

    private enum Kind { INPUT, FILE, FOLDER }

    private final List<Declared> declared = new ArrayList<>();
    /** Declared output (file, folder, or a folder's named file) to its staged path. */
    private final Map<Path, Path> staged = new HashMap<>();
    /** Declared output to its option, for messages. */
    private final Map<Path, String> options = new HashMap<>();
    private final StagedOutputs staging = new StagedOutputs();

    /**
     * @param option the option naming it
     * @param file an input file, or {@code null} if not given
     * @return this
     */
    public Outputs input(String option, Path file) {
        if (file != null) {
            declared.add(new Declared(option, file, Kind.INPUT, List.of()));
        }
        return this;
    }

    /**
     * @param option the option naming it
     * @param file an output file, whose directory must exist, or {@code null} if not given
     * @return this
     */
    public Outputs file(String option, Path file) {
        if (file != null) {
            declared.add(new Declared(option, file, Kind.FILE, List.of()));
        }
        return this;
    }

    /**
     * @param option the option naming it
     * @param folder an output folder, created if missing
     * @param names the files the command writes there (names without a separator), or none when it
     *     decides them
     * @return this
     */
    public Outputs folder(String option, Path folder, String... names) {
        for (String name : names) {
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException(option + " '" + folder.resolve(name) + "' is not a file name");
            }
        }
        declared.add(new Declared(option, folder, Kind.FOLDER, List.of(names)));
        return this;
    }

    /**
     * Checks every declared path and stages the outputs.
     *
     * @return this
     * @throws IllegalArgumentException naming the option and path of the first problem
     */
    public Outputs prepare() {
        Map<Path, Declared> real = new HashMap<>();
        Map<Path, Path> given = new HashMap<>();
        for (Declared d : declared) {
            if (d.kind() == Kind.INPUT) {
                claim(real, given, d, d.path());
            }
        }
        for (Declared d : declared) {
            if (d.kind() == Kind.FILE) {
                checkFile(d.option(), d.path(), true);
                claim(real, given, d, d.path());
            } else if (d.kind() == Kind.FOLDER) {
                checkFolder(d);
                for (String name : d.names()) {
                    Path file = d.path().resolve(name);
                    checkFile(d.option(), file, false);
                    claim(real, given, d, file);
                }
            }
        }
        for (Declared d : declared) {
            try {
                if (d.kind() == Kind.FILE) {
                    register(d.path(), d.option(), staging.stage(d.path()));
                } else if (d.kind() == Kind.FOLDER) {
                    Path folder = staging.stageFolder(d.path());
                    register(d.path(), d.option(), folder);
                    for (String name : d.names()) {
                        register(d.path().resolve(name), d.option(), folder.resolve(name));
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(d.option() + " '" + d.path() + "' cannot be written: " + reason(e), e);
            }
        }
        return this;
    }

    /**
     * @param output a declared output (file, folder, or a named file of a folder), as declared
     * @return where to write it until the commit
     */
    public Path staged(Path output) {
        Path p = staged.get(output);
        if (p == null) {
            throw new IllegalStateException("'" + output + "' is not a prepared output");
        }
        return p;
    }

    /**
     * Writes a declared output into its staged path.
     *
     * @param output the output, as declared
     * @param writing writes it
     * @throws IllegalArgumentException naming the option and the output if writing fails
     */
    public void write(Path output, Writing writing) {
        Path target = staged(output);
        try {
            writing.write(target);
        } catch (IOException e) {
            throw new IllegalArgumentException(options.get(output) + " '" + output + "' cannot be written: " + reason(e),
                    e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(options.get(output) + " '" + output + "' cannot be written: "
                    + reason(e.getCause()), e);
        }
    }

    /**
     * Moves every output into place.
     *
     * @throws IllegalArgumentException naming the outputs if they cannot be moved
     */
    public void commit() {
        try {
            staging.commit();
        } catch (IOException e) {
            StringBuilder names = new StringBuilder();
            for (Declared d : declared) {
                if (d.kind() != Kind.INPUT) {
                    names.append(names.length() == 0 ? "" : ", ").append(d.option()).append(" '").append(d.path())
                            .append('\'');
                }
            }
            throw new IllegalArgumentException(names + " cannot be written: " + reason(e), e);
        }
    }

    /** Removes what was staged unless it was committed. */
    @Override
    public void close() {
        staging.close();
    }

    /**
     * Refuses a file name that is empty, names a directory level ({@code .}, {@code ..}), has a
     * path separator, or starts with a dot (a hidden file).
     *
     * @param option the option that gave it
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if it is not a plain file name
     */
    public static String requirePlainName(String option, String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\")
                || name.contains(java.io.File.separator) || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(option + " '" + name + "' must be a plain file name: not empty, "
                    + "no '/' or '\\', not starting with '.'");
        }
        return name;
    }

    /**
     * @param e an I/O failure
     * @return why, without the (temporary) path NIO puts in its messages
     */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException f) {
            return f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private void register(Path output, String option, Path stagedPath) {
        staged.put(output, stagedPath);
        options.put(output, option);
    }

    /** Records a file; refuses an output that is a file already declared (inputs may repeat). */
    private static void claim(Map<Path, Declared> real, Map<Path, Path> given, Declared d, Path file) {
        Path key = realPath(file);
        Declared other = real.get(key);
        if (other != null && d.kind() == Kind.INPUT) {
            return;
        }
        if (other != null) {
            String first = other.option() + " '" + given.get(key) + "'";
            String second = d.option() + " '" + file + "'";
            throw new IllegalArgumentException(other.kind() == Kind.INPUT
                    ? second + " is the input file " + first + "; write the output elsewhere"
                    : first + " and " + second + " are the same file; give each output its own name");
        }
        real.put(key, d);
        given.put(key, file);
    }

    private static void checkFile(String option, Path file, boolean directoryMustExist) {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException(option + " '" + file + "' is a directory");
        }
        Path directory = absolute.getParent();
        for (Path p = directory; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException(option + " '" + file + "' cannot be written: '" + p
                        + "' is not a directory");
            }
        }
        if (directoryMustExist && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException(option + " '" + file + "' cannot be written: directory '" + directory
                    + "' does not exist");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IllegalArgumentException(option + " '" + file + "' is not writable");
        }
    }

    private static void checkFolder(Declared d) {
        Path absolute = d.path().toAbsolutePath().normalize();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new IllegalArgumentException(d.option() + " '" + d.path() + "' "
                        + (p.equals(absolute) ? "exists and is not a directory" : "cannot be created: '" + p
                                + "' is not a directory"));
            }
        }
        if (Files.isDirectory(absolute) && !Files.isWritable(absolute)) {
            throw new IllegalArgumentException(d.option() + " '" + d.path() + "' is not writable");
        }
    }

    /** The real path of a file, or of its deepest existing ancestor followed by the rest. */
    private static Path realPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : realPath(parent).resolve(absolute.getFileName());
        }
    }
}
