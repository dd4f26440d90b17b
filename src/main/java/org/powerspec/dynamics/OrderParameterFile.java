package org.powerspec.dynamics;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.powerspec.InvalidInputException;

/**
 * Initial order parameters from a JSON file {@code {"q": [L][K][K], "r": [L][K][M], "t": [L][M][M]}}: q^ℓ, r^ℓ,
 * t^ℓ per eigenspace, as defined in {@link OrderParameters}. Only states that weights can have are accepted. With
 * G = [J; B] the (K+M)×N matrix of student and teacher weights, eigenspace ℓ's block
 * <pre>
 *   C^ℓ = [[q^ℓ, r^ℓ], [r^ℓᵀ, t^ℓ]] = G P_ℓ Gᵀ/N
 * </pre>
 * is a Gram matrix (P_ℓ an orthogonal projector): symmetric and positive semi-definite, and so is the hidden fields'
 * covariance C = [[Q, R], [Rᵀ, T]] = Σ_ℓ λ_ℓ C^ℓ (λ_ℓ > 0). The reader therefore refuses, each with one line naming
 * the eigenspace and entry:
 * <ul>
 * <li>a top-level key other than q, r, t;</li>
 * <li>q^ℓ or t^ℓ not symmetric: |a_ik − a_ki| &gt; {@value #SYMMETRY_TOLERANCE}·max_jm |a_jm| for a = q^ℓ, t^ℓ (the ODE
 * evolves q's upper triangle only, so an asymmetric q would be averaged silently, and T enters ε_g as given);</li>
 * <li>C^ℓ not positive semi-definite: its smallest eigenvalue (Hipparchus' symmetric eigendecomposition of
 * (C^ℓ + C^ℓᵀ)/2) below −{@value #PSD_TOLERANCE}·max(|eigenvalue|) — the rounding of a Gram matrix of rank below
 * K + M, as at L = N where P_ℓ has rank 1, stays far inside that. The message says whether q^ℓ, t^ℓ or only the
 * coupling r^ℓ breaks it (|r_in|² ≤ q_ii t_nn is necessary). Such a state has no weights, and the erf integrals of
 * the ODE would take arcsin of numbers beyond ±1 — which used to surface as "η too large".</li>
 * </ul>
 */
public final class OrderParameterFile {
    /** Allowed asymmetry of q^ℓ and t^ℓ, relative to the matrix's largest entry. */
    public static final double SYMMETRY_TOLERANCE = 1e-12;
    /** Allowed negative eigenvalue of C^ℓ, relative to its largest eigenvalue in magnitude. */
    public static final double PSD_TOLERANCE = 1e-12;
    private static final java.util.List<String> KEYS = java.util.List.of("q", "r", "t");

    private OrderParameterFile() {
    }

