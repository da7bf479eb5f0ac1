package org.expint4j.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expint4j.vector.TwinSources.Allowed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FloatVectorOps} is {@link DoubleVectorOps} in the float vocabulary, apart from the
 * differences listed here with their reasons; and the checker fails where it should.
 */
class TwinSourcesTest {

    private static final Path DIR = Path.of("src/main/java/org/expint4j/vector");

    private static final String FROM_ARRAY = "fromArray: the float twin rounds each value, the double one copies";
    private static final String TO_ARRAY = "toArray: the float twin widens each element, the double one copies";

    /** The differences kept on purpose, each side as it stands in its file. */
    static final List<Allowed> VECTOR_OPS = List.of(
            new Allowed("class documentation: the float twin states its rounding and refers to the double one", """
                    * <p>Each fused sum evaluates, for every element, \\( a_0 x_{0,i} + a_1 x_{1,i} + \\dots \\) strictly
                    * left to right with separate IEEE 754 multiplications and additions (no fused multiply-add), so
                    * results do not depend on the hardware, the JIT compiler or the number of threads; see the
                    * {@linkplain org.expint4j.vector package documentation} for the exact order of every operation.
                    *
                    * <p>Vectors of at least {@link #parallelThreshold()} elements are split into contiguous chunks
                    * run by a fixed pool of {@link #parallelism()} threads (the calling thread included); results
                    * are bit-identical to the single-thread path.
                    *
                    * <p><b>Thread-safety.</b> An instance may be shared: concurrent calls from several threads are
                    * safe, and each gives the bits of the same call made alone. Calls one after the other reuse one
                    * work descriptor and allocate nothing; a call that overlaps another makes its own descriptor
                    * (and, for reductions and long aliased sums, its buffers), and if the worker threads are busy
                    * with the other call it runs on the calling thread alone. For throughput, give each thread its
                    * own instance ({@link #serial()} instances are cheap).
                    """, """
                    * <p>Storage and the arithmetic of the weighted sums are in {@code float}: every scalar weight is
                    * rounded to {@code float} (into a local variable, nothing is allocated) and each element
                    * evaluates \\( a_0 x_{0,i} + a_1 x_{1,i} + \\dots \\) strictly left to right with separate
                    * multiplications and additions in single precision (no fused multiply-add), the order of
                    * {@link DoubleVectorOps}; see the
                    * {@linkplain org.expint4j.vector package documentation}. Reductions widen the elements to
                    * {@code double} and compute and accumulate in double precision, so on float-representable data
                    * they return exactly the value of {@link DoubleVectorOps}.
                    *
                    * <p>Threading and thread-safety are those of {@link DoubleVectorOps}: vectors of at least
                    * {@link #parallelThreshold()} elements are split across {@link #parallelism()} threads with
                    * bit-identical results, and an instance may be shared by threads, each call giving the bits of
                    * the same call made alone.
                    """),
            new Allowed("MAX_PARALLELISM is explained once, in the double twin", """
                    /**
                     * The largest parallelism accepted, {@value}, by both CPU backends: more than the hardware
                     * threads of current machines, beyond which more threads only add overhead, and far below
                     * where starting them exhausts memory or the operating system's thread limit. A fixed number,
                     * so that a configuration valid on one machine is valid on every other.
                     */
                    """, """
                    /** The largest parallelism accepted, {@value}, as {@link DoubleVectorOps#MAX_PARALLELISM}. */
                    """),
            new Allowed(FROM_ARRAY, """
                    @Override
                    public double[] fromArray(double[] values) {
                    """, """
                    /** Rounds each value to the nearest {@code float}. */
                    @Override
                    public float[] fromArray(double[] values) {
                    """),
            new Allowed(FROM_ARRAY, """
                    return values.clone();
                    """, """
                    final float[] v = new float[values.length];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) values[i];
                    }
                    return v;
                    """),
            new Allowed(TO_ARRAY, """
                    @Override
                    public void toArray(double[] v, double[] out) {
                    """, """
                    /** Widens each element exactly. */
                    @Override
                    public void toArray(float[] v, double[] out) {
                    """),
            new Allowed(TO_ARRAY, """
                    System.arraycopy(v, 0, out, 0, v.length);
                    """, """
                    for (int i = 0; i < v.length; i++) {
                        out[i] = v[i];
                    }
                    """),
            new Allowed("fill: the float twin rounds the value", """
                    @Override
                    public void fill(double[] dst, double value) {
                    """, """
                    /** Fills with {@code value} rounded to {@code float}. */
                    @Override
                    public void fill(float[] dst, double value) {
                    """));

    @Test
    void floatVectorOpsIsTheTwinOfDoubleVectorOps() {
        TwinSources.assertTwins(DIR.resolve("DoubleVectorOps.java"), DIR.resolve("FloatVectorOps.java"), VECTOR_OPS);
    }

    @Test
    void normalisationMapsTheFloatVocabulary() {
        assertEquals("final double a0 = a[j0]; Double.BYTES; DoubleVectorOps; Precision.DOUBLE; 1.5 + 2e-3;",
                TwinSources.normalise("final float a0 = (float) a[j0]; Float.BYTES; FloatVectorOps; Precision.FLOAT;"
                        + " 1.5f + 2e-3f;"));
        // Words that merely contain "float" stay as they are.
        assertEquals("floats floatToIntBits", TwinSources.normalise("floats floatToIntBits"));
    }

    @Test
    void aChangeToOneTwinFailsWithTheLinesAndTheirNumbers(@TempDir Path dir) throws IOException {
        Path d = write(dir, "D.java", "class D {", "    double f(double x) {", "        return x * 2;", "    }", "}");
        Path f = write(dir, "F.java", "class D {", "    float f(float x) {", "        return x * 3f;", "    }", "}");
        AssertionError e = assertThrows(AssertionError.class, () -> TwinSources.assertTwins(d, f, List.of()));
        assertTrue(e.getMessage().contains("@@ D.java:3 F.java:3 @@"), e.getMessage());
        assertTrue(e.getMessage().contains("- 3:         return x * 2;\n+ 3:         return x * 3;\n"), e.getMessage());
        // The same difference, listed, passes; a listing that matches nothing fails as stale.
        TwinSources.assertTwins(d, f, List.of(new Allowed("test", "return x * 2;", "return x * 3f;")));
        AssertionError stale = assertThrows(AssertionError.class, () -> TwinSources.assertTwins(d, f,
                List.of(new Allowed("gone", "return x * 4;", "return x * 3f;"))));
        assertTrue(stale.getMessage().contains("allowed difference \"gone\" not found in D.java"),
                stale.getMessage());
    }

    @Test
    void anExtraLineInOneTwinIsShownAloneAndTheRestStaysInStep(@TempDir Path dir) throws IOException {
        Path d = write(dir, "D.java", "a", "b", "c", "d", "e");
        Path f = write(dir, "F.java", "a", "b", "x", "c", "d", "e");
        AssertionError e = assertThrows(AssertionError.class, () -> TwinSources.assertTwins(d, f, List.of()));
        assertTrue(e.getMessage().endsWith("@@ D.java:3 F.java:3 @@\n  a\n  b\n+ 3: x\n"), e.getMessage());
    }

    private static Path write(Path dir, String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
