package org.expint4j.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.expint4j.verification.problems.ProblemLibrary;
import org.expint4j.verification.io.Outputs;
import org.expint4j.verification.study.OrderStudy;
import org.expint4j.verification.study.OrderStudyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code expint order}: the order-study engine on a library problem. */
@Command(name = "order", mixinStandardHelpOptions = true,
        description = {"Measure observed convergence orders of methods on a library problem.",
            "Prints the error table with fitted orders; writes CSV and log-log plots (PNG, SVG)."})
final class OrderCommand implements Callable<Integer> {

    @Option(names = "--problem",
            description = "Problem name (see --list-problems), e.g. hochost, ks, manufactured-stiff.")
    String problem;

    @Option(names = "--methods", split = ",", defaultValue = "etd1,etd2rk,etdrk4,krogstad,hochost4",
            description = "Comma-separated method names (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--steps", split = ",",
            description = "Step counts n (h = span/n), e.g. 16,32,64; each at most 1048576 (2^20).")
    int[] steps;

    @Option(names = "--n-min", defaultValue = "8", description = "Smallest n of a doubling ladder (default: ${DEFAULT-VALUE}).")
    int nMin;

    @Option(names = "--n-max", defaultValue = "256",
            description = "Largest n of a doubling ladder, at most 1048576 (2^20) (default: ${DEFAULT-VALUE}).")
    int nMax;

    @Option(names = "--tolerances", split = ",",
            description = "Tolerance ladder instead of steps: adaptive runs of embedded pairs, e.g. 1e-3,1e-5.")
    double[] tolerances;

    @Option(names = "--out", defaultValue = "expint-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--list-problems", description = "List the problem names and exit.")
    boolean listProblems;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        if (listProblems) {
            ProblemLibrary.names().forEach(stdout::println);
            stdout.flush();
            return 0;
        }
        if (problem == null) {
            throw new IllegalArgumentException("--problem is required (see --list-problems)");
        }
        if (steps != null) {
            for (int n : steps) {
                requireSteps("--steps", n);
            }
        } else if (tolerances == null) {
            requireSteps("--n-min", nMin);
            requireSteps("--n-max", nMax);
        }
        OrderStudy.Builder builder = OrderStudy.builder().problem(ProblemLibrary.byName(problem))
                .methods(methods.toArray(new String[0]));
        if (tolerances != null) {
            builder.tolerances(tolerances);
        } else if (steps != null) {
            builder.steps(steps);
        } else {
            builder.stepLadder(nMin, nMax);
        }
        OrderStudy study = builder.build();
        String stem = "order-" + problem.trim().toLowerCase(java.util.Locale.ROOT);
        try (Outputs outputs = new Outputs().folder("--out", out, stem + ".csv", stem + ".png", stem + ".svg")
                .prepare()) {
            OrderStudyResult result = study.run();
            stdout.print(result.toMarkdown());
            outputs.write(out, staged -> {
                result.writeCsv(staged.resolve(stem + ".csv"));
                result.writePlot(staged.resolve(stem + ".png"), staged.resolve(stem + ".svg"));
            });
            outputs.commit();
        }
        stdout.println();
        stdout.println("wrote " + out.resolve(stem + ".csv") + ", " + stem + ".png, " + stem + ".svg");
        stdout.flush();
        return 0;
    }

    private static void requireSteps(String option, int n) {
        if (n > Limits.MAX_ORDER_STEPS) {
            throw new IllegalArgumentException(option + " " + n + " is above the limit of " + Limits.MAX_ORDER_STEPS
                    + " steps per run");
        }
    }
}
