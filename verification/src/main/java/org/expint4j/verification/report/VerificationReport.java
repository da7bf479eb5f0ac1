package org.expint4j.verification.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import org.expint4j.verification.problems.BenchmarkProblem;
import org.expint4j.verification.problems.HochbruckOstermannProblem;
import org.expint4j.verification.problems.ManufacturedStiffProblem;
import org.expint4j.verification.problems.ProblemLibrary;
import org.expint4j.verification.io.AtomicFiles;
import org.expint4j.verification.study.OrderStudy;
import org.expint4j.verification.study.OrderStudyResult;

/**
 * The standard order studies behind {@code docs/results}: each written as Markdown, CSV, PNG and
 * SVG, plus an index page that shows them together. The {@code expint} command line and the
 * documentation build call {@link #write}; nothing here has a {@code main}.
 *
 * <table class="striped">
 * <caption>Standard studies ({@link Scale#FULL})</caption>
 * <thead><tr><th>file stem</th><th>problem</th><th>methods</th><th>ladder</th></tr></thead>
 * <tbody>
 * <tr><td>{@code hochost-order}</td><td>Hochbruck–Ostermann, \(n_d = 200\), sine basis</td>
 *     <td>the fourth-order methods, with exponential Euler and ETD2RK for scale</td>
 *     <td>\(n = 4, \dots, 256\)</td></tr>
 * <tr><td>{@code manufactured-stiff-uniform}</td><td>manufactured stiff system, largest error over
 *     \(\kappa = 1, 10^2, 10^4, 10^6\)</td><td>the whole catalogue</td>
 *     <td>\(n = 16, \dots, 1024\)</td></tr>
 * <tr><td>{@code scalar-order}</td><td>\(u' = -2u + \sin 3t + \tfrac12\cos 3t\)</td>
 *     <td>the whole catalogue</td><td>\(n = 8, \dots, 1024\)</td></tr>
 * <tr><td>{@code hochost-adaptive}</td><td>Hochbruck–Ostermann, sine basis</td>
 *     <td>the embedded pairs</td><td>tolerances \(10^{-2}, \dots, 10^{-8}\)</td></tr>
 * </tbody>
 * </table>
 *
 * <p>{@link Scale#SMOKE} runs the same studies on tiny ladders (and \(n_d = 20\)) in well under
 * a second, to test the pipeline.
 */
public final class VerificationReport {

    /** How much work the studies do. */
    public enum Scale {
        /** The documented studies (some seconds). */
        FULL,
        /** Tiny ladders and problems: checks the pipeline, not the numbers. */
        SMOKE
    }

    /** The file name of the index page. */
    public static final String INDEX = "order-studies.md";

    private VerificationReport() {
    }

    /**
     * The standard studies, named by their file stems, ready to run.
     *
     * @param scale how much work
     * @return (stem, study) pairs in report order
     */
    public static List<NamedStudy> standardStudies(Scale scale) {
        boolean full = scale == Scale.FULL;
        List<NamedStudy> studies = new ArrayList<>();
        BenchmarkProblem hochost = full ? ProblemLibrary.byName("hochost") : HochbruckOstermannProblem.diagonal(20);
        studies.add(new NamedStudy("hochost-order", OrderStudy.builder().problem(hochost)
                .methods(full ? new String[] {"etd1", "etd2rk", "etdrk4", "krogstad", "strehmel-weiner", "hochost4",
                        "lawson4", "abnorsett4"} : new String[] {"etd1", "hochost4"})
                .stepLadder(4, full ? 256 : 16).build()));
        List<BenchmarkProblem> family = Stream.of(1.0, 1e2, 1e4, 1e6)
                .map(k -> (BenchmarkProblem) ManufacturedStiffProblem.of(k, ManufacturedStiffProblem.Variant.BOUNDED_FORCING))
                .toList();
        studies.add(new NamedStudy("manufactured-stiff-uniform", OrderStudy.builder()
                .problemFamily("manufactured-stiff-uniform", "manufactured stiff system (L = diag(-1, -kappa), "
                        + "coupled u-dependent N, bounded forcing), largest error over kappa = 1, 1e2, 1e4, 1e6", family)
                .methods(full ? MethodRegistry.all() : methods("etd2rk", "hochost3"))
                .stepLadder(16, full ? 1024 : 64).build()));
        studies.add(new NamedStudy("scalar-order", OrderStudy.builder()
                .problem(ProblemLibrary.byName("scalar-trigonometric"))
                .methods(full ? MethodRegistry.all() : methods("etd1", "krogstad"))
                .stepLadder(8, full ? 1024 : 32).build()));
        studies.add(new NamedStudy("manufactured-stiff-forcing", OrderStudy.builder()
                .problem(ManufacturedStiffProblem.of(1e4, ManufacturedStiffProblem.Variant.STIFF_FORCING))
                .methods(full ? methods("etd1", "etd2rk", "etdrk3", "hochost3", "etdrk4", "krogstad", "hochost4")
                        : methods("etd2rk", "hochost3"))
                .stepLadder(16, full ? 1024 : 64).build()));
        studies.add(new NamedStudy("diffusion-gaussian-order", OrderStudy.builder()
                .problem(ProblemLibrary.byName("diffusion-gaussian"))
                .methods(full ? methods("etd1", "hochost2", "etd2rk", "hochost3", "krogstad", "hochost4", "abnorsett2",
                        "abnorsett3", "abnorsett4") : methods("etd1", "hochost3"))
                .stepLadder(8, full ? 512 : 32).build()));
        if (full) {
            // Kassam-Trefethen's convergence figure: KS at T = 10, h = 1/4 .. 1/256.
            studies.add(new NamedStudy("ks-order", OrderStudy.builder().problem(ProblemLibrary.byName("ks"))
                    .methods(methods("etdrk4", "krogstad", "hochost4", "lawson4")).stepLadder(40, 2560).build()));
            studies.add(new NamedStudy("burgers-order", OrderStudy.builder().problem(ProblemLibrary.byName("burgers"))
                    .methods(methods("etdrk4", "hochost4", "lawson4")).stepLadder(8, 512).build()));
            studies.add(new NamedStudy("kdv-order", OrderStudy.builder().problem(ProblemLibrary.byName("kdv"))
                    .methods(methods("etdrk4", "hochost4")).stepLadder(100, 3200).build()));
            studies.add(new NamedStudy("allen-cahn-order", OrderStudy.builder()
                    .problem(ProblemLibrary.byName("allen-cahn"))
                    .methods(methods("etdrk4", "hochost4", "lawson4")).stepLadder(10, 640).build()));
            studies.add(new NamedStudy("allen-cahn-cheb-order", OrderStudy.builder()
                    .problem(ProblemLibrary.byName("allen-cahn-cheb"))
                    .methods(methods("etdrk4", "hochost4")).stepLadder(10, 320).build()));
        }
        studies.add(new NamedStudy("hochost-adaptive", OrderStudy.builder().problem(hochost)
                .methods(MethodRegistry.all().stream().filter(m -> m.embeddedOrder() > 0).toList())
                .tolerances(full ? new double[] {1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8} : new double[] {1e-2, 1e-3, 1e-4})
                .build()));
        return studies;
    }

