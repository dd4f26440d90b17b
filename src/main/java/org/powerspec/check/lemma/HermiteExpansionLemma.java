package org.powerspec.check.lemma;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.powerspec.check.core.Context;
import org.powerspec.check.core.Lemma;
import org.powerspec.check.core.Statement;
import org.powerspec.check.core.Verdict;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.ChaosExpansion;
import org.powerspec.symbolic.HermiteChaos;
import org.powerspec.symbolic.KernelPolynomial;
import org.powerspec.symbolic.Polynomial;
import org.powerspec.symbolic.Rationals;
import org.powerspec.symbolic.SymjaEngine;
import org.powerspec.symbolic.WickPairings;

/**
 * The Hermite/Wick expansion lemma behind the random-feature kernel, checked exactly for one activation f
 * (f = y^p in the theorem; any polynomial here). Each part compares the chaos expansion against an independent
 * truth:
 * <ol type="a">
 *   <li>Σ_k c_k He_k(y) − f(y) ≡ 0, with He_k(y) = 2^(−k/2)·H_k(y/√2) from Symja's own {@code HermiteH};</li>
 *   <li>Σ_k b_k = Σ_k k!·c_k² = E[f(z)²], which for f = y^p is E[z^(2p)] = (2p−1)!! (Parseval in L²(N(0,1)));</li>
 *   <li>E[f(u)f(v)] from the closed form Σ_k k!·h_k(s_a)·h_k(s_b)·c^k equals the Isserlis/Wick pairing count
 *       ({@link WickPairings}), term by term;</li>
 *   <li>at perfect correlation c = s_a·s_b the closed form equals E[f(s_a z)·f(s_b z)] = Σ_{n,m} a_n a_m·
 *       (n+m−1)!!·s_a^n s_b^m — for f = y^p, (2p−1)!!·s_a^p·s_b^p (Symja substitutes and expands).</li>
 * </ol>
 * A row passes when all four parts hold; any corrupted coefficient breaks at least (a) and (b).
 */
public final class HermiteExpansionLemma {

    /** The four parts of the lemma. */
    public enum Part {
        A("(a)", "sum_k c_k He_k(y) - f(y) == 0  (He_k from Symja's HermiteH)"),
        B("(b)", "sum_k k! c_k^2 = E[f(z)^2]  (= (2p-1)!! for y^p)"),
        C("(c)", "closed-form E[f(u)f(v)] = Isserlis/Wick pairing sum"),
        D("(d)", "kernel at c = sa*sb equals E[f(sa z) f(sb z)]  (= (2p-1)!! sa^p sb^p for y^p)");

        private final String label;
        private final String statement;

        Part(String label, String statement) {
            this.label = label;
            this.statement = statement;
        }

        public String label() {
            return label;
        }

        public String statement() {
            return statement;
        }
    }

    /** The outcome of one part: pass or fail, and the exact quantities compared. */
    public record PartResult(Part part, boolean pass, String detail) {
    }

    /** One activation's row: all four parts. */
    public record Row(String activation, int degree, List<PartResult> parts) {
        public Row {
            parts = List.copyOf(parts);
        }

        public boolean passes() {
            return parts.stream().allMatch(PartResult::pass);
        }

        public Verdict verdict() {
            return passes() ? Verdict.HOLDS : Verdict.FAILS;
        }
    }

    private final SymjaEngine symja;
    private final WickPairings wick = new WickPairings();
    private final Map<Integer, String> hermite = new HashMap<>();

    public HermiteExpansionLemma(SymjaEngine symja) {
        this.symja = symja;
    }

    /** Checks every activation's own expansion, in order. */
    public List<Row> checkAll(List<Activation> activations) {
        List<Row> rows = new ArrayList<>(activations.size());
        for (Activation f : activations) {
            rows.add(check(HermiteChaos.expand(f)));
        }
        return rows;
    }

    /** Checks the four parts for the given (possibly deliberately corrupted) expansion. */
    public Row check(ChaosExpansion e) {
        Polynomial f = e.activation().polynomial();
        KernelPolynomial closedForm = KernelPolynomial.of(e);
        List<PartResult> parts = new ArrayList<>(4);
        parts.add(partA(e, f));
        parts.add(partB(e, f));
        parts.add(partC(closedForm, f));
        parts.add(partD(closedForm, f));
        return new Row(e.activation().label(), e.degree(), parts);
    }

