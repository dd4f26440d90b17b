package org.powerspec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.powerspec.check.dynamics.DynamicsLemma;
import org.powerspec.check.dynamics.DynamicsLemmas;
import org.powerspec.report.DynamicsTables;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Outputs({Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN})
@Command(name = "lemma",
        description = {
            "Claims about the dynamics, each with a negative control.",
            "Checks statements about the two-layer dynamics (t = steps/N is the time), each with a negative control",
            "that must be rejected:",
            "  erf-integrals       Saad & Solla's I2, E[g'g'], E[g''g], I4 closed forms = Monte Carlo (5 s.e.)",
            "  fixed-point         O(eta) drift = 0 at Q = 1/(2K-1), R = 1/sqrt(K(2K-1));",
            "                      eps* = 0.011611, 0.020297, 0.036226 (K = 2, 3, 5)",
            "  linear-closed-form  matrix exponential = ODE to 1e-8 eps_g(0)",
            "  power-law           linear g: eps_g ~ t^-(beta/(1+beta)) from t = 10/(2 eta lambda_1) to the L cutoff",
            "                      (beta = 1, 2); now the claim files proofs/dynamics/linear-power-law-beta*.yaml",
            "  trainable-floor     L = N, top N_l trained: eps_g(inf) ~ N_l^-beta;",
            "                      now the claim file proofs/dynamics/trainable-floor-beta1.yaml",
            "  plateau-vs-L        the erf plateau (K = M = 2, eta = 0.1, Fig. 1) shrinks as L grows",
            "  finite-size         max |eps_g^SGD - eps_g^ODE| shrinks over N = 500, 2000, 8000",
            "One row per claim and per control; exit 0 when every claim passes and every control fails, else 1.",
            "all runs the lemmas proper; power-law and trainable-floor, now claim files, are run from ./proofs (or the",
            "proofs folder beside the jar) when named."})
final class DynamicsLemmaCommand extends FormattedCommand {
    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Lemma names, or all.")
    List<String> names;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        List<String> run = new ArrayList<>();
        for (String n : names) {
            if (n.equals("all")) {
                run.addAll(DynamicsLemmas.NAMES);
            } else if (DynamicsLemmas.NAMES.contains(n) || DynamicsLemmas.AS_CLAIM_FILES.containsKey(n)) {
                run.add(n);
            } else {
                throw new org.powerspec.InvalidInputException("lemma '" + n + "' is not known: allowed are "
                        + String.join(", ", DynamicsLemmas.NAMES) + ", all");
            }
        }
        org.powerspec.Progress progress = context.progress();
        List<DynamicsLemma.Row> rows = new ArrayList<>();
        for (String n : run) {
            rows.addAll(DynamicsLemmas.AS_CLAIM_FILES.containsKey(n)
                    ? DynamicsLemmas.fromClaimFiles(n, VerifyCommand.proofsFolder(null).resolve("dynamics"), progress)
                    : DynamicsLemmas.run(n, progress));
        }
        boolean ok = DynamicsLemmas.holds(rows);
        output.write(DynamicsTables.lemmas(rows, ok, fmt, context.provenance(), Map.of()));
        return ok ? 0 : 1;
    }
}
