package org.powerspec.report;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.symbolic.ChaosExpansion;
import org.powerspec.symbolic.Rationals;

/**
 * The table of Hermite chaos coefficients c_k and kernel coefficients b_k = k!·c_k², one row per (p, k) with k
 * descending. For f = y^p only k ≡ p (mod 2) appear (the others vanish by parity); for a general polynomial every
 * k = deg f … 0 appears, zeros included, and the {@code p} column holds deg f. Header (a contract):
 * {@code p,k,c_k,kernel_coeff}; rationals as {@code a/b}, integers plain.
 */
public final class CoefficientTable {
    public static final List<String> HEADER = List.of("p", "k", "c_k", "kernel_coeff");

    private CoefficientTable() {
    }

    /** The rows as exact text. */
    public static Table table(List<ChaosExpansion> expansions) {
        List<List<String>> rows = new ArrayList<>();
        for (ChaosExpansion e : expansions) {
            for (int k : ks(e)) {
                rows.add(List.of(String.valueOf(e.degree()), String.valueOf(k), Rationals.format(e.coefficient(k)),
                        Rationals.format(e.kernelCoefficient(k))));
            }
        }
        return new Table(HEADER, rows);
    }

    private static List<Integer> ks(ChaosExpansion e) {
        List<Integer> ks = new ArrayList<>();
        boolean monomial = e.activation().monomial();
        for (int k = e.degree(); k >= 0; k--) {
            if (!monomial || (e.degree() - k) % 2 == 0) {
                ks.add(k);
            }
        }
        return ks;
    }

    /** The table in the given format (text, csv, latex or json). */
    public static String render(List<ChaosExpansion> expansions, Format format, String provenance) {
        return switch (format) {
            case CSV -> table(expansions).csv();
            case JSON -> table(expansions).json();
            case LATEX -> latex(expansions, provenance);
            case TEXT -> textPreamble(expansions, provenance) + table(expansions).text();
            default -> throw new IllegalArgumentException("coefficient tables are not written as " + format.userName());
        };
    }

    private static String subject(List<ChaosExpansion> expansions) {
        ChaosExpansion first = expansions.get(0);
        return first.activation().monomial() ? "f(y) = y^p" : "f(y) = " + first.activation().label();
    }

    private static String textPreamble(List<ChaosExpansion> expansions, String provenance) {
        return "# " + provenance + "\n"
                + "# " + subject(expansions) + " = sum_k c_k He_k(y)   (He_k: probabilists' Hermite, z ~ N(0,1))\n"
                + "# kernel_coeff b_k = k! c_k^2:  kappa(rho) = E[f(z)f(z')] = sum_k b_k rho^k  (unit variances, correlation rho)\n";
    }

    private static String latex(List<ChaosExpansion> expansions, String provenance) {
        StringBuilder s = new StringBuilder();
        s.append("% ").append(provenance).append('\n');
        s.append("% ").append(subject(expansions))
                .append(" = \\sum_k c_k He_k(y), kernel coefficient b_k = k!\\,c_k^2\n");
        s.append("\\begin{tabular}{rrrr}\n\\hline\n");
        s.append("$p$ & $k$ & $c_k$ & $k!\\,c_k^2$ \\\\\n\\hline\n");
        for (ChaosExpansion e : expansions) {
            for (int k : ks(e)) {
                s.append(e.degree()).append(" & ").append(k)
                        .append(" & $").append(Rationals.latex(e.coefficient(k)))
                        .append("$ & $").append(Rationals.latex(e.kernelCoefficient(k))).append("$ \\\\\n");
            }
        }
        s.append("\\hline\n\\end{tabular}\n");
        return s.toString();
    }
}
