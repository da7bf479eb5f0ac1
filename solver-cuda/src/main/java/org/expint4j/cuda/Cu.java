package org.expint4j.cuda;

import jcuda.driver.CUresult;

/**
 * Driver result codes: checking and naming. Pure Java: usable when the natives are missing.
 * Public for the device check and benchmarks ({@code org.expint4j.cuda.check}), which make driver
 * calls of their own (events, copies); {@link #check}, {@link #release} and {@link #formatBytes}
 * are the members they use.
 */
public final class Cu {

    /** CUDA_ERROR_STUB_LIBRARY: only the toolkit's stub libcuda was found (no driver). */
    static final int STUB_LIBRARY = 34;
    /** CUDA_ERROR_INSUFFICIENT_DRIVER: JCuda 12.6's CUresult has no constant for it. */
    static final int INSUFFICIENT_DRIVER = 35;

    private Cu() {
    }

    /**
     * @param result a driver result code
     * @param operation the call, for the message
     * @throws CudaBackendException if {@code result} is not CUDA_SUCCESS
     */
    public static void check(int result, String operation) {
        if (result != CUresult.CUDA_SUCCESS) {
            throw new CudaBackendException(operation + " failed: " + describe(result), result);
        }
    }

    /** @return the name of a result code with its number, e.g. {@code CUDA_ERROR_NO_DEVICE (100)} */
    static String describe(int result) {
        final String name;
        if (result == INSUFFICIENT_DRIVER) {
            name = "CUDA_ERROR_INSUFFICIENT_DRIVER";
        } else if (result == STUB_LIBRARY) {
            name = "CUDA_ERROR_STUB_LIBRARY";
        } else {
            name = CUresult.stringFor(result);
        }
        return name + " (" + result + ")";
    }

    /**
     * @param version a driver version as {@code cuDriverGetVersion} reports it, e.g. 13000
     * @return the CUDA release it stands for, e.g. {@code 13.0}
     */
    public static String release(int version) {
        return (version / 1000) + "." + (version % 1000) / 10;
    }

    /**
     * @param bytes a memory size
     * @return it as the backend's messages write it, e.g. {@code 2.00 GiB (2147483648 bytes)}
     */
    public static String formatBytes(long bytes) {
        return DeviceAllocations.format(bytes);
    }
}
