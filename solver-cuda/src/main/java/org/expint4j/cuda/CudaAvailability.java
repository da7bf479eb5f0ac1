package org.expint4j.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;
import org.expint4j.vector.DoubleVectorOps;
import org.expint4j.vector.FloatVectorOps;

/**
 * Whether the CUDA backend can run here, and if not, why: computed once per JVM by
 * {@link #probe()}, cached, and never throwing.
 *
 * <p>The probe walks the steps at which a GPU setup fails, in order, and stops at the first
 * failure with a one-line reason:
 * <ol>
 * <li>{@link Status#NO_DRIVER}: the JCuda natives or the driver library {@code libcuda.so.1}
 *     cannot be loaded (a {@link LinkageError}, the usual state of a machine without a GPU);</li>
 * <li>{@link Status#INIT_FAILED}: {@code cuInit} fails (stub library, insufficient driver, ...);</li>
 * <li>{@link Status#NO_DEVICE}: {@code cuInit} reports no device, or none is visible;</li>
 * <li>{@link Status#DRIVER_TOO_OLD}: the driver is older than every shipped kernel image
 *     (the fatbin needs CUDA 13.0, the ISA 7.8 PTX CUDA 11.8);</li>
 * <li>{@link Status#MODULE_LOAD_FAILED}: no shipped image loads (each image's error is named);</li>
 * <li>{@link Status#SELF_TEST_FAILED}: the kernels run but a small fused sum, max-abs or RMS norm
 *     differs from the CPU backend (they must agree bit for bit).</li>
 * </ol>
 * The system property {@code expint4j.cuda=off} makes the probe report {@link Status#DISABLED}
 * without touching JCuda.
 */
public final class CudaAvailability {

    /** The outcome of the probe. */
    public enum Status {
        /** The backend works: device opened, kernels loaded, self-test passed. */
        AVAILABLE,
        /** Disabled by {@code -Dexpint4j.cuda=off}. */
        DISABLED,
        /** The JCuda natives or {@code libcuda.so.1} could not be loaded. */
        NO_DRIVER,
        /** {@code cuInit} failed. */
        INIT_FAILED,
        /** No CUDA device. */
        NO_DEVICE,
        /** The driver is too old for every shipped kernel image. */
        DRIVER_TOO_OLD,
        /** No shipped kernel image could be loaded. */
        MODULE_LOAD_FAILED,
        /** The kernels disagree with the CPU backend. */
        SELF_TEST_FAILED,
        /** Anything else went wrong (an unexpected exception), named in the reason. */
        FAILED
    }

    /** System property that turns the probe off: {@code -Dexpint4j.cuda=off}. */
    public static final String PROPERTY = "expint4j.cuda";

    private final Status status;
    private final String reason;
    private final int driverVersion;
    private final CudaContext context;

    private CudaAvailability(Status status, String reason, int driverVersion, CudaContext context) {
        this.status = status;
        this.reason = reason;
        this.driverVersion = driverVersion;
        this.context = context;
    }

    /** @return the cached result of probing device 0; the first call probes */
    public static CudaAvailability probe() {
        return Holder.RESULT;
    }

    private static final class Holder {
        static final CudaAvailability RESULT = probeNow();
    }

