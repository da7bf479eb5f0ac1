package org.expint4j.verification.cli;

import java.util.concurrent.Callable;
import org.expint4j.method.ExponentialMethod;
import org.expint4j.method.MethodRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code expint methods}: the catalogue with its stated properties. */
@Command(name = "methods", mixinStandardHelpOptions = true,
        description = "List the method catalogue: name, family, stages, classical and stiff order, reference.")
final class MethodsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.printf("%-18s %-24s %6s %9s %6s %8s  %s%n", "name", "family", "stages", "classical", "stiff",
                "embedded", "reference");
        for (ExponentialMethod m : MethodRegistry.all()) {
            out.printf("%-18s %-24s %6d %9d %6d %8s  %s%n", m.name(), m.family(), m.stages(), m.classicalOrder(),
                    m.stiffOrder(), m.embeddedOrder() == 0 ? "-" : String.valueOf(m.embeddedOrder()), m.reference());
        }
        out.flush();
        return 0;
    }
}
