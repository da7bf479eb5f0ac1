package org.expint4j.cuda;

/**
 * A CUDA driver call of the CUDA backend failed. The message names the operation and the
 * driver's result code.
 */
public class CudaBackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The driver's result code ({@code CUresult}), or 0 if the failure was not a driver call. */
    private final int result;

    /**
     * @param message what failed
     * @param result the driver's result code, or 0
     */
    public CudaBackendException(String message, int result) {
        super(message);
        this.result = result;
    }

    /** @return the driver's result code ({@code CUresult}), or 0 */
    public int result() {
        return result;
    }
}
