package org.expint4j.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.expint4j.integrate.IntegrationException;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.verification.io.Outputs;
import org.expint4j.verification.problems.pde.PdeProblem;
import org.expint4j.verification.problems.pde.PdeProblems;
import org.expint4j.verification.problems.pde.PdeSolve;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code expint solve}: solve a PDE benchmark, write its space-time picture and final state. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = {"Solve a stiff PDE benchmark (KS, Burgers, KdV, Allen-Cahn) with a fixed step.",
            "Writes a space-time picture (PNG) and the final state (CSV), e.g.",
            "  expint solve --problem ks --method hochost4 --h 0.25 --t-end 150 --plot ks.png"})
final class SolveCommand implements Callable<Integer> {

    @Option(names = "--problem", required = true, description = "PDE problem: ${COMPLETION-CANDIDATES}.",
            completionCandidates = PdeNames.class)
    String problem;

    @Option(names = "--method", defaultValue = "hochost4", description = "Method name (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--h", required = true,
            description = "Step size, > 0; (t-end - t0) / h at most 10000000 steps.")
    double h;

    @Option(names = "--t-end", required = true, description = "Final time, > 0.")
    double tEnd;

    @Option(names = "--plot", defaultValue = "expint-out/solve.png", converter = Choices.OutputFile.class,
            description = "Picture (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--csv", defaultValue = "expint-out/solve-final.csv", converter = Choices.OutputFile.class,
            description = "Final state as x,u CSV (default: ${DEFAULT-VALUE}).")
    Path csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws java.io.IOException {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("--h must be positive and finite, got " + h);
        }
        if (!(tEnd > 0) || Double.isInfinite(tEnd)) {
            throw new IllegalArgumentException("--t-end must be positive and finite, got " + tEnd);
        }
        PdeProblem pde = PdeProblems.byName(problem);
        ExponentialMethod m = MethodRegistry.byName(method);
        double steps = (tEnd - pde.t0()) / h;
        if (steps > Limits.MAX_SOLVE_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--t-end / --h = %.2g steps, above the limit "
                    + "of %d; use a larger --h or a smaller --t-end", steps, Limits.MAX_SOLVE_STEPS));
        }
        try (Outputs outputs = new Outputs().folder("--plot", folderOf(plot), plot.getFileName().toString())
                .folder("--csv", folderOf(csv), csv.getFileName().toString()).prepare()) {
            long start = System.nanoTime();
            PdeSolve.Result result;
            try {
                result = PdeSolve.run(pde, m, h, tEnd, null, null);
            } catch (IntegrationException e) {
                throw new CliFailure(e.getMessage() + "; nothing was written (try a smaller --h or another --method)",
                        e);
            }
            outputs.write(plot, p -> PdeSolve.writePlot(result, p));
            outputs.write(csv, p -> PdeSolve.writeCsv(result, p));
            outputs.commit();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s with %s, h = %s, t = 0 .. %s: %s, %.2f s%n", result.problem().name(), method, h, tEnd,
                    result.statistics(), (System.nanoTime() - start) * 1e-9);
            out.println("wrote " + plot + " and " + csv);
            out.flush();
        }
        return 0;
    }

    /** @return the folder of a file as the user spelled it ({@code ""} for a bare name) */
    private static Path folderOf(Path file) {
        return file.getParent() == null ? Path.of("") : file.getParent();
    }

    /** The PDE names, for help. */
    static final class PdeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PdeProblems.names().iterator();
        }
    }
}
