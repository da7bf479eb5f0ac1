package org.expint4j.verification.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.expint4j.verification.bench.BenchOptions;
import org.expint4j.verification.bench.BenchResult;
import org.expint4j.verification.bench.BenchRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code expint bench}: the performance measurements of docs/performance.md, from the command line. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the hot paths: fused sums vs copy bandwidth, fused vs unfused, driver and",
            "sampler overhead per step, phi throughput, end-to-end mixture and ONNX-model sampling. Prints Markdown",
            "tables."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--quick", description = "Fewer sizes and repetitions (under 30 s).")
    boolean quick;

    @Option(names = "--threads",
            description = "Threads of the CPU backend, at most 4 x the available processors (default: all cores).")
    Integer threads;

    @Option(names = "--reps", description = "Repetitions per measurement (median and spread are reported).")
    Integer repetitions;

    @Option(names = "--max-log2n", description = "Largest vector length as a power of two.")
    Integer maxLog2N;

    @Option(names = "--sections", split = ",",
            description = "Subset of: bandwidth, fusion, threshold, driver, dpm-step, phi, gmm, onnx (default: all).")
    List<String> sections;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BenchOptions options = new BenchOptions().quick(quick);
        StringBuilder command = new StringBuilder("./expint bench");
        if (quick) {
            command.append(" --quick");
        }
        if (threads != null) {
            int limit = Limits.THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
            if (threads > limit) {
                throw new IllegalArgumentException("--threads " + threads + " is above the limit of " + limit + " ("
                        + Limits.THREADS_PER_PROCESSOR + " x " + Runtime.getRuntime().availableProcessors()
                        + " available processors)");
            }
            options.threads(threads);
            command.append(" --threads ").append(threads);
        }
        if (repetitions != null) {
            options.repetitions(repetitions);
            command.append(" --reps ").append(repetitions);
        }
        if (maxLog2N != null) {
            options.maxLog2N(maxLog2N);
            command.append(" --max-log2n ").append(maxLog2N);
        }
        if (sections != null) {
            EnumSet<BenchOptions.Section> set = EnumSet.noneOf(BenchOptions.Section.class);
            for (String name : sections) {
                try {
                    set.add(BenchOptions.Section.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown --sections value '" + name
                            + "'; known: bandwidth, fusion, threshold, driver, dpm-step, phi, gmm, onnx");
                }
            }
            options.sections(set);
            command.append(" --sections ").append(String.join(",", sections));
        }
        options.command(command.toString());
        BenchResult result = BenchRunner.run(options);
        spec.commandLine().getOut().print(result.toMarkdown());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
