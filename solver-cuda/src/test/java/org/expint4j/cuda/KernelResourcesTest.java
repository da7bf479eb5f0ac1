package org.expint4j.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed kernel binaries match the CUDA source, and the host code matches the binaries:
 * checked without a GPU. With nvcc on the PATH the kernels are recompiled and compared byte for
 * byte (nvcc 13.0 output is deterministic); without it, the source hash in the manifest still
 * catches a source edited without rerunning {@code build-kernels.sh}.
 */
class KernelResourcesTest {

    private static final Path MODULE = Paths.get("").toAbsolutePath();
    private static final Path SOURCE = MODULE.resolve("src/main/cuda/expint4j_kernels.cu");
    private static final Path RESOURCES = MODULE.resolve("src/main/resources/org/expint4j/cuda/kernels");
    private static final String[] OUTPUTS = {
        "expint4j_kernels.fatbin", "expint4j_kernels_isa78.ptx", "kernels.properties"};

    @Test
    void manifestHashesMatchSourceAndBinaries() throws IOException {
        final Properties m = KernelImage.manifest();
        assertEquals(sha256(Files.readAllBytes(SOURCE)), m.getProperty("source.sha256"),
            "expint4j_kernels.cu changed since the binaries were built: run solver-cuda/build-kernels.sh");
        assertEquals(sha256(KernelImage.resource("expint4j_kernels.fatbin")), m.getProperty("fatbin.sha256"));
        assertEquals(sha256(KernelImage.resource("expint4j_kernels_isa78.ptx")), m.getProperty("ptx.sha256"));
    }

    @Test
    void shippedImagesInOrderOfPreference() {
        final List<KernelImage> images = KernelImage.shipped();
        assertEquals(2, images.size());
        final KernelImage fatbin = images.get(0);
        assertFalse(fatbin.ptx());
        assertEquals("9.0", fatbin.isa());
        assertEquals(13000, fatbin.minDriver());
        final KernelImage ptx = images.get(1);
        assertTrue(ptx.ptx());
        assertEquals("7.8", ptx.isa());
        assertEquals(11080, ptx.minDriver());
        assertEquals(0, ptx.data()[ptx.data().length - 1], "PTX passed to cuModuleLoadData must end in NUL");
    }

    /** Every entry point the host launches exists, with the argument struct size it packs. */
    @Test
    void hostArgumentLayoutsMatchThePtx() {
        final Map<String, Integer> declared = ptxEntries();
        final Map<String, Integer> host = Kernels.argumentWords();
        for (Map.Entry<String, Integer> e : host.entrySet()) {
            assertTrue(declared.containsKey(e.getKey()), "no entry point " + e.getKey() + " in the PTX");
            assertEquals(8 * e.getValue(), declared.get(e.getKey()),
                "argument bytes of " + e.getKey() + ": PTX vs host packing");
        }
        assertEquals(host.keySet(), declared.keySet(), "entry points the host does not know about");
    }

    /**
     * Outside CUDA's exp the PTX contains no fused multiply-add, and every floating-point add,
     * subtract, multiply, divide and square root carries an explicit rounding mode, which ptxas
     * never contracts: the static half of the bit-identity argument (and of the Gaussian-mixture
     * kernel's, whose only other difference from the CPU is exp itself).
     */
    @Test
    void ptxHasNoContraction() {
        final String ptx = withoutExp(new String(KernelImage.resource("expint4j_kernels_isa78.ptx"),
            StandardCharsets.US_ASCII));
        assertFalse(Pattern.compile("\\bfma\\.").matcher(ptx).find(), "fma in the PTX");
        assertFalse(Pattern.compile("\\bmad(\\.[a-z]+)*\\.f(32|64)\\b").matcher(ptx).find(), "float mad in the PTX");
        final Matcher m = Pattern.compile("\\b(add|sub|mul|div|sqrt)((\\.[a-z0-9]+)*)\\.f(32|64)\\b").matcher(ptx);
        int count = 0;
        while (m.find()) {
            assertTrue(m.group(2).contains(".rn"), "instruction without rounding mode: " + m.group());
            count++;
        }
        assertTrue(count > 1000, "found only " + count + " floating-point instructions");
        assertFalse(ptx.contains(".ftz"), "flush-to-zero in the PTX");
    }