    private PartResult partA(ChaosExpansion e, Polynomial f) {
        StringBuilder sum = new StringBuilder("0");
        for (int k = 0; k <= e.degree(); k++) {
            BigFraction ck = e.coefficient(k);
            if (ck.signum() != 0) {
                sum.append('+').append(Rationals.symja(ck)).append("*(").append(probabilistsHermite(k)).append(')');
            }
        }
        String residual = symja.expand(sum + "-(" + f.toSymja("y") + ")");
        boolean pass = "0".equals(residual);
        return new PartResult(Part.A, pass, pass ? "residual 0" : "residual " + residual);
    }

    private PartResult partB(ChaosExpansion e, Polynomial f) {
        BigFraction sum = BigFraction.ZERO;
        for (int k = 0; k <= e.degree(); k++) {
            sum = sum.add(e.kernelCoefficient(k));
        }
        BigFraction secondMoment = BigFraction.ZERO;
        for (int n = 0; n <= f.degree(); n++) {
            for (int m = 0; m <= f.degree(); m++) {
                BigInteger moment = Rationals.gaussianMoment(n + m);
                secondMoment = secondMoment.add(f.coefficient(n).multiply(f.coefficient(m)).multiply(moment));
            }
        }
        boolean pass = sum.equals(secondMoment);
        return new PartResult(Part.B, pass,
                "sum b_k = " + Rationals.format(sum) + ", E[f(z)^2] = " + Rationals.format(secondMoment));
    }

    private PartResult partC(KernelPolynomial closedForm, Polynomial f) {
        KernelPolynomial pairings = wick.kernel(f);
        boolean pass = closedForm.equals(pairings);
        return new PartResult(Part.C, pass, pass ? closedForm.terms().size() + " terms agree"
                : "closed form " + closedForm.toSymja() + " but pairings give " + pairings.toSymja());
    }

    private PartResult partD(KernelPolynomial closedForm, Polynomial f) {
        StringBuilder target = new StringBuilder("0");
        for (int n = 0; n <= f.degree(); n++) {
            for (int m = 0; m <= f.degree(); m++) {
                BigFraction w = f.coefficient(n).multiply(f.coefficient(m)).multiply(Rationals.gaussianMoment(n + m));
                if (w.signum() != 0) {
                    target.append('+').append(Rationals.symja(w)).append("*sa^").append(n).append("*sb^").append(m);
                }
            }
        }
        String substituted = symja.expand("(" + closedForm.toSymja() + ")/.c->sa*sb");
        String expected = symja.expand(target.toString());
        boolean pass = symja.isIdenticallyZero("(" + substituted + ")-(" + expected + ")");
        return new PartResult(Part.D, pass, "kernel(c = sa*sb) = " + substituted + (pass ? "" : ", expected " + expected));
    }

    /** He_k(y) = 2^(−k/2)·H_k(y/√2), expanded by Symja once per k. */
    private String probabilistsHermite(int k) {
        return hermite.computeIfAbsent(k, j -> symja.expand("2^(-" + j + "/2)*HermiteH[" + j + ", y/Sqrt[2]]"));
    }

    /** HOLDS when every row holds, else the worst row's verdict. */
    public static Verdict verdict(List<Row> rows) {
        return rows.stream().map(Row::verdict).reduce(Verdict.HOLDS, Verdict::and);
    }

    /** The rows of one run of the lemma. */
    public record Result(List<Row> rows) {
        public Result {
            rows = List.copyOf(rows);
        }
    }

    /** The lemma as a statement over {@code activations}, its key figures {@code figures}. */
    public static Statement statement(List<Activation> activations, String figures) {
        return new Lemma<Result>("hermite-expansion", figures) {
            @Override
            protected Result compute(Context context) {
                return new Result(new HermiteExpansionLemma(SymjaEngine.get()).checkAll(activations));
            }

            @Override
            protected Verdict verdict(Result r) {
                return HermiteExpansionLemma.verdict(r.rows());
            }
        };
    }
}
