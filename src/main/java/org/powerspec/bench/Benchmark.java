package org.powerspec.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powerspec.numeric.linalg.NativeLapack;

/**
 * The whole-process benchmark of {@code powerspec spectrum} against its obvious peer, numpy + OpenBLAS doing the same
 * work ({@code Z = H^½W; G = ZᵀZ; K = …; eigvalsh(K)}): each run is a fresh process (JVM start included), timed
 * wall-clock with its peak resident memory from {@code /usr/bin/time} where present. The peer runs where
 * {@code python3} with numpy is present; nothing else needs Python.
 */
public final class Benchmark {
    private static final Pattern STAGES = Pattern.compile("G ([0-9.]+) s, K ([0-9.]+) s, eigenvalues ([0-9.]+) s");

    /** One measured process: wall seconds, peak resident MiB (NaN when unknown), and powerspec's own stage times. */
    public record Run(double seconds, double peakMiB, double gram, double kernel, double eigen, String note) {
    }

    /** One table row. */
    public record Row(int d, int v, String precision, Run powerspec, Run numpy) {
        public double ratio() {
            return numpy == null ? Double.NaN : powerspec.seconds() / numpy.seconds();
        }
    }

    private Benchmark() {
    }

    private static boolean hasTime() {
        return Files.isExecutable(Path.of("/usr/bin/time"));
    }

