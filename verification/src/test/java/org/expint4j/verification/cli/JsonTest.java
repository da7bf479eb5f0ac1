package org.expint4j.verification.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The strict JSON reader: values, and errors that name line and column. */
class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, 0.125, 0], \"b\": {\"c\": \"x\\n\\u00e9\\\"\"},\n"
                + " \"t\": true, \"f\": false, \"n\": null, \"e\": [], \"o\": {}} ");
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of(1.0, -2500.0, 0.125, 0.0), map.get("a"));
        assertEquals("x\n\u00e9\"", ((Map<?, ?>) map.get("b")).get("c"));
        assertEquals(Boolean.TRUE, map.get("t"));
        assertEquals(Boolean.FALSE, map.get("f"));
        assertSame(Json.NULL, map.get("n"));
        assertEquals(List.of(), map.get("e"));
        assertEquals(Map.of(), map.get("o"));
        assertEquals(List.of("a", "b", "t", "f", "n", "e", "o"), List.copyOf(map.keySet()));
    }

    @Test
    void numbersRoundTripAsDoubles() {
        assertEquals(0.1, (Double) Json.parse("0.1"));
        assertEquals(-0.0, (Double) Json.parse("-0"));
        assertEquals(Double.MIN_VALUE, (Double) Json.parse("4.9E-324"));
        assertEquals(Double.MAX_VALUE, (Double) Json.parse("1.7976931348623157E308"));
    }

    @Test
    void errorsNameLineAndColumn() {
        assertError("{\"a\": [1, 2,]}", 1, 13, "expected a value");
        assertError("{\"a\": 1,\n \"b\": 2,\n}", 3, 1, "expected a string key");
        assertError("[1 2]", 1, 4, "expected ',' or ']'");
        assertError("{\"a\" 1}", 1, 6, "expected ':'");
        assertError("[NaN]", 1, 2, "'NaN'");
        assertError("[Infinity]", 1, 2, "'Infinity'");
        assertError("[01]", 1, 3, "leading zero");
        assertError("[1.]", 1, 4, "digit after '.'");
        assertError("[1e]", 1, 4, "exponent");
        assertError("[+1]", 1, 2, "'+'");
        assertError("[1e400]", 1, 2, "too large");
        assertError("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate key \"a\"");
        assertError("[\"abc", 1, 6, "unterminated string");
        assertError("[\"a\tb\"]", 1, 4, "control character");
        assertError("[\"\\x\"]", 1, 4, "bad escape");
        assertError("[1] x", 1, 5, "after the end");
        assertError("", 1, 1, "end of input");
        assertError("[1, // c\n 2]", 1, 5, "'/'");
        assertError("[tru]", 1, 2, "'tru'");
        assertError("[".repeat(300), 1, 258, "nesting");
    }

    private static void assertError(String text, int line, int column, String part) {
        Json.JsonException e = assertThrows(Json.JsonException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().contains(part), () -> "'" + e.getMessage() + "' lacks '" + part + "'");
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line " + line + ", column " + column + ": "), e.getMessage());
    }
}
