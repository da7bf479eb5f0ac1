package org.expint4j.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.expint4j.verification.dpm.DpmStudy;
import org.expint4j.verification.dpm.DpmStudyResult;
import org.expint4j.verification.io.AtomicFiles;
import org.expint4j.verification.io.Outputs;

/**
 * {@code dpm-study}: runs the {@link DpmStudy} and writes {@code <name>.md}, {@code .csv},
 * {@code .png} and {@code .svg} into a directory, the Markdown prefixed with the command, seed and
 * machine. A picocli command, ready to be registered as a subcommand of {@code expint}; also
 * runnable on its own through {@link #main}.
 */
@Command(name = "dpm-study", mixinStandardHelpOptions = true,
        description = "DPM sampling study: error vs NFE of DDIM, DPM-Solver(++), UniPC, the SDE samplers and RK45 on "
                + "a Gaussian mixture, VP and flow-matching schedules.")
public final class DpmStudyCommand implements Callable<Integer> {

    @Option(names = "--out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("docs/results");

    @Option(names = "--name", description = "Base name of the output files, a plain file name (no '/', not "
            + "starting with '.') (default: ${DEFAULT-VALUE}).")
    String name = "dpm-study";

    @Option(names = "--dimension", description = "Dimension d (default: ${DEFAULT-VALUE}).")
    int dimension = 16;

    @Option(names = "--components", description = "Mixture components K (default: ${DEFAULT-VALUE}).")
    int components = 4;

    @Option(names = "--batch", description = "Samples B; about 20 x B x d doubles must fit in the heap "
            + "(default: ${DEFAULT-VALUE}).")
    int batch = 512;

    @Option(names = "--seed", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = 20220600;

    @Option(names = "--nfe", split = ",", description = "NFE ladder of the fixed-step solvers (default: "
            + "5,10,15,20,50,100,200,500,1000).")
    int[] nfe;

    @Option(names = "--reference-steps", description = "Steps of the order-4 reference (default: ${DEFAULT-VALUE}).")
    int referenceSteps = 4000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        PrintWriter stdout = spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
        Outputs.requirePlainName("--name", name);
        DpmStudy.Builder builder = DpmStudy.builder().dimension(dimension).components(components).batch(batch)
                .seed(seed).referenceSteps(referenceSteps).log(m -> err.println("dpm-study: " + m));
        if (nfe != null) {
            builder.nfeLadder(nfe);
        }
        DpmStudy study = builder.build();
        // The study keeps about 20 vectors of the batch: noise, exact samples, reference, solutions, solver state.
        Limits.requireHeap("--batch " + batch + " x --dimension " + dimension, (long) batch * dimension, 20);
        String command = "--out " + out + " --name " + name + " --dimension " + dimension
                + " --components " + components + " --batch " + batch + " --seed " + seed
                + (nfe == null ? "" : " --nfe " + java.util.Arrays.toString(nfe).replaceAll("[\\[\\] ]", ""))
                + " --reference-steps " + referenceSteps;
        try (Outputs outputs = new Outputs().folder("--out", out, name + ".md", name + ".csv", name + ".png",
                name + ".svg").prepare()) {
            DpmStudyResult result = study.run();
            String markdown = "# DPM sampling study\n\n" + provenance(command, result) + "\n" + result.toMarkdown();
            outputs.write(out, staged -> {
                AtomicFiles.writeString(staged.resolve(name + ".md"), markdown);
                result.writeCsv(staged.resolve(name + ".csv"));
                result.writePlot(staged.resolve(name + ".png"), staged.resolve(name + ".svg"));
            });
            outputs.commit();
            stdout.printf(Locale.ROOT, "wrote %s.{md,csv,png,svg} in %s (%.1f s)%n", name, out, result.seconds());
        }
        return 0;
    }

    /** @return command, machine and JVM, as a Markdown list */
    static String provenance(String command, DpmStudyResult result) {
        String cpu = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: leave the model unknown.
        }
        return String.format(Locale.ROOT, "- **Command:** `./expint dpm-study %1$s` from the repository root%n"
                + "- **Seed:** %2$d%n"
                + "- **Machine:** %3$s, %4$d logical CPUs (study single-threaded); Java %5$s (%6$s %7$s)%n"
                + "- **Wall time:** %8$.1f s%n", command, result.config().seed(), cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), result.seconds());
    }

    /**
     * Runs the command on its own.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code = new CommandLine(new DpmStudyCommand()).execute(args);
        // No exit on success, so that Maven's exec:java (same JVM) finishes normally.
        if (code != 0) {
            System.exit(code);
        }
    }
}
