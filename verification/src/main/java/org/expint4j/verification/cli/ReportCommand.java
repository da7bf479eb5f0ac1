package org.expint4j.verification.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.expint4j.verification.io.Outputs;
import org.expint4j.verification.report.VerificationPage;
import org.expint4j.verification.report.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code expint report}: rerun every study and regenerate docs/verification.md and docs/results/. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Regenerate docs/verification.md: every order study and the DPM sampling study.",
            "Writes verification.md and results/ into the docs folder (about a minute), all at the end."})
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "docs", description = "Docs folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--smoke", description = "Tiny studies (seconds), for trying the command.")
    boolean smoke;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Path page = out.resolve("verification.md");
        Path results = out.resolve("results");
        try (Outputs outputs = new Outputs().folder("--out", out, "verification.md").folder("--out", results)
                .prepare()) {
            List<Path> written = new ArrayList<>();
            outputs.write(out, staged -> written.addAll(VerificationPage.write(outputs.staged(page),
                    outputs.staged(results), smoke ? VerificationReport.Scale.SMOKE : VerificationReport.Scale.FULL,
                    line -> {
                        if (!quiet) {
                            err.println(line);
                            err.flush();
                        }
                    })));
            outputs.commit();
            var stdout = spec.commandLine().getOut();
            stdout.println("wrote " + written.size() + " files into " + results + " and the page " + page);
            stdout.flush();
        }
        return 0;
    }
}
