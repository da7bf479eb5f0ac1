package org.expint4j.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.expint4j.method.MethodRegistry;
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

    @Option(names = "--h", required = true, description = "Step size, > 0.")
    double h;

    @Option(names = "--t-end", required = true, description = "Final time, > 0.")
    double tEnd;

    @Option(names = "--plot", defaultValue = "expint-out/solve.png", description = "Picture (default: ${DEFAULT-VALUE}).")
    Path plot;

    @Option(names = "--csv", defaultValue = "expint-out/solve-final.csv",
            description = "Final state as x,u CSV (default: ${DEFAULT-VALUE}).")
    Path csv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("--h must be positive and finite, got " + h);
        }
        if (!(tEnd > 0) || Double.isInfinite(tEnd)) {
            throw new IllegalArgumentException("--t-end must be positive and finite, got " + tEnd);
        }
        for (Path p : new Path[] {plot, csv}) {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
        }
        long start = System.nanoTime();
        PdeSolve.Result result = PdeSolve.run(problem, MethodRegistry.byName(method), h, tEnd, plot, csv);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%s with %s, h = %s, t = 0 .. %s: %s, %.2f s%n", result.problem().name(), method, h, tEnd,
                result.statistics(), (System.nanoTime() - start) * 1e-9);
        out.println("wrote " + plot + " and " + csv);
        out.flush();
        return 0;
    }

    /** The PDE names, for help. */
    static final class PdeNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return PdeProblems.names().iterator();
        }
    }
}
