package org.expint4j.cuda;

/** A vector of {@code double} values in device memory; see {@link DeviceVector}. */
public final class DoubleDeviceVector extends DeviceVector {

    DoubleDeviceVector(CudaVectorOps<?> owner, DevicePointer pointer, int length) {
        super(owner, pointer, length);
    }

    /** @return {@link Precision#DOUBLE} */
    @Override
    public Precision precision() {
        return Precision.DOUBLE;
    }

    /**
     * Copies {@code src} into this vector.
     *
     * @param src values, of this vector's length
     */
    public void upload(double[] src) {
        upload(src, 0, 0, checkedLength(src));
    }

    /**
     * Copies {@code src[srcPos .. srcPos+count)} into elements {@code [dstPos .. dstPos+count)}.
     *
     * @param src host array
     * @param srcPos first element read
     * @param dstPos first element written
     * @param count number of elements
     */
    public void upload(double[] src, int srcPos, int dstPos, int count) {
        owner.upload(this, src, srcPos, dstPos, count);
    }

    /**
     * Copies this vector into {@code dst}.
     *
     * @param dst host array of this vector's length
     */
    public void download(double[] dst) {
        download(0, dst, 0, checkedLength(dst));
    }

    /**
     * Copies elements {@code [srcPos .. srcPos+count)} into {@code dst[dstPos .. dstPos+count)}.
     *
     * @param srcPos first element read
     * @param dst host array
     * @param dstPos first element written
     * @param count number of elements
     */
    public void download(int srcPos, double[] dst, int dstPos, int count) {
        owner.download(this, srcPos, dst, dstPos, count);
    }
}
