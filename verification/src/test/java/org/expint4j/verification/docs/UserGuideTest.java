package org.expint4j.verification.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The docs' code examples compile and run (the Commons Numbers practice): every fenced
 * {@code java} block in {@code docs/*.md} whose first line is {@code // example} is wrapped in a
 * class with the imports below, compiled in memory against the test class path, and its body run.
 */
class UserGuideTest {

    private static final String IMPORTS = String.join("\n",
            "import org.expint4j.phi.*;", "import org.expint4j.problem.*;", "import org.expint4j.method.*;",
            "import org.expint4j.integrate.*;", "import org.expint4j.vector.*;",
            "import org.expint4j.diffusion.schedule.*;", "import org.expint4j.diffusion.model.*;",
            "import org.expint4j.diffusion.sampler.*;", "import org.expint4j.diffusion.model.onnx.*;",
            "import org.expint4j.diffusion.noise.*;",
            "import org.expint4j.verification.onnx.*;",
            "import java.util.*;", "import java.nio.file.*;", "import org.apache.commons.math3.ode.*;",
            "import org.apache.commons.math3.ode.sampling.*;", "");

    static Stream<Arguments> examples() throws IOException {
        Path docs = Path.of("..", "docs");
        List<Arguments> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(docs)) {
            for (Path md : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                List<String> lines = Files.readAllLines(md);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).trim().equals("```java") && i + 1 < lines.size()
                            && lines.get(i + 1).trim().equals("// example")) {
                        StringBuilder body = new StringBuilder();
                        int start = i + 1;
                        for (i = i + 2; i < lines.size() && !lines.get(i).trim().equals("```"); i++) {
                            body.append(lines.get(i)).append('\n');
                        }
                        found.add(Arguments.of(md.getFileName() + ":" + (start + 1), body.toString()));
                    }
                }
            }
        }
        assertFalse(found.isEmpty(), "no examples found in " + docs.toAbsolutePath());
        return found.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleCompilesAndRuns(String where, String body) throws Exception {
        String className = "Example";
        String source = IMPORTS + "public class " + className + " {\n public static void run() throws Exception {\n"
                + body + "\n }\n}\n";
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, byte[]> classes = new HashMap<>();
        try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null,
                StandardCharsets.UTF_8)) {
            JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind,
                                                           FileObject sibling) {
                    return new SimpleJavaFileObject(URI.create("mem:///" + name + ".class"), kind) {
                        @Override
                        public java.io.OutputStream openOutputStream() {
                            return new ByteArrayOutputStream() {
                                @Override
                                public void close() {
                                    classes.put(name, toByteArray());
                                }
                            };
                        }
                    };
                }
            };
            JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            boolean ok = compiler.getTask(null, manager, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-proc:none"), null,
                    List.of(file)).call();
            assertTrue(ok, () -> where + " does not compile:\n" + diagnostics.getDiagnostics() + "\n" + source);
        }
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
        Method run = loader.loadClass(className).getMethod("run");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            run.invoke(null);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        original.print("--- " + where + "\n" + output);
        assertFalse(output.isBlank(), where + " printed nothing");
    }
}
