package org.expint4j.verification.cli;

import java.io.PrintWriter;
import org.expint4j.verification.dpm.DpmStudyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code expint} command line: the entry point of the fat jar and of the {@code ./expint}
 * launcher. Results go to standard output, diagnostics to standard error. A user mistake (bad
 * option value, unreadable file, ...) prints one line on standard error and exits with code 2;
 * {@code --debug} adds the stack trace.
 */
@Command(name = "expint", mixinStandardHelpOptions = true, versionProvider = Expint.Version.class,
        description = "Exponential integrators for u' = L u + N(t, u), and DPM-Solver.",
        subcommands = {DemoCommand.class, SampleCommand.class, OrderCommand.class, SolveCommand.class, MethodsCommand.class,
            ReportCommand.class, DpmStudyCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Expint implements Runnable {

    /** Exit code for user mistakes. */
    public static final int USAGE_ERROR = 2;

    /** Exit code for a run that failed although its arguments were valid ({@link CliFailure}). */
    public static final int RUN_FAILURE = 1;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams (used by tests).
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        Expint root = new Expint();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            err.println("expint: " + ex.getMessage());
            if (root.debug) {
                ex.printStackTrace(err);
            }
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliFailure) {
                err.println("expint: " + ex.getMessage());
                if (root.debug) {
                    ex.printStackTrace(err);
                }
                return RUN_FAILURE;
            }
            boolean userMistake = ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException;
            err.println("expint: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (root.debug || !userMistake) {
                ex.printStackTrace(err);
            }
            return userMistake ? USAGE_ERROR : 1;
        });
        return cl.execute(args);
    }

    /** Reads the version from the jar manifest, or says it is a development build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Expint.class.getPackage().getImplementationVersion();
            return new String[] {"expint4j " + (v == null ? "0.1.0-SNAPSHOT" : v)
                    + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
