package org.expint4j.verification.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for the command line's input files, so that the tool
 * needs no JSON library. Objects become {@link LinkedHashMap}s, arrays {@link ArrayList}s,
 * numbers {@link Double}s, strings {@link String}s, {@code true}/{@code false} {@link Boolean}s
 * and {@code null} {@link #NULL}.
 *
 * <p>Strict means: no comments, no trailing commas, no single quotes, no {@code NaN} or
 * {@code Infinity}, no leading zeros or plus signs, no duplicate keys, no control characters in
 * strings, nothing after the top-level value, and numbers that overflow a double are errors.
 * Every error is a {@link JsonException} naming the line and column (from 1) where it was found.
 */
public final class Json {

    /** The JSON {@code null} (a map cannot hold Java {@code null} values usefully). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** Nesting deeper than this is refused rather than risking a stack overflow. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private Json(String text) {
        this.text = text;
    }

    /** A syntax error with its position. */
    public static final class JsonException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** Line of the error, from 1. */
        private final int line;
        /** Column of the error, from 1. */
        private final int column;

        JsonException(String message, int line, int column) {
            super("line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }

        /** @return the line of the error, from 1 */
        public int line() {
            return line;
        }

        /** @return the column of the error, from 1 */
        public int column() {
            return column;
        }
    }

    /**
     * Parses one JSON document.
     *
     * @param text the document
     * @return its value
     * @throws JsonException if the text is not strict JSON
     */
    public static Object parse(String text) {
        Json p = new Json(text);
        // A byte-order mark is not JSON, but editors write one; skip it rather than confuse users.
        if (text.startsWith("\uFEFF")) {
            p.pos = 1;
            p.lineStart = 1;
        }
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos < text.length()) {
            throw p.error("unexpected " + p.describe(p.pos) + " after the end of the document");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected " + describe(pos) + ", expected a value");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (opensEmpty('}')) {
            return map;
        }
        do {
            if (peek() != '"') {
                throw error("unexpected " + describe(pos) + ", expected a string key");
            }
            int keyLine = line;
            int keyColumn = pos - lineStart + 1;
            String key = string();
            if (map.containsKey(key)) {
                throw new JsonException("duplicate key \"" + key + "\"", keyLine, keyColumn);
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value(depth + 1));
        } while (!closes('}'));
        return map;
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        if (opensEmpty(']')) {
            return list;
        }
        do {
            list.add(value(depth + 1));
        } while (!closes(']'));
        return list;
    }

    /** Consumes the opening bracket of an object or array; true, with {@code close} consumed, if it is empty. */
    private boolean opensEmpty(char close) {
        pos++;
        skipWhitespace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member or element: consumes ',' (false: more follow) or {@code close} (true), and whitespace. */
    private boolean closes(char close) {
        skipWhitespace();
        char c = peek();
        if (c != ',' && c != close) {
            throw error("unexpected " + describe(pos) + ", expected ',' or '" + close + "'");
        }
        pos++;
        skipWhitespace();
        return c == close;
    }

    private String string() {
        int startLine = line;
        int startColumn = pos - lineStart + 1;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new JsonException("unterminated string (started at line " + startLine + ", column "
                        + startColumn + ")", line, pos - lineStart + 1);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + String.format("%04X", (int) c)
                        + " in a string (write it as an escape)");
            }
            if (c == '\\') {
                pos++;
                if (pos >= text.length()) {
                    continue;
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 >= text.length()) {
                            throw error("truncated \\u escape");
                        }
                        int code = 0;
                        for (int i = 1; i <= 4; i++) {
                            int digit = Character.digit(text.charAt(pos + i), 16);
                            if (digit < 0) {
                                pos += i;
                                throw error("bad hex digit " + describe(pos) + " in a \\u escape");
                            }
                            code = code * 16 + digit;
                        }
                        sb.append((char) code);
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
                pos++;
                continue;
            }
            sb.append(c);
            pos++;
        }
    }

    private Double number() {
        int start = pos;
        int column = pos - lineStart + 1;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in a number");
            }
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("unexpected " + describe(pos) + ", expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("unexpected " + describe(pos) + ", expected a digit after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("unexpected " + describe(pos) + ", expected a digit in the exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        String token = text.substring(start, pos);
        double value = Double.parseDouble(token);
        if (Double.isInfinite(value)) {
            throw new JsonException("number " + token + " is too large for a double", line, column);
        }
        return value;
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            int end = pos;
            while (end < text.length() && Character.isLetter(text.charAt(end))) {
                end++;
            }
            String found = text.substring(pos, Math.max(end, pos + 1));
            throw error("unexpected '" + found + "', expected a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("unexpected " + describe(pos) + ", expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String describe(int at) {
        if (at >= text.length()) {
            return "end of input";
        }
        char c = text.charAt(at);
        if (c < 0x20 || c == 0x7f) {
            return "character U+" + String.format("%04X", (int) c);
        }
        if (Character.isLetter(c)) {
            int end = at;
            while (end < text.length() && end < at + 20 && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            return "'" + text.substring(at, end) + "'";
        }
        return "'" + c + "'";
    }

    private JsonException error(String message) {
        return new JsonException(message, line, pos - lineStart + 1);
    }
}
