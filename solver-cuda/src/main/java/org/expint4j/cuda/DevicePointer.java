package org.expint4j.cuda;

import jcuda.driver.CUdeviceptr;

/**
 * A device pointer whose address can be read, so that kernel arguments are packed as plain
 * {@code long} values into one reusable array instead of one JCuda object per argument and call.
 */
final class DevicePointer extends CUdeviceptr {

    /** @return the device address (0 before allocation) */
    long address() {
        return getNativePointer() + getByteOffset();
    }
}