    public static OrderParameters read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("init_file", "'" + file + "' does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("init_file", jsonError(file, e));
        } catch (IOException e) {
            throw new InvalidInputException("init_file", "'" + file + "' cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("init_file", "'" + file + "' must hold a JSON object {\"q\": ..., \"r\": ..., \"t\": ...}");
        }
        for (java.util.Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new InvalidInputException("init_file", "'" + file + "': \"" + key + "\" is not a known key: allowed are "
                        + String.join(", ", KEYS));
            }
        }
        OrderParameters p = new OrderParameters(array3(root, "q", file), array3(root, "r", file), array3(root, "t", file));
        try {
            check(p);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("init_file", "'" + file + "': " + e.getMessage());
        }
        return p;
    }

    /**
     * Refuses order parameters that no weights have (the rules of the class comment): q^ℓ or t^ℓ not symmetric to
     * {@link #SYMMETRY_TOLERANCE}, or a block C^ℓ = [[q^ℓ, r^ℓ], [r^ℓᵀ, t^ℓ]] with an eigenvalue below
     * −{@link #PSD_TOLERANCE}·max|eigenvalue|. Indices in the message are the file's (from 0).
     *
     * @throws InvalidInputException naming the eigenspace and the entry or eigenvalue
     */
    public static void check(OrderParameters p) {
        for (int l = 0; l < p.L(); l++) {
            symmetric(p.q()[l], "q", l);
            symmetric(p.t()[l], "t", l);
        }
        int K = p.K();
        int M = p.M();
        for (int l = 0; l < p.L(); l++) {
            double[][] c = new double[K + M][K + M];
            for (int i = 0; i < K + M; i++) {
                for (int k = 0; k < K + M; k++) {
                    c[i][k] = entry(p, l, i, k, K);
                }
            }
            double[] e = eigenvalues(c);
            double scale = Math.max(Math.abs(e[0]), Math.abs(e[e.length - 1]));
            double least = e[e.length - 1];
            if (least >= -PSD_TOLERANCE * scale) {
                continue;
            }
            String part;
            double[] eq = eigenvalues(sub(c, 0, K));
            double[] et = eigenvalues(sub(c, K, M));
            if (eq[K - 1] < -PSD_TOLERANCE * Math.max(Math.abs(eq[0]), Math.abs(eq[K - 1]))) {
                part = String.format(Locale.ROOT, "\"q\"[%d] itself has the eigenvalue %s", l, g(eq[K - 1]));
            } else if (et[M - 1] < -PSD_TOLERANCE * Math.max(Math.abs(et[0]), Math.abs(et[M - 1]))) {
                part = String.format(Locale.ROOT, "\"t\"[%d] itself has the eigenvalue %s", l, g(et[M - 1]));
            } else {
                part = "q[" + l + "] and t[" + l + "] are, but \"r\"[" + l + "] couples them too strongly" + coupling(p, l);
            }
            throw new InvalidInputException(String.format(Locale.ROOT, "eigenspace %d: the block [[q, r], [r^T, t]] has the "
                    + "eigenvalue %s (largest %s): it is not positive semi-definite (%s); allowed are overlaps that weights "
                    + "can have, G P_l G^T/N, each block with eigenvalues >= -%.0e * the largest", l, g(least), g(e[0]), part, PSD_TOLERANCE));
        }
    }

    /** Six significant digits without trailing zeros: 1.44, -1, 2.5e-13. */
    static String g(double x) {
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    private static void symmetric(double[][] a, String name, int l) {
        double max = 0;
        for (double[] row : a) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        for (int i = 0; i < a.length; i++) {
            for (int k = i + 1; k < a.length; k++) {
                if (Math.abs(a[i][k] - a[k][i]) > SYMMETRY_TOLERANCE * max) {
                    throw new InvalidInputException(String.format(Locale.ROOT, "\"%s\"[%d][%d][%d] = %s but \"%s\"[%d][%d][%d] = %s: "
                            + "%s must be symmetric, |%s_ik - %s_ki| <= %.0e * max|%s[%d]| = %s", name, l, i, k, a[i][k], name, l, k, i,
                            a[k][i], name, name, name, SYMMETRY_TOLERANCE, name, l, g(SYMMETRY_TOLERANCE * max)));
                }
            }
        }
    }

    /** The first pair (i, n) with r_in² > q_ii t_nn, when there is one (a witness in the message). */
    private static String coupling(OrderParameters p, int l) {
        for (int i = 0; i < p.K(); i++) {
            for (int n = 0; n < p.M(); n++) {
                double r = p.r()[l][i][n];
                double bound = p.q()[l][i][i] * p.t()[l][n][n];
                if (r * r > bound) {
                    return String.format(Locale.ROOT, " (r[%d][%d][%d]^2 = %s > q[%d][%d][%d] * t[%d][%d][%d] = %s)", l, i, n, g(r * r),
                            l, i, i, l, n, n, g(bound));
                }
            }
        }
        return "";
    }

    /** Entry (i, k) of C^ℓ, symmetrised (the asymmetry has been checked to be within tolerance). */
    private static double entry(OrderParameters p, int l, int i, int k, int K) {
        if (i < K && k < K) {
            return 0.5 * (p.q()[l][i][k] + p.q()[l][k][i]);
        }
        if (i < K) {
            return p.r()[l][i][k - K];
        }
        if (k < K) {
            return p.r()[l][k][i - K];
        }
        return 0.5 * (p.t()[l][i - K][k - K] + p.t()[l][k - K][i - K]);
    }

    private static double[][] sub(double[][] c, int from, int size) {
        double[][] s = new double[size][size];
        for (int i = 0; i < size; i++) {
            System.arraycopy(c[from + i], from, s[i], 0, size);
        }
        return s;
    }

    /** The eigenvalues of a symmetric matrix, descending (Hipparchus). */
    private static double[] eigenvalues(double[][] a) {
        double[] e = new org.hipparchus.linear.EigenDecompositionSymmetric(org.hipparchus.linear.MatrixUtils.createRealMatrix(a))
                .getEigenvalues();
        java.util.Arrays.sort(e);
        for (int i = 0, j = e.length - 1; i < j; i++, j--) {
            double x = e[i];
            e[i] = e[j];
            e[j] = x;
        }
        return e;
    }

    /**
     * A JSON syntax error in the user's terms, one line: the file, where (line and column), what is wrong and what is
     * allowed — never the parser's own advice about its features.
     */
    static String jsonError(Path file, JsonProcessingException e) {
        String name = "'" + file + "'";
        String at = "";
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            at = String.format(Locale.ROOT, "line %d, column %d", loc.getLineNr(), loc.getColumnNr());
        }
        String msg = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        Matcher token = Pattern.compile("Non-standard token '([^']*)'").matcher(msg);
        if (token.find()) {
            return name + (at.isEmpty() ? "" : ", " + at) + ": " + token.group(1) + " is not a number JSON allows; the order parameters must be finite "
                    + "numbers such as 0.5 or 1e-3 (JSON has no NaN or Infinity)";
        }
        String cleaned = msg.replaceAll("\\s*\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "")
                .replaceAll(":?\\s*enable `[^`]*`( to allow)?", "")
                .replaceAll("\\s*\\(start marker at \\[Source.*", "")
                .replaceAll("\\s*\\[Source.*", "")
                .trim();
        return name + " is not valid JSON" + (at.isEmpty() ? "" : " at " + at) + ": " + (cleaned.isEmpty() ? "a syntax error" : cleaned)
                + "; expected {\"q\": [L][K][K], \"r\": [L][K][M], \"t\": [L][M][M]} of finite numbers";
    }

    private static double[][][] array3(JsonNode root, String key, Path file) {
        JsonNode n = root.get(key);
        String where = "'" + file + "': \"" + key + "\"";
        if (n == null || !n.isArray() || n.isEmpty()) {
            throw new InvalidInputException("init_file", where + " is missing or not a non-empty array [L][rows][columns]");
        }
        double[][][] out = new double[n.size()][][];
        for (int l = 0; l < n.size(); l++) {
            JsonNode m = n.get(l);
            if (!m.isArray() || m.isEmpty()) {
                throw new InvalidInputException("init_file", where + "[" + l + "] is not a non-empty array of rows");
            }
            out[l] = new double[m.size()][];
            for (int i = 0; i < m.size(); i++) {
                JsonNode row = m.get(i);
                if (!row.isArray()) {
                    throw new InvalidInputException("init_file", where + "[" + l + "][" + i + "] is not an array of numbers");
                }
                out[l][i] = new double[row.size()];
                for (int j = 0; j < row.size(); j++) {
                    if (!row.get(j).isNumber()) {
                        throw new InvalidInputException("init_file", where + "[" + l + "][" + i + "][" + j + "] = " + row.get(j) + " is not a number");
                    }
                    out[l][i][j] = row.get(j).asDouble();
                    if (!Double.isFinite(out[l][i][j])) {
                        throw new InvalidInputException("init_file", where + "[" + l + "][" + i + "][" + j + "] is beyond the range of a "
                                + "double (|x| > 1.8e308): every entry must be a finite number");
                    }
                }
            }
        }
        return out;
    }
}