    /**
     * Runs the standard studies and writes, for each stem, {@code stem.md}, {@code stem.csv},
     * {@code stem.png} and {@code stem.svg} into {@code directory}, and the index
     * {@value #INDEX} that embeds them. Every file is written atomically.
     *
     * @param directory the output directory (created if needed), e.g. {@code docs/results}
     * @param scale how much work
     * @return the files written, index last
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path directory, Scale scale) throws IOException {
        return write(directory, run(scale, line -> { }));
    }

    /**
     * Runs the standard studies.
     *
     * @param scale how much work
     * @param log receives one line per study (progress)
     * @return the results by file stem, in study order
     */
    public static Map<String, OrderStudyResult> run(Scale scale, Consumer<String> log) {
        Map<String, OrderStudyResult> results = new LinkedHashMap<>();
        List<NamedStudy> studies = standardStudies(scale);
        for (int i = 0; i < studies.size(); i++) {
            NamedStudy s = studies.get(i);
            long start = System.nanoTime();
            results.put(s.stem(), s.study().run());
            log.accept(String.format("study %d/%d %s: %.1f s", i + 1, studies.size(), s.stem(),
                    (System.nanoTime() - start) * 1e-9));
        }
        return results;
    }

    /**
     * Writes results as {@code stem.md}, {@code stem.csv}, {@code stem.png} and {@code stem.svg}
     * into {@code directory}, and the index {@value #INDEX} that embeds them. Every file is
     * written atomically.
     *
     * @param directory the output directory (created if needed), e.g. {@code docs/results}
     * @param results the results by file stem
     * @return the files written, index last
     * @throws IOException if a file cannot be written
     */
    public static List<Path> write(Path directory, Map<String, OrderStudyResult> results) throws IOException {
        Objects.requireNonNull(directory, "directory");
        List<Path> written = new ArrayList<>();
        StringBuilder index = new StringBuilder();
        index.append("# Order studies\n\n")
                .append("Generated by `org.expint4j.verification.report.VerificationReport`; do not edit by hand.\n")
                .append("Each study lists the max-norm errors at the final time, the observed order (least-squares\n")
                .append("slope of log error on log h over the fitted rungs, with its 95% confidence interval) and\n")
                .append("the successive local orders. The CSV files hold every number at full precision, including\n")
                .append("NFE and wall times (machine-dependent).\n\n");
        for (Map.Entry<String, OrderStudyResult> e : results.entrySet()) {
            String stem = e.getKey();
            OrderStudyResult result = e.getValue();
            Path md = directory.resolve(stem + ".md");
            Path csv = directory.resolve(stem + ".csv");
            Path png = directory.resolve(stem + ".png");
            Path svg = directory.resolve(stem + ".svg");
            String markdown = result.toMarkdown();
            AtomicFiles.writeString(md, markdown);
            result.writeCsv(csv);
            result.writePlot(png, svg);
            written.addAll(List.of(md, csv, png, svg));
            index.append(markdown.replaceFirst("^## .*\n", "## " + stem + "\n"))
                    .append("\n![").append(stem).append("](").append(stem).append(".png)\n\n")
                    .append("Data: [").append(stem).append(".csv](").append(stem).append(".csv), plot as [SVG](")
                    .append(stem).append(".svg).\n\n");
        }
        Path indexFile = directory.resolve(INDEX);
        AtomicFiles.writeString(indexFile, index);
        written.add(indexFile);
        return written;
    }

    private static List<ExponentialMethod> methods(String... names) {
        return Stream.of(names).map(MethodRegistry::byName).toList();
    }

    /**
     * A study with the file stem it is written under.
     *
     * @param stem the file stem, e.g. {@code "hochost-order"}
     * @param study the study
     */
    public record NamedStudy(String stem, OrderStudy study) {
    }
}
