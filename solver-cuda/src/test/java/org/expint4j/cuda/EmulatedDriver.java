package org.expint4j.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs the emulated CUDA driver ({@code src/test/cuda/emulated_driver.cpp}) in the test JVM, so
 * that the {@code gpu}-tagged tests run without a GPU: the kernel source on the CPU, behind a
 * {@code libcuda.so.1} that checks how the host uses the driver (see that file). Active only when
 * the system property {@value #PROPERTY} is {@code true}, which the {@code emulated-gpu} surefire
 * execution of this module sets; every other run (the default tests, the GPU check on a real
 * device) is untouched.
 *
 * <p>How: g++ compiles the driver into {@code target/emulated-driver/libcuda.so.1} with that
 * soname, and this class {@link System#load loads} it before anything touches JCuda. When JCuda
 * later loads its native library, the dynamic linker satisfies that library's dependency on
 * {@code libcuda.so.1} with the already loaded object (glibc matches dependencies by soname), so
 * every driver call lands in the emulation. Without g++ nothing is loaded, the probe reports the
 * real reason, and the GPU tests skip with it.
 *
 * <p>Registered through {@code META-INF/services} as a JUnit {@link LauncherSessionListener}, so it
 * runs once, before the first test class initialises the probe.
 *
 * <p><b>Copy counters.</b> The emulated driver counts every successful {@code cuMemcpyDtoH} and
 * {@code cuMemcpyHtoD} (calls and bytes); {@link #copies()} reads the counts and
 * {@link #resetCopies()} zeroes them, so a test can state how much a computation moves:
 * <pre>{@code
 * EmulatedDriver.resetCopies();
 * double e = gpu.maxSampleRms(x, y, scale, r, atol, rtol, samples);
 * assertEquals(new EmulatedDriver.Copies(1, 8, 0, 0), EmulatedDriver.copies());
 * }</pre>
 * The counters are process-wide (every thread, every backend) and live in the driver library
 * itself: it exports them as the JNI functions of this class's native methods, which the JVM binds
 * because this class loaded the library. They work in any test JVM where {@link #state()} starts
 * with {@code "installed"} (solver-cuda's {@code emulated-gpu} run; verification's, through
 * solver-cuda's test jar), and throw {@link IllegalStateException} elsewhere.
 */
public final class EmulatedDriver implements LauncherSessionListener {

    /** The system property that turns the emulation on. */
    public static final String PROPERTY = "expint4j.test.emulatedDriver";
    /** The system property naming the driver's source, for other modules; default: this module's. */
    public static final String SOURCE_PROPERTY = "expint4j.test.emulatedDriver.source";

    private static volatile String state = "not requested";

    /**
     * Host-device copies counted by the emulated driver since the last {@link #resetCopies()}.
     *
     * @param deviceToHostCalls successful {@code cuMemcpyDtoH} calls
     * @param deviceToHostBytes bytes they copied
     * @param hostToDeviceCalls successful {@code cuMemcpyHtoD} calls
     * @param hostToDeviceBytes bytes they copied
     */
    public record Copies(long deviceToHostCalls, long deviceToHostBytes, long hostToDeviceCalls,
                         long hostToDeviceBytes) {
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (Boolean.getBoolean(PROPERTY)) {
            install();
        }
    }

    /** @return {@code "installed: <path>"}, {@code "not requested"} or why it is not installed */
    public static String state() {
        return state;
    }

    /**
     * @return the copies counted since the last reset (or since the driver was loaded)
     * @throws IllegalStateException if the emulated driver is not installed in this JVM
     */
    public static Copies copies() {
        requireInstalled();
        return new Copies(counter(0), counter(1), counter(2), counter(3));
    }

    /**
     * Zeroes the copy counters.
     *
     * @throws IllegalStateException if the emulated driver is not installed in this JVM
     */
    public static void resetCopies() {
        requireInstalled();
        resetCounters();
    }

    private static void requireInstalled() {
        if (!state.startsWith("installed")) {
            throw new IllegalStateException("no copy counters: the emulated CUDA driver is " + state);
        }
    }

    /** Counter {@code which} of the driver (0..3, the order of {@link Copies}'s components). */
    private static native long counter(int which);

    private static native void resetCounters();

    /** Compiles and loads the emulated driver once per JVM; never throws. */
    static synchronized void install() {
        if (state.startsWith("installed")) {
            return;
        }
        try {
            final Path library = compile(Paths.get("target", "emulated-driver").toAbsolutePath());
            System.load(library.toString());
            state = "installed: " + library;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            state = "emulated driver not installed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state = "emulated driver not installed: interrupted";
        }
        System.out.println("[EmulatedDriver] " + state);
    }

    /**
     * @param dir the output folder
     * @return {@code dir/libcuda.so.1}, freshly compiled
     * @throws IOException if g++ is missing or fails (its output in the message)
     */
    static Path compile(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        final Path source = Paths.get(System.getProperty(SOURCE_PROPERTY, "src/test/cuda/emulated_driver.cpp"))
            .toAbsolutePath();
        final Path library = dir.resolve("libcuda.so.1");
        final Path log = dir.resolve("g++.log");
        final Process p;
        try {
            p = new ProcessBuilder("g++", "-std=c++20", "-O2", "-fPIC", "-shared", "-ffp-contract=off",
                "-fno-fast-math", "-Wno-unknown-pragmas", "-pthread", "-Wl,-soname,libcuda.so.1",
                "-o", library.toString(), source.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IOException("g++ not found (" + e.getMessage() + ")", e);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("g++ took more than 300 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("g++ failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return library;
    }
}
