package org.expint4j.cuda;

import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRelease;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUmodule;

/**
 * One device's primary context with the kernel module loaded into it, opened once per device and
 * kept for the life of the JVM (the primary context is the one the CUDA runtime and libraries
 * share; it is retained once and never released, so backends can come and go cheaply).
 *
 * <p>A driver-API context is current per host thread, so every entry point of the backend calls
 * {@link #makeCurrent()} first: a backend may be used from any thread, one call at a time.
 */
final class CudaContext {

    final int ordinal;
    final CUdevice device;
    final CUcontext context;
    final CUmodule module;
    final Kernels kernels;
    final KernelImage image;
    final String name;
    final int major;
    final int minor;
    final int multiprocessors;
    final long totalMemory;
    final int driverVersion;

    private CudaContext(int ordinal, CUdevice device, CUcontext context, CUmodule module,
                        KernelImage image, int driverVersion) {
        this.ordinal = ordinal;
        this.device = device;
        this.context = context;
        this.module = module;
        this.image = image;
        this.driverVersion = driverVersion;
        this.kernels = new Kernels(module);
        this.name = deviceName(device);
        this.major = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
        this.minor = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
        this.multiprocessors = attribute(device, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT);
        final long[] total = new long[1];
        Cu.check(cuDeviceTotalMem(total, device), "cuDeviceTotalMem");
        this.totalMemory = total[0];
    }

    /**
     * Retains the primary context of a device and loads a kernel image into it. {@code cuInit}
     * must have succeeded.
     *
     * @param ordinal the device number
     * @param image the kernel image
     * @param driverVersion the driver's version, for reports
     * @return the context, current on the calling thread
     * @throws CudaBackendException naming the failed call; the context is released again
     */
    static CudaContext open(int ordinal, KernelImage image, int driverVersion) {
        final CUdevice device = new CUdevice();
        Cu.check(cuDeviceGet(device, ordinal), "cuDeviceGet(" + ordinal + ")");
        final CUcontext context = new CUcontext();
        Cu.check(cuDevicePrimaryCtxRetain(context, device), "cuDevicePrimaryCtxRetain");
        try {
            Cu.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
            final CUmodule module = new CUmodule();
            Cu.check(cuModuleLoadData(module, image.data()), "cuModuleLoadData(" + image.name() + ")");
            return new CudaContext(ordinal, device, context, module, image, driverVersion);
        } catch (RuntimeException | Error e) {
            cuDevicePrimaryCtxRelease(device);
            throw e;
        }
    }

    /** Makes this context current on the calling thread. */
    void makeCurrent() {
        Cu.check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
    }

    /** @return e.g. {@code NVIDIA H100 80GB HBM3 (sm_90, 132 SMs, 79.1 GiB)} */
    String describe() {
        return String.format(java.util.Locale.ROOT, "%s (sm_%d%d, %d SMs, %.1f GiB)", name, major, minor,
            multiprocessors, totalMemory / (double) (1L << 30));
    }

    private static int attribute(CUdevice device, int attribute) {
        final int[] v = new int[1];
        Cu.check(cuDeviceGetAttribute(v, attribute, device), "cuDeviceGetAttribute(" + attribute + ")");
        return v[0];
    }

    private static String deviceName(CUdevice device) {
        final byte[] b = new byte[256];
        Cu.check(cuDeviceGetName(b, b.length, device), "cuDeviceGetName");
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }
}
