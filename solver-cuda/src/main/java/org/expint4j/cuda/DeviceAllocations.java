package org.expint4j.cuda;

import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;

import java.lang.ref.Cleaner;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import jcuda.driver.CUresult;

/**
 * The device memory one backend holds: every allocation is recorded until freed, so a backend
 * can report what it holds and free everything on close.
 *
 * <p>Vectors hand their pointer back through {@link #releaser}: explicitly when closed, or by the
 * {@link #CLEANER} once unreachable. The cleaner thread only queues the pointer; the owner frees
 * queued pointers on its own thread at its next allocation or explicit close (where its context is
 * current), and all remaining ones when it closes.
 */
final class DeviceAllocations {

    /** One cleaner thread for all device vectors and backends. */
    static final Cleaner CLEANER = Cleaner.create();

    /** Attempts to collect unreachable vectors after an out-of-memory failure. */
    private static final int GC_RETRIES = 5;

    private final CudaContext context;
    /** Live allocations and their sizes in bytes; internal ones (scratch) are negative. */
    private final Map<DevicePointer, Long> live = new IdentityHashMap<>();
    private final ConcurrentLinkedQueue<DevicePointer> released = new ConcurrentLinkedQueue<>();
    private long bytes;
    private long vectorBytes;
    private int vectors;

    DeviceAllocations(CudaContext context) {
        this.context = context;
    }

    /**
     * Allocates device memory; the context must be current. On out-of-memory, runs the garbage
     * collector so that unreachable vectors release their memory, and tries again.
     *
     * @param size bytes, {@code > 0}
     * @param internal whether it is backend scratch rather than a user vector
     * @param what describes the request for the error message, e.g. {@code "vector of 2^28 doubles"}
     * @return the pointer
     * @throws DeviceMemoryException naming the size and the free memory
     */
    synchronized DevicePointer allocate(long size, boolean internal, String what) {
        final DevicePointer p = new DevicePointer();
        int rc = cuMemAlloc(p, size);
        for (int attempt = 0; rc == CUresult.CUDA_ERROR_OUT_OF_MEMORY && attempt < GC_RETRIES; attempt++) {
            System.gc();
            try {
                Thread.sleep(10L << attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            freeReleased();
            rc = cuMemAlloc(p, size);
        }
        if (rc == CUresult.CUDA_ERROR_OUT_OF_MEMORY) {
            final long[] free = {-1};
            final long[] total = {-1};
            cuMemGetInfo(free, total);
            throw new DeviceMemoryException(String.format(Locale.ROOT,
                "out of device memory: cannot allocate %s for a %s on %s; %s free of %s,"
                    + " this backend holds %s in %d vector%s",
                format(size), what, context.name, format(free[0]), format(total[0]),
                format(vectorBytes), vectors, vectors == 1 ? "" : "s"), rc, size, free[0], total[0]);
        }
        Cu.check(rc, "cuMemAlloc(" + size + " bytes)");
        live.put(p, internal ? -size : size);
        bytes += size;
        if (!internal) {
            vectorBytes += size;
            vectors++;
        }
        return p;
    }

    /** Frees one allocation now; the context must be current. */
    synchronized void free(DevicePointer p) {
        final Long size = live.remove(p);
        if (size != null) {
            account(size);
            Cu.check(cuMemFree(p), "cuMemFree");
        }
    }

    /** @return an action that queues {@code p} for freeing; it references nothing else */
    Runnable releaser(DevicePointer p) {
        final ConcurrentLinkedQueue<DevicePointer> queue = released;
        return () -> queue.add(p);
    }

    /** Frees the queued pointers of closed or unreachable vectors; the context must be current. */
    synchronized void freeReleased() {
        DevicePointer p;
        while ((p = released.poll()) != null) {
            free(p);
        }
    }

    /**
     * Frees everything, making the context current on the calling thread (also the cleaner's).
     *
     * @throws CudaBackendException after freeing the rest, if a free failed
     */
    synchronized void freeAll() {
        released.clear();
        if (live.isEmpty()) {
            return;
        }
        CudaBackendException failure = null;
        final List<DevicePointer> all = new ArrayList<>(live.keySet());
        try {
            context.makeCurrent();
        } catch (CudaBackendException e) {
            failure = e;
        }
        for (DevicePointer p : all) {
            account(live.remove(p));
            final int rc = cuMemFree(p);
            if (rc != CUresult.CUDA_SUCCESS && failure == null) {
                failure = new CudaBackendException("cuMemFree failed: " + Cu.describe(rc), rc);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void account(long size) {
        bytes -= Math.abs(size);
        if (size > 0) {
            vectorBytes -= size;
            vectors--;
        }
    }

    /** @return bytes of all live allocations, scratch included */
    synchronized long bytes() {
        return bytes;
    }

    /** @return bytes of live vectors */
    synchronized long vectorBytes() {
        return vectorBytes;
    }

    /** @return number of live vectors (empty vectors hold no memory and are not counted) */
    synchronized int vectors() {
        return vectors;
    }

    /** @return number of live allocations, scratch included */
    synchronized int allocations() {
        return live.size();
    }

    /** @return e.g. {@code 2.00 GiB (2147483648 bytes)} */
    static String format(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        final String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes"
            : String.format(Locale.ROOT, "%.2f %s (%d bytes)", v, units[u], bytes);
    }
}
