package org.expint4j.verification.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The facts a benchmark table must carry: CPU model, cores, JDK, heap and current load. */
public final class MachineInfo {

    private MachineInfo() {
    }

    /** @return e.g. "AMD EPYC, 2 cores, OpenJDK 64-Bit Server VM 17.0.15, max heap 6.0 GiB, load 1.2 0.9 0.8" */
    public static String describe() {
        return String.format("%s, %d cores, %s %s, max heap %.1f GiB, load %s", cpuModel(),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (double) (1L << 30),
            load());
    }

    /** @return the first "model name" of /proc/cpuinfo, or the OS architecture */
    public static String cpuModel() {
        try {
            final List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    /** @return the 1, 5 and 15 minute load averages of /proc/loadavg, or "n/a" */
    public static String load() {
        try {
            final String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
