package org.expint4j.cuda;

/**
 * The device could not provide the memory for a vector, even after unreachable vectors were
 * released. The message names the requested size and the device's free and total memory.
 */
public final class DeviceMemoryException extends CudaBackendException {

    private static final long serialVersionUID = 1L;

    /** Bytes requested. */
    private final long requestedBytes;
    /** Free device memory in bytes when the allocation failed, or -1 if unknown. */
    private final long freeBytes;
    /** Total device memory in bytes, or -1 if unknown. */
    private final long totalBytes;

    /**
     * @param message the full message
     * @param result the driver's result code
     * @param requestedBytes bytes requested
     * @param freeBytes free device memory, or -1
     * @param totalBytes total device memory, or -1
     */
    DeviceMemoryException(String message, int result, long requestedBytes, long freeBytes,
                          long totalBytes) {
        super(message, result);
        this.requestedBytes = requestedBytes;
        this.freeBytes = freeBytes;
        this.totalBytes = totalBytes;
    }

    /** @return bytes requested */
    public long requestedBytes() {
        return requestedBytes;
    }

    /** @return free device memory in bytes when the allocation failed, or -1 if unknown */
    public long freeBytes() {
        return freeBytes;
    }

    /** @return total device memory in bytes, or -1 if unknown */
    public long totalBytes() {
        return totalBytes;
    }
}