    private static CudaAvailability probeNow() {
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return new CudaAvailability(Status.DISABLED, "disabled by -D" + PROPERTY + "=off", 0, null);
        }
        try {
            return evaluate(new JCudaDriverSteps(), KernelImage.shipped(), 0);
        } catch (Throwable t) { // NOPMD: the probe must never throw, whatever the natives do
            return new CudaAvailability(Status.FAILED, "probe failed: " + oneLine(t), 0, null);
        }
    }

    /** @return whether the CUDA backend can be used */
    public boolean isAvailable() {
        return status == Status.AVAILABLE;
    }

    /** @return the outcome */
    public Status status() {
        return status;
    }

    /**
     * @return one line: the device, driver and kernel image if available, else why not, e.g.
     *     {@code JCuda natives or libcuda.so.1 cannot be loaded: ...}
     */
    public String reason() {
        return reason;
    }

    /** @return the driver's CUDA version as {@code cuDriverGetVersion} reports it, or 0 if unknown */
    public int driverVersion() {
        return driverVersion;
    }

    /** @return the device description if available, else the empty string */
    public String device() {
        return context == null ? "" : context.describe();
    }

    /** @return the loaded kernel image if available, else the empty string */
    public String kernelImage() {
        return context == null ? "" : context.image.toString();
    }

    /** @return the nvcc release that built the shipped kernels, from their manifest */
    public static String kernelCompiler() {
        return KernelImage.manifest().getProperty("nvcc.release");
    }

    /** @return {@code "available: <reason>"} or {@code "unavailable: <reason>"} */
    @Override
    public String toString() {
        return (isAvailable() ? "available: " : "unavailable: ") + reason;
    }

    /** @return the opened context; throws {@link IllegalStateException} with the reason if none */
    CudaContext requireContext() {
        if (context == null) {
            throw new IllegalStateException("CUDA backend unavailable: " + reason);
        }
        return context;
    }

    // ---- the probe, over an interface so that every failure path is testable without a GPU ----

    /**
     * The driver steps the probe takes; the real one calls JCuda, tests use fakes.
     *
     * @param <C> the opened context: {@link CudaContext} for the real driver
     */
    interface Steps<C> {
        /** @return {@code cuInit(0)}'s result; may throw {@link LinkageError} */
        int init();

        /** @return the driver's version, e.g. 13000 */
        int driverVersion();

        /** @return the number of devices */
        int deviceCount();

        /**
         * @return the device's context with the image loaded
         * @throws CudaBackendException if it does not load
         */
        C open(int device, KernelImage image, int driverVersion);

        /** @return a one-line description of the opened device */
        String describe(C context);

        /** @return null if the kernels agree with the CPU backend, else the first difference */
        String selfTest(C context);
    }

    /**
     * Runs the probe's steps.
     *
     * @param steps the driver
     * @param images the shipped images in order of preference
     * @param device the device number
     * @param <C> the context type
     * @return the outcome; never throws
     */
    static <C> CudaAvailability evaluate(Steps<C> steps, List<KernelImage> images, int device) {
        final int rc;
        try {
            rc = steps.init();
        } catch (LinkageError e) {
            return new CudaAvailability(Status.NO_DRIVER,
                "JCuda natives or libcuda.so.1 cannot be loaded: " + linkFailure(e), 0, null);
        } catch (RuntimeException e) {
            // LibUtils throws a CudaException on platforms without natives (macOS).
            return new CudaAvailability(Status.NO_DRIVER,
                "JCuda natives cannot be loaded: " + oneLine(e), 0, null);
        }
        if (rc == CUresult.CUDA_ERROR_NO_DEVICE) {
            return new CudaAvailability(Status.NO_DEVICE, "cuInit: " + Cu.describe(rc)
                + ": the driver sees no CUDA device", 0, null);
        }
        if (rc != CUresult.CUDA_SUCCESS) {
            final String hint = rc == Cu.STUB_LIBRARY ? ": only the toolkit's stub libcuda was found"
                : rc == Cu.INSUFFICIENT_DRIVER ? ": the installed driver is older than the CUDA runtime"
                : "";
            return new CudaAvailability(Status.INIT_FAILED, "cuInit failed: " + Cu.describe(rc) + hint,
                0, null);
        }
        int version = 0;
        try {
            version = steps.driverVersion();
            final int count = steps.deviceCount();
            if (count <= device) {
                return new CudaAvailability(Status.NO_DEVICE, count == 0 ? "no CUDA device"
                    : "device " + device + " requested, " + count + " present", version, null);
            }
            final List<KernelImage> eligible = new ArrayList<>();
            int oldest = Integer.MAX_VALUE;
            for (KernelImage image : images) {
                oldest = Math.min(oldest, image.minDriver());
                if (version >= image.minDriver()) {
                    eligible.add(image);
                }
            }
            if (eligible.isEmpty()) {
                return new CudaAvailability(Status.DRIVER_TOO_OLD, "driver supports CUDA "
                    + Cu.release(version) + " (" + version + "); the kernels need CUDA >= "
                    + Cu.release(oldest) + ": update the NVIDIA driver", version, null);
            }
            final StringBuilder failures = new StringBuilder();
            C context = null;
            KernelImage loaded = null;
            for (KernelImage image : eligible) {
                try {
                    context = steps.open(device, image, version);
                    loaded = image;
                    break;
                } catch (CudaBackendException e) {
                    failures.append(failures.length() == 0 ? "" : "; ").append(image.name()).append(": ")
                        .append(oneLine(e));
                }
            }
            if (context == null) {
                return new CudaAvailability(Status.MODULE_LOAD_FAILED, "no kernel image loads (driver CUDA "
                    + Cu.release(version) + "): " + failures, version, null);
            }
            final String mismatch = steps.selfTest(context);
            if (mismatch != null) {
                return new CudaAvailability(Status.SELF_TEST_FAILED, "self-test against the CPU backend"
                    + " failed on " + steps.describe(context) + ": " + mismatch, version, null);
            }
            return new CudaAvailability(Status.AVAILABLE, steps.describe(context) + ", driver CUDA "
                + Cu.release(version) + " (" + version + "), kernels " + loaded
                + (failures.length() == 0 ? "" : " after " + failures), version,
                context instanceof CudaContext ? (CudaContext) context : null);
        } catch (RuntimeException | LinkageError e) {
            return new CudaAvailability(Status.FAILED, "probe failed: " + oneLine(e), version, null);
        }
    }

    /**
     * JCuda's LibUtils packs both load attempts (from java.library.path, then from the jar) into
     * one multi-line message; the useful line is the dynamic linker's complaint about the
     * extracted library, e.g. {@code libJCudaDriver-12.6.0-linux-x86_64.so: libcuda.so.1: cannot
     * open shared object file: No such file or directory}.
     *
     * @return that line without the temporary folder, or {@link #oneLine} if there is none
     */
    static String linkFailure(Throwable t) {
        final String marker = "UnsatisfiedLinkError: ";
        String detail = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            final String message = c.getMessage();
            if (message == null) {
                continue;
            }
            for (String line : message.split("\n")) {
                final int i = line.lastIndexOf(marker);
                if (i >= 0 && !line.contains("java.library.path")) {
                    detail = line.substring(i + marker.length()).trim();
                }
            }
        }
        if (t instanceof NoClassDefFoundError) {
            // The JVM keeps only the start of the first failure's message: use the one remembered.
            final String first = JCudaDriverSteps.firstLinkFailure;
            return (first != null ? first : detail != null ? detail : oneLine(t))
                + " (JCudaDriver failed to initialise earlier in this JVM)";
        }
        if (detail == null) {
            return oneLine(t);
        }
        final int colon = detail.indexOf(".so: ");
        if (detail.startsWith("/") && colon > 0) {
            detail = detail.substring(detail.lastIndexOf('/', colon) + 1);
        }
        return detail;
    }

    /** @return the class and first line of the message of {@code t} and of its causes */
    static String oneLine(Throwable t) {
        final StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null && b.length() < 400; c = c.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            final String message = c.getMessage();
            b.append(c.getClass().getSimpleName());
            if (message != null) {
                final int nl = message.indexOf('\n');
                b.append(": ").append(nl < 0 ? message : message.substring(0, nl).trim());
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return b.toString();
    }

    /** The real driver, through JCuda. */
    static final class JCudaDriverSteps implements Steps<CudaContext> {

        /** The linker's complaint at the first failed load of the natives in this JVM. */
        static volatile String firstLinkFailure;

        @Override
        public int init() {
            // The first touch of JCudaDriver loads the natives: LinkageError if they or libcuda fail.
            try {
                return JCudaDriver.cuInit(0);
            } catch (LinkageError e) {
                if (!(e instanceof NoClassDefFoundError) && firstLinkFailure == null) {
                    firstLinkFailure = linkFailure(e);
                }
                throw e;
            }
        }

        @Override
        public int driverVersion() {
            final int[] v = new int[1];
            Cu.check(JCudaDriver.cuDriverGetVersion(v), "cuDriverGetVersion");
            return v[0];
        }

        @Override
        public int deviceCount() {
            final int[] n = new int[1];
            Cu.check(JCudaDriver.cuDeviceGetCount(n), "cuDeviceGetCount");
            return n[0];
        }

        @Override
        public CudaContext open(int device, KernelImage image, int driverVersion) {
            return CudaContext.open(device, image, driverVersion);
        }

        @Override
        public String describe(CudaContext context) {
            return context.describe();
        }

        @Override
        public String selfTest(CudaContext context) {
            return SelfTest.run(context);
        }
    }

    /** A few operations on small random data, compared bit for bit with the CPU backends. */
    static final class SelfTest {

        private SelfTest() {
        }

        /** @return null if all agree, else the first difference */
        static String run(CudaContext context) {
            final int n = 3000;  // several reduction blocks, odd tail for the 16-byte loads
            final SplittableRandom random = new SplittableRandom(20260101L);
            final double[][] x = new double[3][n];
            for (double[] v : x) {
                for (int i = 0; i < n; i++) {
                    v[i] = random.nextDouble(-1, 1);
                }
            }
            final double[] a = {0.5, -1.0 / 3, 1e-3};
            final double[] expected = new double[n];
            final double[] actual = new double[n];
            try (CudaVectorOps<DoubleDeviceVector> gpu = CudaVectorOps.forDouble(context)) {
                final DoubleVectorOps cpu = DoubleVectorOps.serial();
                final DoubleDeviceVector[] dx = gpu.newArray(3);
                for (int j = 0; j < 3; j++) {
                    dx[j] = gpu.fromArray(x[j]);
                }
                final DoubleDeviceVector out = gpu.allocate(n);
                gpu.linearCombination(a, dx, 3, out);
                gpu.toArray(out, actual);
                cpu.linearCombination(a, x, 3, expected);
                String d = firstDifference("linear3_f64", expected, actual);
                if (d != null) {
                    return d;
                }
                d = compare("max_abs_f64", cpu.maxAbs(expected), gpu.maxAbs(out));
                if (d != null) {
                    return d;
                }
                d = compare("rms_f64", cpu.weightedRms(x[0], x[1], 1e-6, 1e-3),
                    gpu.weightedRms(dx[0], dx[1], 1e-6, 1e-3));
                if (d != null) {
                    return d;
                }
            }
            try (CudaVectorOps<FloatDeviceVector> gpu = CudaVectorOps.forFloat(context)) {
                final FloatVectorOps cpu = FloatVectorOps.serial();
                final float[][] fx = new float[3][];
                final FloatDeviceVector[] dx = gpu.newArray(3);
                for (int j = 0; j < 3; j++) {
                    fx[j] = cpu.fromArray(x[j]);
                    dx[j] = gpu.fromArray(x[j]);
                }
                final FloatDeviceVector out = gpu.allocate(n);
                gpu.linearCombination(a, dx, 3, out);
                gpu.toArray(out, actual);
                final float[] f = cpu.allocate(n);
                cpu.linearCombination(a, fx, 3, f);
                cpu.toArray(f, expected);
                return firstDifference("linear3_f32", expected, actual);
            }
        }

        private static String firstDifference(String what, double[] expected, double[] actual) {
            for (int i = 0; i < expected.length; i++) {
                if (Double.doubleToLongBits(expected[i]) != Double.doubleToLongBits(actual[i])) {
                    return what + " differs at " + i + ": CPU " + expected[i] + ", GPU " + actual[i];
                }
            }
            return null;
        }

        private static String compare(String what, double expected, double actual) {
            return Double.doubleToLongBits(expected) == Double.doubleToLongBits(actual) ? null
                : what + ": CPU " + expected + ", GPU " + actual;
        }
    }
}
