package org.expint4j.verification.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command line as a child JVM, for what needs a process of its own: heap limits, signals, /dev/full. */
final class ChildCli {

    /** How a child ended. */
    record Exit(int code, String err) {
    }

    private ChildCli() {
    }

    /**
     * Starts {@code expint args} with the test's classpath.
     *
     * @param jvmOptions options of the child JVM, e.g. {@code -Xmx32m}
     * @param stdout where standard output goes
     * @param stderr where standard error goes
     * @param args the arguments
     * @return the process
     * @throws IOException if it cannot start
     */
    static Process start(List<String> jvmOptions, File stdout, File stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Expint.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout).redirectError(stderr).start();
    }

    /**
     * Runs {@code expint args} to its end.
     *
     * @param dir where standard error is kept
     * @param jvmOptions options of the child JVM
     * @param stdout where standard output goes
     * @param args the arguments
     * @return its exit code and standard error
     * @throws IOException if it cannot run
     * @throws InterruptedException if interrupted
     */
    static Exit run(Path dir, List<String> jvmOptions, File stdout, String... args)
            throws IOException, InterruptedException {
        File err = Files.createTempFile(dir, "stderr", ".txt").toFile();
        Process p = start(jvmOptions, stdout, err, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("expint " + String.join(" ", args) + " did not end within 120 s");
        }
        Exit exit = new Exit(p.exitValue(), Files.readString(err.toPath()));
        Files.delete(err.toPath());
        return exit;
    }
}
