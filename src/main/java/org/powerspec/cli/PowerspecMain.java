package org.powerspec.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.powerspec.InvalidInputException;
import org.powerspec.numeric.linalg.NativeLapack;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code powerspec} command line. Commands only parse their options and delegate to the layers below. The root
 * declares what every command shares: {@code -h/--help}, {@code -V/--version} and {@code --no-timings}, inherited by
 * each command, the version, and the help of the shared output options ({@link OptionTexts}).
 * Exit codes: 0 success or HOLDS, 1 a check FAILS, 2 bad usage or bad input (one line on stderr, no stack trace,
 * no output file), 3 INCONCLUSIVE, 4 an internal error (set POWERSPEC_DEBUG=1 for its stack trace).
 */
@Command(name = "powerspec",
        versionProvider = PowerspecMain.Version.class,
        resourceBundle = "org.powerspec.cli.OptionTexts",
        description = {
            "Symbolic-numeric verification of power-law spectra of random-feature kernels.",
            "For x ~ N(0,H) with lambda_j(H) = j^-alpha, a Gaussian sketch W and f(y) = y^p, the covariance",
            "K = E[(1/d) f(W'x) f(W'x)'] is known exactly through the Hermite chaos f = sum_k c_k He_k.",
            "powerspec derives that algebra exactly and checks stated bounds against it.",
            "Start with 'powerspec verify'; every command explains its mathematics with --help."},
        subcommands = {CoeffsCommand.class, KernelCommand.class, SpectrumCommand.class, CheckCommand.class, MergeCommand.class, OracleCommand.class, EquivalentCommand.class, LemmaCommand.class, VerifyCommand.class, BenchCommand.class, DynamicsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; the claim HOLDS", "1:a check FAILS", "2:bad usage or bad input",
            "3:INCONCLUSIVE", "4:internal error (POWERSPEC_DEBUG=1 shows its stack trace)"})
public final class PowerspecMain implements Callable<Integer> {
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Show this help message and exit.")
    boolean help;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, scope = CommandLine.ScopeType.INHERIT,
            description = "Print version information and exit.")
    boolean version;

    /** Inherited by every command: outputs without wall-clock seconds, byte for byte the same for the same inputs. */
    @CommandLine.Option(names = "--no-timings", scope = CommandLine.ScopeType.INHERIT,
            description = "Leave wall-clock seconds out of every output, so the same inputs give the same bytes.")
    void noTimings(boolean off) {
        org.powerspec.report.Timings.show(!off);
    }

    /** No command given: the usage on stderr, exit 2 (bad usage). */
    @Override
    public Integer call() {
        return usageError(spec);
    }

    /** A command that needs a subcommand was given none: its usage on stderr, and the bad-usage exit code. */
    static int usageError(CommandLine.Model.CommandSpec spec) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        err.println();
        err.println(spec.qualifiedName() + ": a command is missing: give one of "
                + String.join(", ", spec.subcommands().keySet()));
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** The command tree, every command with the root's version (its --version is inherited with --help). */
    static CommandLine commandLine() {
        CommandLine root = new CommandLine(new PowerspecMain());
        shareVersion(root, root.getCommandSpec().versionProvider());
        return root;
    }

    private static void shareVersion(CommandLine c, CommandLine.IVersionProvider version) {
        c.getCommandSpec().versionProvider(version);
        c.getSubcommands().values().forEach(s -> shareVersion(s, version));
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("spectrum")) {
            NativeLapack.preloadInBackground();
        }
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs powerspec with the given arguments and streams; returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        org.powerspec.report.Timings.show(true);
        CommandLine cl = commandLine();
        cl.setUsageHelpWidth(110);
        cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cl.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println(name + ": " + firstLine(ex.getMessage()) + " (see '" + name + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String name = commandLine.getCommandSpec().qualifiedName();
            if (ex instanceof InvalidInputException input) {
                err.println(name + ": " + firstLine(OptionNames.message(input)));
                return EXIT_BAD_INPUT;
            }
            if (ex instanceof UncheckedIOException) {
                err.println(name + ": " + firstLine(ex.getMessage()));
                return EXIT_BAD_INPUT;
            }
            err.println(name + ": internal error: " + ex);
            if (System.getenv("POWERSPEC_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // an Error passes picocli's handlers; say what happened in one line, with the internal-error code
            err.println("powerspec: out of memory (" + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap): ask for less, "
                    + "or give the JVM more with POWERSPEC_JAVA_OPTS=-Xmx<size>");
            return EXIT_INTERNAL;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** The version from the build, the commit it was built from, and the libraries that determine the numbers. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String openblas = libraryVersion("org.bytedeco", "openblas");
            String openblasOnly = openblas.contains("-") ? openblas.substring(0, openblas.indexOf('-')) : openblas;
            return new String[] {"powerspec " + version() + ", " + commitLine(commit()),
                "OpenBLAS " + openblasOnly + " (org.bytedeco:openblas " + openblas + "): dsyrk and dsyevd of the double-precision"
                    + " spectra",
                "Commons RNG " + libraryVersion("org.apache.commons", "commons-rng-simple") + ": xoshiro256++ and the ziggurat of every"
                    + " seeded draw (sketch W, Monte Carlo, dynamics)",
                "Symja (matheclipse-core) " + libraryVersion("org.matheclipse", "matheclipse-core") + ", Hipparchus "
                    + libraryVersion("org.hipparchus", "hipparchus-core") + ", ojAlgo " + libraryVersion("org.ojalgo", "ojalgo")
                    + ", picocli " + CommandLine.VERSION + "; Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ")"};
        }
    }

    /** "git commit 0123abcd…", with a note when the build had uncommitted changes or no commit is known. */
    static String commitLine(String commit) {
        if (commit.equals("unknown")) {
            return "git commit unknown (not built by ./powerspec from a git checkout)";
        }
        if (commit.endsWith("-modified")) {
            return "git commit " + commit.substring(0, commit.length() - "-modified".length())
                    + " with uncommitted changes to src/main or pom.xml";
        }
        return "git commit " + commit;
    }

    /** The version of a library on the class path, from its Maven pom.properties (kept in the shaded jar), or "unknown". */
    static String libraryVersion(String group, String artifact) {
        try (InputStream in = PowerspecMain.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The project version baked into the jar at build time. */
    public static String version() {
        return buildProperty("version");
    }

    /**
     * The git commit the jar was built from: 40 hex digits, with "-modified" when src/main or pom.xml had uncommitted
     * changes, or "unknown" (a build outside a git checkout, or not by the launcher, which sets -Dpowerspec.commit).
     */
    public static String commit() {
        String c = buildProperty("commit");
        return c.matches("[0-9a-f]{7,64}(-modified)?") ? c : "unknown";
    }

    private static String buildProperty(String key) {
        try (InputStream in = PowerspecMain.class.getResourceAsStream("/powerspec-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty(key, "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "powerspec 0.1.0 coeffs --p 1..3": the exact invocation, echoed into every output. */
    static String provenance(CommandLine.Model.CommandSpec spec) {
        StringBuilder s = new StringBuilder("powerspec ").append(version());
        for (String a : spec.root().commandLine().getParseResult().originalArgs()) {
            s.append(' ').append(a.matches("[A-Za-z0-9._,/=:+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return s.toString();
    }
}
