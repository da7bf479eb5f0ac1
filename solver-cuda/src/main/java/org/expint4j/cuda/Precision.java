package org.expint4j.cuda;

/** The floating-point precision of a vector backend's storage and arithmetic. */
public enum Precision {
    /** IEEE 754 binary64: 8 bytes per element. */
    DOUBLE(Double.BYTES, "f64"),
    /** IEEE 754 binary32: 4 bytes per element; reductions still accumulate in double. */
    FLOAT(Float.BYTES, "f32");

    private final int bytes;
    private final String suffix;

    Precision(int bytes, String suffix) {
        this.bytes = bytes;
        this.suffix = suffix;
    }

    /** @return bytes per element */
    public int bytes() {
        return bytes;
    }

    /** @return the suffix of the kernel names of this precision, {@code f64} or {@code f32} */
    String kernelSuffix() {
        return suffix;
    }
}