    /** Runs {@code command} and returns its wall time, peak memory and output (stderr merged). */
    private static Run measure(List<String> command) {
        List<String> argv = new ArrayList<>();
        Path timeFile = null;
        try {
            if (hasTime()) {
                timeFile = Files.createTempFile("powerspec-bench", ".time");
                argv.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%e %M"));
            }
            argv.addAll(command);
            long t0 = System.nanoTime();
            Process proc = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out;
            try (InputStream in = proc.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int code = proc.waitFor();
            double wall = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("benchmark run failed (exit " + code + "): " + String.join(" ", command)
                        + "\n" + out);
            }
            double peak = Double.NaN;
            if (timeFile != null) {
                String[] f = Files.readString(timeFile).trim().split("\\s+");
                wall = Double.parseDouble(f[f.length - 2]);
                peak = Double.parseDouble(f[f.length - 1]) / 1024.0;
            }
            Matcher m = STAGES.matcher(out);
            if (m.find()) {
                return new Run(wall, peak, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), "");
            }
            String[] numpy = out.trim().split("\\s+");
            if (numpy.length >= 3) {
                try {
                    return new Run(wall, peak, Double.parseDouble(numpy[0]), Double.parseDouble(numpy[1]),
                            Double.parseDouble(numpy[2]), "");
                } catch (NumberFormatException e) {
                    // not the peer's line: no stage times
                }
            }
            return new Run(wall, peak, Double.NaN, Double.NaN, Double.NaN, out.trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (timeFile != null) {
                try {
                    Files.deleteIfExists(timeFile);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /** Whether {@code python3} with numpy can run the peer here. */
    public static boolean peerAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path peerScript() {
        try (InputStream in = Benchmark.class.getResourceAsStream("/org/powerspec/bench/numpy_peer.py")) {
            Path p = Files.createTempFile("powerspec-numpy-peer", ".py");
            p.toFile().deleteOnExit();
            Files.write(p, in.readAllBytes());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Measures powerspec (a fresh JVM running {@code spectrum}) and, when {@code withPeer}, numpy, for each d.
     *
     * @param progress receives one line per finished run
     */
    public static List<Row> run(List<Integer> ds, int vPerD, double alpha, int p, List<String> precisions, boolean withPeer,
                                java.util.function.Consumer<String> progress) {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        Path peer = withPeer ? peerScript() : null;
        Path scratch;
        try {
            // each run writes its CSV whole to a scratch file: the result is written as a user's would be, and never
            // to a device such as /dev/null, which a write-then-rename would replace
            scratch = Files.createTempFile("powerspec-bench-", ".csv");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a scratch file for the benchmark: " + e.getMessage(), e);
        }
        List<Row> rows = new ArrayList<>();
        for (int d : ds) {
            int v = vPerD * d;
            Run numpy = null;
            if (withPeer && precisions.contains("double")) {
                numpy = measure(List.of("python3", peer.toString(), String.valueOf(alpha), String.valueOf(p),
                        String.valueOf(d), String.valueOf(v), "1"));
                progress.accept(String.format(Locale.ROOT, "numpy d = %d: %.2f s", d, numpy.seconds()));
            }
            for (String precision : precisions) {
                // the same JVM options as this process (the launcher's class-data archive among them)
                List<String> command = new ArrayList<>();
                command.add(java);
                for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                    if (!option.startsWith("-XX:TieredStopAtLevel")) {
                        command.add(option);
                    }
                }
                if ("double".equals(precision)) {
                    // as the launcher does: native BLAS holds both cores, the optimising JIT would only compete
                    command.add("-XX:TieredStopAtLevel=1");
                }
                command.addAll(List.of("-cp", classpath, "org.powerspec.cli.PowerspecMain", "spectrum", "--alpha",
                        String.valueOf(alpha), "--p", String.valueOf(p), "--d", String.valueOf(d), "--v", String.valueOf(v),
                        "--precision", precision, "--out", scratch.toString()));
                Run ps = measure(command);
                progress.accept(String.format(Locale.ROOT, "powerspec %s d = %d: %.2f s", precision, d, ps.seconds()));
                rows.add(new Row(d, v, precision, ps, "double".equals(precision) ? numpy : null));
            }
        }
        try {
            Files.deleteIfExists(scratch);
        } catch (java.io.IOException ignored) {
            // a temporary file the system cleans up
        }
        return rows;
    }

    /** The machine, as the table's caption: CPU model, cores, JVM, native library. */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // not Linux: leave it unknown
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + (NativeLapack.available() ? "native OpenBLAS" : "pure-Java fallback (" + NativeLapack.loadFailure() + ")");
    }

    private static String f(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.2f", x);
    }

    private static String mib(double x) {
        return Double.isNaN(x) ? "–" : String.format(Locale.ROOT, "%.0f", x);
    }

    /** The results as a Markdown table with the machine as its caption. */
    public static String markdown(List<Row> rows, double alpha, int p) {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine()).append(String.format(Locale.ROOT, "; alpha = %s, p = %d", alpha, p));
        if (NativeLapack.available()) {
            s.append(String.format(Locale.ROOT, "; measured dgemm peak (n = 2048, this OpenBLAS): %.0f GFlop/s",
                    NativeLapack.gemmGflops(2048)));
        }
        s.append("\n\n");
        s.append("| d | v | precision | powerspec s | peak MiB | G s | K s | eig s | numpy s | numpy peak MiB | numpy G/K/eig s | powerspec/numpy |\n");
        s.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Run n = r.numpy();
            s.append(String.format(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.d(), r.v(),
                    r.precision(), f(r.powerspec().seconds()), mib(r.powerspec().peakMiB()), f(r.powerspec().gram()),
                    f(r.powerspec().kernel()), f(r.powerspec().eigen()), n == null ? "–" : f(n.seconds()),
                    n == null ? "–" : mib(n.peakMiB()), n == null ? "–" : f(n.gram()) + "/" + f(n.kernel()) + "/" + f(n.eigen()),
                    n == null ? "–" : f(r.ratio())));
        }
        s.append("\nG s: building G = W'HW including generating W (d²·v flops in syrk); K s: the closed-form kernel; "
                + "eig s: all eigenvalues (about 4/3·d³ flops for the tridiagonal reduction). Whole-process times include "
                + "JVM start and the native library's load (about 0.6 s together).\n");
        return s.toString();
    }
}
