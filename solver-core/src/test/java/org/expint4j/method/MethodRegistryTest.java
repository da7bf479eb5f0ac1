package org.expint4j.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MethodRegistryTest {

    static Stream<ExponentialMethod> methods() {
        return MethodRegistry.all().stream();
    }

    @Test
    void catalogue() {
        assertEquals(List.of("etd1", "hochost2", "etd2rk", "etdrk3", "hochost3", "etdrk4", "krogstad",
                "strehmel-weiner", "hochost4", "lawson-euler", "lawson4", "abnorsett2", "abnorsett3", "abnorsett4",
                "abnorsett5"), MethodRegistry.names());
        assertThrows(UnsupportedOperationException.class, () -> MethodRegistry.all().add(new Krogstad()));
    }

    @Test
    void namesAreUniqueAndLowerCase() {
        Set<String> seen = new HashSet<>();
        for (String name : MethodRegistry.names()) {
            assertTrue(seen.add(name), "duplicate name " + name);
            assertEquals(name.toLowerCase(Locale.ROOT), name);
        }
    }

    @ParameterizedTest
    @MethodSource("methods")
    void everyNameResolvesInAnyCase(ExponentialMethod m) {
        assertSame(m, MethodRegistry.byName(m.name()));
        assertSame(m, MethodRegistry.byName(m.name().toUpperCase(Locale.ROOT)));
        assertSame(m, MethodRegistry.byName(" " + m.name() + " "));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void metadataIsConsistent(ExponentialMethod m) {
        String name = m.name();
        if (m instanceof ExponentialAdams adams) {
            assertEquals(ExponentialMethod.Family.EXPONENTIAL_ADAMS, m.family(), name);
            assertEquals(1, m.stages(), name);
            assertEquals(adams.order(), m.classicalOrder(), name);
            assertEquals(adams.order(), m.stiffOrder(), name);
            assertEquals(0, m.embeddedOrder(), name);
            assertEquals("abnorsett" + adams.order(), name);
            return;
        }
        assertTrue(m instanceof ExponentialRungeKuttaMethod, name);
        ExponentialRungeKuttaTableau t = ((ExponentialRungeKuttaMethod) m).tableau();
        assertEquals(t.stages(), m.stages(), name);
        assertEquals(name, m.toString());
        assertFalse(m.reference().isBlank(), name);
        assertTrue(m.classicalOrder() >= m.stiffOrder(), name + ": stiff order cannot exceed classical order");
        assertTrue(m.classicalOrder() >= 1 && m.classicalOrder() <= 4, name);
        assertEquals(t.hasEmbedded(), m.embeddedOrder() > 0, name);
        assertEquals(m.family() == ExponentialMethod.Family.LAWSON, name.startsWith("lawson"), name);
    }

    /** The catalogue table in package-info.java must list every method with its metadata. */
    @Test
    void packageDocumentationTableMatchesTheRegistry() throws IOException {
        Path info = Path.of("src", "main", "java", "org", "expint4j", "method", "package-info.java");
        String text = Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
        for (ExponentialMethod m : MethodRegistry.all()) {
            Matcher row = Pattern.compile("<tr><td>\\{@code " + Pattern.quote(m.name())
                    + "\\}</td>\\s*<td>.*?</td>\\s*<td>(\\d+)</td>\\s*<td>(\\d+)</td>\\s*<td>(\\d+)\\*?</td>"
                    + "\\s*<td>([^<]*)</td>").matcher(text);
            assertTrue(row.find(), "no catalogue row for " + m.name() + " in " + info);
            assertEquals(m.stages(), Integer.parseInt(row.group(1)), m.name() + " stages");
            assertEquals(m.classicalOrder(), Integer.parseInt(row.group(2)), m.name() + " classical order");
            assertEquals(m.stiffOrder(), Integer.parseInt(row.group(3)), m.name() + " stiff order");
            assertEquals(m.embeddedOrder() == 0 ? "–" : Integer.toString(m.embeddedOrder()), row.group(4),
                    m.name() + " embedded order");
        }
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MethodRegistry.byName("etdrk5"));
        assertTrue(e.getMessage().contains("'etdrk5'"), e.getMessage());
        for (String name : MethodRegistry.names()) {
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> MethodRegistry.byName(null));
        assertThrows(IllegalArgumentException.class, () -> MethodRegistry.byName(""));
    }
}