    /**
     * The one out-of-line function of the module is {@code expint4j_exp}, the Gaussian-mixture
     * kernels' exponential: libdevice computes it with explicit {@code fma.rn.f64} (its algorithm,
     * not contraction of the kernel source), in double only, so nothing there can flush to zero;
     * only the two Gaussian-mixture entries call it.
     */
    @Test
    void fusedMultiplyAddsOnlyInsideCudaExp() {
        final String ptx = new String(KernelImage.resource("expint4j_kernels_isa78.ptx"), StandardCharsets.US_ASCII);
        final String exp = expFunction(ptx);
        assertTrue(Pattern.compile("\\bfma\\.rn\\.f64\\b").matcher(exp).find(), "no fma in CUDA's exp?");
        assertFalse(exp.contains(".ftz"), "flush-to-zero in exp");
        assertFalse(Pattern.compile("\\b(fma|mad|add|sub|mul|div)(\\.[a-z0-9]+)*\\.f32\\b").matcher(exp).find(),
            "single-precision arithmetic in exp");
        assertEquals(1, count(ptx, ".func "), "out-of-line functions besides expint4j_exp");
        final Matcher entries = Pattern.compile("\\.visible \\.entry (\\w+)\\(").matcher(ptx);
        final List<String> callers = new ArrayList<>();
        final List<Integer> starts = new ArrayList<>();
        while (entries.find()) {
            callers.add(entries.group(1));
            starts.add(entries.start());
        }
        starts.add(ptx.length());
        final List<String> calling = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            if (ptx.substring(starts.get(i), starts.get(i + 1)).contains("expint4j_exp")) {
                calling.add(callers.get(i));
            }
        }
        assertEquals(List.of("gmm_noise_f64", "gmm_noise_f32"), calling);
    }

    /** @return the PTX of the function expint4j_exp, from its header to its closing brace */
    private static String expFunction(String ptx) {
        final int start = ptx.indexOf(".func  (.param .b64 func_retval0) expint4j_exp(");
        assertTrue(start >= 0, "no function expint4j_exp in the PTX");
        final int end = ptx.indexOf("\n}\n", start);
        assertTrue(end > start, "expint4j_exp has no body");
        return ptx.substring(start, end + 3);
    }

    private static String withoutExp(String ptx) {
        return ptx.replace(expFunction(ptx), "");
    }

    /** Recompiles with the committed script and compares byte for byte (needs nvcc). */
    @Test
    void committedBinariesAreFresh(@TempDir Path tmp) throws Exception {
        final String release = nvccRelease();
        assumeTrue(release != null, "nvcc not found on the PATH: freshness checked by source hash only");
        final String recorded = KernelImage.manifest().getProperty("nvcc.release");
        assumeTrue(release.equals(recorded), "nvcc " + release + " differs from the " + recorded
            + " that built the resources: byte comparison skipped");
        final Process p = new ProcessBuilder("bash", MODULE.resolve("build-kernels.sh").toString(), tmp.toString())
            .redirectErrorStream(true).start();
        final String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "build-kernels.sh timed out");
        assertEquals(0, p.exitValue(), "build-kernels.sh failed:\n" + log);
        final List<String> stale = new ArrayList<>();
        for (String name : OUTPUTS) {
            if (!java.util.Arrays.equals(Files.readAllBytes(RESOURCES.resolve(name)),
                    Files.readAllBytes(tmp.resolve(name)))) {
                stale.add(name);
            }
        }
        assertArrayEquals(new String[0], stale.toArray(new String[0]),
            "stale kernel resources: run solver-cuda/build-kernels.sh and commit the result");
    }

    /** @return entry name → declared parameter bytes */
    private static Map<String, Integer> ptxEntries() {
        final String ptx = new String(KernelImage.resource("expint4j_kernels_isa78.ptx"), StandardCharsets.US_ASCII);
        final Matcher m = Pattern.compile(
            "\\.visible \\.entry (\\w+)\\(\\s*\\.param \\.align 8 \\.b8 \\w+\\[(\\d+)\\]\\s*\\)").matcher(ptx);
        final Map<String, Integer> entries = new LinkedHashMap<>();
        while (m.find()) {
            entries.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(entries.size(), count(ptx, ".visible .entry "), "entries with an unexpected signature");
        return entries;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** @return e.g. {@code 13.0 V13.0.88}, or null if nvcc cannot be run */
    private static String nvccRelease() throws InterruptedException {
        final String nvcc = System.getenv().getOrDefault("NVCC", "nvcc");
        try {
            final Process p = new ProcessBuilder(nvcc, "--version").redirectErrorStream(true).start();
            final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            final Matcher m = Pattern.compile("release ([0-9.]+), (V[0-9.]+)").matcher(out);
            return m.find() ? m.group(1) + " " + m.group(2) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
