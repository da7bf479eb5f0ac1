package org.expint4j.verification.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report pipeline end to end at {@link VerificationReport.Scale#SMOKE} scale, into a temporary directory. */
class VerificationReportTest {

    @Test
    void writesEveryStudyInFourFormatsAndAnIndex(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("docs/results");
        List<Path> written = VerificationReport.write(out, VerificationReport.Scale.SMOKE);
        int studies = VerificationReport.standardStudies(VerificationReport.Scale.SMOKE).size();
        assertEquals(4 * studies + 1, written.size());
        for (Path p : written) {
            assertTrue(Files.size(p) > 100, p + " is (nearly) empty");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(written.size(), files.count(), "no stray or temporary files");
        }
        String index = Files.readString(out.resolve(VerificationReport.INDEX));
        for (VerificationReport.NamedStudy s : VerificationReport.standardStudies(VerificationReport.Scale.SMOKE)) {
            assertTrue(index.contains("## " + s.stem() + "\n") && index.contains("(" + s.stem() + ".png)"), s.stem());
            assertTrue(Files.readString(out.resolve(s.stem() + ".csv")).startsWith("problem,method,"), s.stem());
            assertTrue(Files.readString(out.resolve(s.stem() + ".svg")).contains("</svg>"), s.stem());
        }
        assertTrue(index.contains("| hochost4 |") && index.contains("tol"), index);
        // Writing again replaces the files in place.
        assertEquals(written, VerificationReport.write(out, VerificationReport.Scale.SMOKE));
    }

    @Test
    void fullScaleDefinesTheDocumentedStudies() {
        List<String> stems = VerificationReport.standardStudies(VerificationReport.Scale.FULL).stream()
                .map(VerificationReport.NamedStudy::stem).toList();
        assertEquals(List.of("hochost-order", "manufactured-stiff-uniform", "scalar-order", "manufactured-stiff-forcing",
                "diffusion-gaussian-order", "ks-order", "burgers-order", "kdv-order", "allen-cahn-order",
                "allen-cahn-cheb-order", "hochost-adaptive"), stems);
    }
}
