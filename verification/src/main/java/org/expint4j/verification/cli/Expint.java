package org.expint4j.verification.cli;

import java.io.PrintWriter;
import org.expint4j.integrate.IntegrationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code expint} command line: the entry point of the fat jar and of the {@code ./expint}
 * launcher. Results go to standard output, diagnostics to standard error. A user mistake (bad
 * option value, unreadable file, a size the heap cannot hold, ...) prints one line on standard
 * error and exits with code 2; a run that fails (diverges, or its standard output cannot be
 * written) prints one line and exits with code 1; {@code --debug} adds the stack trace.
 */
@Command(name = "expint", mixinStandardHelpOptions = true, versionProvider = Expint.Version.class,
        description = "Exponential integrators for u' = L u + N(t, u), and DPM-Solver.",
        subcommands = {DemoCommand.class, SampleCommand.class, OrderCommand.class, SolveCommand.class, MethodsCommand.class,
            ReportCommand.class, DpmStudyCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Expint implements Runnable {

    /** Exit code for user mistakes. */
    public static final int USAGE_ERROR = 2;

    /**
     * Exit code for a run that failed although its arguments were valid: a {@link CliFailure}, an
     * integration that stopped (non-finite value, step budget), standard output not writable.
     */
    public static final int RUN_FAILURE = 1;

    /** The start of the message for a failed write to standard output. */
    static final String STDOUT_FAILED = "standard output could not be written (full disk or closed pipe?)";

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
        cl.setParameterExceptionHandler((ex, arguments) -> fail(err, ex.getMessage(), ex, root.debug, USAGE_ERROR));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CliFailure || ex instanceof IntegrationException) {
                // A run that stopped: the message names step, time and stage; no trace needed.
                return fail(err, ex.getMessage(), ex, root.debug, RUN_FAILURE);
            }
            boolean userMistake = ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException;
            String message = ex.getMessage() == null ? ex.toString() : ex.getMessage();
            return fail(err, message, ex, root.debug || !userMistake, userMistake ? USAGE_ERROR : RUN_FAILURE);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes errors through; the arrays that filled the heap are unreachable here.
            String sizes = sizeOptions(cl);
            code = fail(err, "out of memory (the JVM may use " + Limits.bytes(Runtime.getRuntime().maxMemory()) + "): "
                    + (sizes.isEmpty() ? "" : "use a smaller " + sizes + ", or ")
                    + "raise the limit with EXPINT_JAVA_OPTS=-Xmx...", e, root.debug, USAGE_ERROR);
        }
        // PrintWriter swallows write failures (full disk, closed pipe); a run whose output is lost failed.
        if (out.checkError() && code == 0) {
            code = fail(err, STDOUT_FAILED + ": the output is lost", null, false, RUN_FAILURE);
        }
        return code;
    }

    private static int fail(PrintWriter err, String message, Throwable e, boolean trace, int code) {
        err.println("expint: " + message);
        if (trace && e != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * @return the options of the subcommand that ran whose values set its memory, or "" for those
     *     whose memory is fixed by the problem (order, solve, report)
     */
    private static String sizeOptions(CommandLine cl) {
        CommandLine.ParseResult parsed = cl.getParseResult();
        String name = parsed != null && parsed.hasSubcommand() ? parsed.subcommand().commandSpec().name() : "";
        return switch (name) {
            case "sample", "demo" -> "--samples";
            case "dpm-study" -> "--batch or --dimension";
            case "bench" -> "--max-log2n";
            default -> "";
        };
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
