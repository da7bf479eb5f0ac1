package org.expint4j.verification.bench;

import java.util.EnumSet;
import java.util.Set;

/**
 * What {@link BenchRunner} measures and how long it spends on it. Builder-style setters return
 * {@code this}. {@link #quick()} gives the reduced set that finishes in well under 30 seconds;
 * the default is the full set (minutes).
 */
public final class BenchOptions {

    /** The groups of measurements. */
    public enum Section {
        /** Fused weighted sums against copies: effective bandwidth. */
        BANDWIDTH,
        /** Fused against unfused execution of a 3-term sum. */
        FUSION,
        /** Single thread against all threads by vector length: where multi-threading pays. */
        THRESHOLD,
        /** Per-step time of the fixed-step driver against its bare sums. */
        DRIVER,
        /** Per-step time of the DPM-Solver sampler against a hand-written step. */
        DPM_STEP,
        /** Throughput of the φ-functions. */
        PHI,
        /** End-to-end sampling of a Gaussian mixture: samples per second, model share. */
        GMM,
        /** End-to-end sampling of the shipped ONNX network: sampler overhead beside model time. */
        ONNX
    }

    boolean quick;
    int threads = Runtime.getRuntime().availableProcessors();
    Set<Section> sections = EnumSet.allOf(Section.class);
    int repetitions = -1;
    int maxLog2N = -1;
    String command = "BenchRunner";

    /** @return the quick set: fewer sizes and shorter repetitions, under 30 s in all */
    public static BenchOptions quick() {
        return new BenchOptions().quick(true);
    }

    /** @param value whether to run the quick set @return this */
    public BenchOptions quick(boolean value) {
        quick = value;
        return this;
    }

    /** @param value threads of the multi-threaded measurements, {@code >= 1} @return this */
    public BenchOptions threads(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("threads = " + value + ", must be >= 1");
        }
        threads = value;
        return this;
    }

    /** @param value the sections to run, at least one @return this */
    public BenchOptions sections(Set<Section> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no section selected");
        }
        sections = EnumSet.copyOf(value);
        return this;
    }

    /** @param value repetitions per measurement (default 5 quick, 10 full), {@code >= 3} @return this */
    public BenchOptions repetitions(int value) {
        if (value < 3) {
            throw new IllegalArgumentException("repetitions = " + value + ", must be >= 3");
        }
        repetitions = value;
        return this;
    }

    /**
     * @param value largest vector length \(2^m\) of the bandwidth section (default 22 quick,
     *     24 full; 26 needs a heap of about 6 GiB), 10 to 26
     * @return this
     */
    public BenchOptions maxLog2N(int value) {
        if (value < 10 || value > 26) {
            throw new IllegalArgumentException("maxLog2N = " + value + ", must be in [10, 26]");
        }
        maxLog2N = value;
        return this;
    }

    /** @param value the command line to print above the tables @return this */
    public BenchOptions command(String value) {
        command = value;
        return this;
    }

    /** @return whether the quick set is selected */
    public boolean isQuick() {
        return quick;
    }

    /** @return the thread count of the multi-threaded measurements */
    public int threads() {
        return threads;
    }

    /** @return the selected sections */
    public Set<Section> sections() {
        return EnumSet.copyOf(sections);
    }

    int effectiveRepetitions() {
        return repetitions > 0 ? repetitions : quick ? 5 : 10;
    }

    int effectiveMaxLog2N() {
        return maxLog2N > 0 ? maxLog2N : quick ? 22 : 24;
    }
}
