package org.expint4j.verification.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.expint4j.verification.bench.BenchOptions.Section;
import org.junit.jupiter.api.Test;

/**
 * The runner's contract for {@code expint bench}: it runs the selected sections and renders
 * Markdown tables that name the machine and the command. Timings themselves are not asserted
 * (the machines are shared); the φ section is the cheapest to run.
 */
class BenchRunnerTest {

    @Test
    void phiSectionRendersATableWithTheMachine() {
        final BenchResult r = BenchRunner.run(BenchOptions.quick().repetitions(3)
            .sections(EnumSet.of(Section.PHI)).command("expint bench --quick"));
        assertEquals(1, r.tables().size());
        final String md = r.toMarkdown();
        assertTrue(md.startsWith("Machine: "), md);
        assertTrue(md.contains("cores"), md);
        assertTrue(md.contains("Command: `expint bench --quick`"), md);
        assertTrue(md.contains("### φ-functions"), md);
        assertTrue(md.contains("| real diagonal, φ0..φ4 | 1000 |"), md);
        assertTrue(r.elapsedSeconds() > 0);
    }

    @Test
    void optionsRejectBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions().threads(0));
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions().repetitions(2));
        assertThrows(IllegalArgumentException.class, () -> new BenchOptions().maxLog2N(27));
        assertThrows(IllegalArgumentException.class,
            () -> new BenchOptions().sections(EnumSet.noneOf(Section.class)));
    }

    @Test
    void timingReportsSortedRepetitions() {
        final Timing.Sample s = new Timing(1_000_000L, 100_000L, 5).measure(() -> Math.sqrt(2));
        assertEquals(5, s.nanos().length);
        assertTrue(s.min() <= s.median() && s.median() <= s.max());
    }

    @Test
    void fusedAndUnfusedSumsAgreeBitForBit() {
        for (FusedSums.Precision p : FusedSums.Precision.values()) {
            try (FusedSums f = new FusedSums(p, 1000, 3, false, 1, 1 << 19)) {
                f.fused(3);
                final double fused = f.probe();
                f.unfusedInPlace(3);
                assertEquals(fused, f.probe(), 0.0, p.name());
                f.unfusedEager(3);
                assertEquals(fused, f.probe(), 0.0, p.name());
            }
        }
    }
}
