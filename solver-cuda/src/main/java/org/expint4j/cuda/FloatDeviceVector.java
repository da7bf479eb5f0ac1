package org.expint4j.cuda;

/** A vector of {@code float} values in device memory; see {@link DeviceVector}. */
public final class FloatDeviceVector extends DeviceVector {

    FloatDeviceVector(CudaVectorOps<?> owner, DevicePointer pointer, int length) {
        super(owner, pointer, length);
    }

    /** @return {@link Precision#FLOAT} */
    @Override
    public Precision precision() {
        return Precision.FLOAT;
    }

    /**
     * Copies {@code src} into this vector.
     *
     * @param src values, of this vector's length
     */
    public void upload(float[] src) {
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
    public void upload(float[] src, int srcPos, int dstPos, int count) {
        owner.upload(this, src, srcPos, dstPos, count);
    }

    /**
     * Copies this vector into {@code dst}.
     *
     * @param dst host array of this vector's length
     */
    public void download(float[] dst) {
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
    public void download(int srcPos, float[] dst, int dstPos, int count) {
        owner.download(this, srcPos, dst, dstPos, count);
    }
}
