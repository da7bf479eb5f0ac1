package org.expint4j.verification.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.expint4j.verification.report.VerificationPage;
import org.expint4j.verification.report.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code expint report}: rerun every study and regenerate docs/verification.md and docs/results/. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Regenerate docs/verification.md: every order study and the DPM sampling study.",
            "Writes verification.md and results/ into the docs folder (about a minute)."})
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
        var written = VerificationPage.write(out, smoke ? VerificationReport.Scale.SMOKE : VerificationReport.Scale.FULL,
                line -> {
                    if (!quiet) {
                        err.println(line);
                        err.flush();
                    }
                });
        var stdout = spec.commandLine().getOut();
        stdout.println("wrote " + written.size() + " files; the page is " + written.get(written.size() - 1));
        stdout.flush();
        return 0;
    }
}
