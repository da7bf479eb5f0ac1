package org.expint4j.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A compiled kernel module shipped as a classpath resource, and the oldest driver that loads it.
 *
 * <p>{@code build-kernels.sh} writes two images and a manifest, {@code kernels.properties}:
 * <ul>
 * <li>a fatbin with SASS for sm_80 and sm_90 and compute_75 PTX of ISA 9.0, from nvcc 13.0: it
 *     needs a driver of CUDA 13.0 or later ({@code cuDriverGetVersion} ≥ 13000, driver R580), since
 *     a driver loads neither cubins of a newer toolkit nor PTX of a newer ISA;</li>
 * <li>the same PTX with its {@code .version} lowered to 7.8 (CUDA 11.8): the kernels use nothing
 *     newer, and ptxas accepts the lowered text at build time; it lets drivers from 11.8 on JIT
 *     them.</li>
 * </ul>
 * Images are tried in that order among those the driver is new enough for.
 *
 * @param name resource file name, for messages
 * @param data the bytes to pass to {@code cuModuleLoadData}; PTX text is NUL-terminated
 * @param ptx whether the image is PTX text (JIT-compiled at load) rather than a fatbin
 * @param isa the PTX ISA version it carries, e.g. {@code 9.0}
 * @param minDriver the oldest driver version ({@code cuDriverGetVersion}) that loads it
 */
record KernelImage(String name, byte[] data, boolean ptx, String isa, int minDriver) {

    /** Classpath folder of the images and the manifest. */
    static final String FOLDER = "/org/expint4j/cuda/kernels/";
    /** The manifest written by build-kernels.sh. */
    static final String MANIFEST = "kernels.properties";

    /** @return the shipped images, in order of preference */
    static List<KernelImage> shipped() {
        final Properties manifest = manifest();
        final List<KernelImage> images = new ArrayList<>(2);
        final String fatbin = required(manifest, "fatbin");
        images.add(new KernelImage(fatbin, resource(fatbin), false,
            required(manifest, "fatbin.ptx.isa"),
            Integer.parseInt(required(manifest, "fatbin.min.driver"))));
        final String ptx = required(manifest, "ptx");
        final byte[] text = resource(ptx);
        final String isa = ptxVersion(text);
        if (!isa.equals(required(manifest, "ptx.isa"))) {
            throw new IllegalStateException(ptx + " declares .version " + isa
                + " but the manifest says " + manifest.getProperty("ptx.isa"));
        }
        // cuModuleLoadData reads PTX up to a terminating NUL.
        images.add(new KernelImage(ptx, Arrays.copyOf(text, text.length + 1), true, isa,
            Integer.parseInt(required(manifest, "ptx.min.driver"))));
        return images;
    }

    /** @return the manifest {@code kernels.properties} */
    static Properties manifest() {
        final Properties p = new Properties();
        try (InputStream in = open(MANIFEST)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + MANIFEST, e);
        }
        return p;
    }

    /**
     * @param name a file in the kernel resource folder
     * @return its bytes
     */
    static byte[] resource(String name) {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + name, e);
        }
    }

    /** @return the ISA version of the first {@code .version} directive of PTX text */
    static String ptxVersion(byte[] text) {
        final String s = new String(text, 0, Math.min(text.length, 4096), StandardCharsets.US_ASCII);
        for (String line : s.split("\n")) {
            final String t = line.trim();
            if (t.startsWith(".version ")) {
                return t.substring(".version ".length()).trim();
            }
        }
        throw new IllegalStateException("no .version directive in the first 4096 bytes of PTX");
    }

    private static InputStream open(String name) throws IOException {
        final InputStream in = KernelImage.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("resource " + FOLDER + name + " not found");
        }
        return in;
    }

    private static String required(Properties p, String key) {
        final String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalStateException(MANIFEST + " has no " + key);
        }
        return v.trim();
    }

    @Override
    public String toString() {
        return name + " (" + (ptx ? "PTX" : "fatbin") + ", ISA " + isa + ", needs driver >= "
            + Cu.release(minDriver) + ")";
    }
}
