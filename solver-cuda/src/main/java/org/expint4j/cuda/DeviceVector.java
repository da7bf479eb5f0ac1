package org.expint4j.cuda;

import java.lang.ref.Cleaner;

/**
 * A vector in device memory, owned by the {@link CudaVectorOps} that allocated it.
 *
 * <p>Closing a vector frees its device memory at once; a vector that becomes unreachable without
 * being closed is freed by its backend at a later allocation or when the backend closes, so
 * integrators that allocate their work vectors and drop them do not leak. Closing the backend frees
 * all its vectors. Using a closed vector throws {@link IllegalStateException}.
 *
 * <p>Data moves between host and device only through explicit calls: {@code upload} and
 * {@code download} on the precision-specific subclasses, or
 * {@link org.expint4j.vector.VectorOps#copyFrom}/{@link org.expint4j.vector.VectorOps#toArray}.
 */
public abstract sealed class DeviceVector implements AutoCloseable
        permits DoubleDeviceVector, FloatDeviceVector {

    /** The backend that allocated it; null only for vectors built by tests without a device. */
    final CudaVectorOps<?> owner;
    /** Null for an empty vector, which holds no device memory. */
    final DevicePointer pointer;
    private final int length;
    /** Hands the pointer back to the owner when closed or unreachable; null without a pointer. */
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    /**
     * @param owner the allocating backend
     * @param pointer the device memory, or null for an empty vector
     * @param length number of elements
     */
    DeviceVector(CudaVectorOps<?> owner, DevicePointer pointer, int length) {
        this.owner = owner;
        this.pointer = pointer;
        this.length = length;
        // The action references the registry and the pointer, never this vector.
        this.cleanable = pointer == null ? null
            : DeviceAllocations.CLEANER.register(this, owner.allocations().releaser(pointer));
    }

    /** @return the number of elements */
    public final int length() {
        return length;
    }

    /** @return the precision of the elements */
    public abstract Precision precision();

    /** @return bytes of device memory held: length times the element size */
    public final long bytes() {
        return (long) length * precision().bytes();
    }

    /** @return whether {@link #close()} was called (directly or by closing the backend) */
    public final boolean isClosed() {
        return closed || owner != null && owner.isClosed();
    }

    /** Frees the device memory now. Idempotent. */
    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (cleanable != null) {
            cleanable.clean();
            owner.freeReleased();
        }
    }

    /**
     * @param array a host array of this vector's element type ({@code double[]} or
     *     {@code float[]}, as {@link #precision()})
     * @return its length, which is this vector's
     * @throws IllegalArgumentException if it is null or of another length
     */
    final int checkedLength(Object array) {
        if (array == null) {
            throw new IllegalArgumentException("array is null");
        }
        final int n = precision() == Precision.DOUBLE ? ((double[]) array).length : ((float[]) array).length;
        if (n != length) {
            throw new IllegalArgumentException("array has length " + n + ", vector has length " + length);
        }
        return n;
    }

    /** @return the device address, for kernel arguments */
    final long address() {
        return pointer == null ? 0 : pointer.address();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[length=" + length + (isClosed() ? ", closed]" : "]");
    }
}
