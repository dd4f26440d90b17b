package org.powerspec.cli;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.check.lemma.CountingProductsLemma;
import org.powerspec.numeric.second.DivisorSummatory;
import org.powerspec.report.CountingProductsTable;
import org.powerspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Outputs({Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN})
@Command(name = "counting-products",
        description = {
            "Piltz: #{i1*...*ik <= N} = N*P_{k-1}(log N) + Delta_k(N), whence the log^(p-1).",
            "D_k(N) counts ordered k-tuples; P_{k-1}(L) is the residue of zeta(s)^k N^s/s at s = 1",
            "(P_1 = L + 2*gamma - 1, Dirichlet; P_2 = L^2/2 + (3*gamma-1)L + 3*gamma^2 - 3*gamma - 3*gamma_1 + 1).",
            "D_k(N) is counted exactly. PASS: |Delta_k(N)| <= 0.961 N^(1/2) (k = 2, Berkane-Bordelles-Ramare 2012),",
            "2.968 N^(2/3) log^(1/3) N (k = 3, Tudzi, arXiv:2506.21823), N^(3/4) log^(3/4) N (k = 4, constant ours).",
            "Also: the multisets {i1<=...<=ik} with product <= N, counted by the product oracle's lazy enumeration,",
            "equal Burnside's formula (for N <= --multiset-limit). Controls that must FAIL: the constant term + 1,",
            "and for k >= 3 P computed without gamma_1. Exit 0 when every row is as expected, else 1."})
final class CountingProductsCommand extends FormattedCommand {
    /** The lemma's defaults ({@link CountingProductsLemma#DEFAULT_KS}, {@link CountingProductsLemma#DEFAULT_NS}), as options. */
    static final String DEFAULT_KS = "2,3,4";
    static final String DEFAULT_NS = "1000,10000,100000,1000000,10000000";

    @Option(names = "--k", paramLabel = "K", split = ",", defaultValue = DEFAULT_KS, description = "Numbers of factors, from 2, 3, 4. Default: ${DEFAULT-VALUE}.")
    List<Integer> ks;

    @Option(names = "--n", paramLabel = "N", split = ",", defaultValue = DEFAULT_NS,
            description = "Bounds N, 2.." + DivisorSummatory.MAX_N + ". Default: ${DEFAULT-VALUE}.")
    List<Long> ns;

    @Option(names = "--multiset-limit", paramLabel = "N", defaultValue = "" + CountingProductsLemma.DEFAULT_MULTISET_LIMIT,
            description = "Count multisets by enumeration for N up to this (0..10^6; 10^5 takes about 10 s). Default: ${DEFAULT-VALUE}.")
    long multisetLimit;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        for (int k : ks) {
            if (k < 2 || k > 4) {
                throw new InvalidInputException("--k " + k + " is not allowed: k must be 2, 3 or 4");
            }
        }
        for (long n : ns) {
            if (n < 2 || n > DivisorSummatory.MAX_N) {
                throw new InvalidInputException("--n " + n + " is not allowed: N must be a whole number from 2 to " + DivisorSummatory.MAX_N);
            }
        }
        if (multisetLimit < 0 || multisetLimit > 1_000_000) {
            throw new InvalidInputException("--multiset-limit " + multisetLimit + " is not allowed: 0..1000000");
        }
        List<CountingProductsLemma.Row> rows = CountingProductsLemma.check(new ArrayList<>(ks), new ArrayList<>(ns), multisetLimit);
        output.write(CountingProductsTable.render(rows, fmt, context.provenance()));
        return CountingProductsLemma.verdict(rows).exitCode();
    }
}
