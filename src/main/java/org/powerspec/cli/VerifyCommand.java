package org.powerspec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.check.Verification;
import org.powerspec.report.ClaimReportFolder;
import org.powerspec.report.DynamicsClaimReportFolder;
import org.powerspec.report.Format;
import org.powerspec.report.OutputSet;
import org.powerspec.report.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs(value = {Format.TEXT, Format.MARKDOWN}, report = "Also write DIR/report.md with every spectral claim's and control's "
        + "tables and plots (as check --report does) and DIR/dynamics/report.md for the dynamics claims (as dynamics check --report).")
@Command(name = "verify",
        description = {
            "Checks everything in proofs/ and prints one verdict table.",
            "The main job: check everything in proofs/ and print one table (statement, verdict, key figures, seconds),",
            "then the evidence: the exact Hermite/Wick lemma (p = 1..20), the closed-form-vs-Monte-Carlo lemma (p = 1..4)",
            "with its negative controls, every claim in proofs/*.yaml and every control in proofs/controls/*.yaml",
            "(a control must not HOLD), the counting-products lemma (Piltz, k = 2..4, N to 10^7), the dynamics lemmas",
            "(dynamics lemma all) and every dynamics claim in proofs/dynamics/*.yaml and control in",
            "proofs/dynamics/controls/*.yaml (a dynamics control must FAIL). Exit 0 when the lemmas hold, no claim FAILS",
            "and no control holds (a spectral control may be undecided), else 1.",
            "--full adds d = 2*max(d) to every sweep and uses at least 3 seeds."})
final class VerifyCommand extends PowerspecCommand {
    @Option(names = "--proofs", paramLabel = "DIR", description = "The proofs folder. Default: ./proofs, else the one beside the jar.")
    Path proofs;

    @Option(names = "--full", description = "Larger sizes: every sweep gains d = 2*max(d), seeds at least 3.")
    boolean full;

    @Mixin
    ClaimOutputOptions output;

    @Mixin
    WorkerOptions threads;

    private Path proofsFolder() {
        return proofsFolder(proofs);
    }

    /** The proofs folder: {@code given} (which must be a folder), else ./proofs, else the one beside the jar. */
    static Path proofsFolder(Path given) {
        Path proofs = given;
        if (proofs != null) {
            if (!Files.isDirectory(proofs)) {
                throw new InvalidInputException("--proofs '" + proofs + "' is not a folder");
            }
            return proofs;
        }
        if (Files.isDirectory(Path.of("proofs"))) {
            return Path.of("proofs");
        }
        try {
            Path jar = Path.of(PowerspecMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.toAbsolutePath().getParent().getParent().resolve("proofs");
            if (Files.isDirectory(beside)) {
                return beside;
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // fall through to the message below
        }
        throw new InvalidInputException("no proofs folder here or beside the jar: give one with --proofs DIR");
    }

    /** The places verify reads claims from, as {@link Verification.Proofs#read} does: *.yaml (or *.yml) in each. */
    static List<Path> claimFolders(Path dir) {
        return List.of(dir, dir.resolve("controls"), dir.resolve("dynamics"), dir.resolve("dynamics").resolve("controls"));
    }

    /** An empty proofs folder is bad input, not a silent success with nothing checked. */
    private void checkHoldsClaims(Path dir) {
        long found = 0;
        for (Path d : claimFolders(dir)) {
            if (Files.isDirectory(d)) {
                try (java.util.stream.Stream<Path> files = Files.list(d)) {
                    found += files.filter(f -> Files.isRegularFile(f)
                            && (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))).count();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("--proofs '" + dir + "': " + d + " cannot be read: " + e.getMessage(), e);
                }
            }
        }
        if (found == 0) {
            throw new InvalidInputException((proofs != null ? "--proofs '" + dir + "'" : "the proofs folder '" + dir + "'")
                    + " holds no claim files: nothing to verify (verify reads *.yaml in it and in its controls/, dynamics/"
                    + " and dynamics/controls/)");
        }
    }

    @Override
    public Integer call() {
        Format fmt = output.checked();
        Path report = output.report;
        int workers = threads.workers();
        // every file is read and validated before the first computation
        Path folder = proofsFolder();
        checkHoldsClaims(folder);
        Verification.Proofs proofs = Verification.Proofs.read(folder, full);
        String provenance = context.provenance();
        Verification.Settings settings = Verification.Settings.DEFAULT;
        Verification v = Verification.run(proofs, settings, workers, context::say, context.progress());
        OutputSet outputs = new OutputSet().add(output.out, "--out", VerificationReport.render(v, fmt, provenance));
        if (report != null) {
            // the dynamics report in its own folder: its plot names cannot collide with the spectral claims'
            outputs.addFolder(report, "--report", ClaimReportFolder.files(v.spectral(), provenance));
            outputs.addFolder(report.resolve("dynamics"), "--report", DynamicsClaimReportFolder.files(v.dynamicsClaims(), "report.md", provenance));
        }
        context.commit(outputs);
        if (report != null) {
            context.say("report written to " + report.resolve("report.md") + " and " + report.resolve("dynamics/report.md"));
        }
        return v.ok() ? 0 : 1;
    }
}
