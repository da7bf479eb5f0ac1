package org.expint4j.verification.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verification page generator at smoke scale: every section present, every quoted number measured. */
class VerificationPageTest {

    @Test
    void writesThePageAndItsResults(@TempDir Path docs) throws Exception {
        List<Path> written = VerificationPage.write(docs, VerificationReport.Scale.SMOKE, line -> { });
        Path page = docs.resolve("verification.md");
        assertTrue(written.contains(page));
        String text = Files.readString(page);
        for (String heading : List.of("# Verification", "## Hochbruck–Ostermann parabolic problem",
                "## Stiff order, measured as the theory states it", "## DPM sampling study")) {
            assertTrue(text.contains(heading), "missing " + heading);
        }
        assertTrue(text.contains(VerificationPage.COMMAND));
        assertFalse(text.contains("NaN"), "a quoted order is NaN");
        assertFalse(text.contains("%s"), "an unfilled placeholder");
        for (Path p : written) {
            assertTrue(Files.size(p) > 0, p + " is empty");
        }
    }
}
