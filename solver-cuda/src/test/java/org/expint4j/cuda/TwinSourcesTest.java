package org.expint4j.cuda;

import java.nio.file.Path;
import java.util.List;
import org.expint4j.vector.TwinSources;
import org.junit.jupiter.api.Test;

/** {@link FloatDeviceVector} is {@link DoubleDeviceVector} in the float vocabulary, line for line. */
class TwinSourcesTest {

    private static final Path DIR = Path.of("src/main/java/org/expint4j/cuda");

    @Test
    void floatDeviceVectorIsTheTwinOfDoubleDeviceVector() {
        TwinSources.assertTwins(DIR.resolve("DoubleDeviceVector.java"), DIR.resolve("FloatDeviceVector.java"),
                List.of());
    }
}
