package org.powerspec.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The eigendecomposition of a diagonal-minus-rank-one matrix B = diag(d) − σ·uuᵀ (σ ≥ 0) by its secular equation,
 * with every eigenvalue to high <em>relative</em> accuracy (as far as its own condition allows: for d ≥ 0 and a
 * positive definite B, all of them) and eigenvectors accurate componentwise — which a dense eigensolver in double is
 * not: it resolves eigenvalues only to about 1e-16·‖B‖.
 *
 * <p><b>Secular equation.</b> With w = √σ·u, det(B − xI) = Π_k (d_k − x) · f(x) and
 * <pre>
 *   f(x) = 1 − Σ_k w_k² / (d_k − x),
 * </pre>
 * which decreases from +∞ to −∞ between consecutive poles. For distinct d_1 &lt; … &lt; d_m and all w_k ≠ 0 the
 * eigenvalues are its m roots, interlacing from below: x_1 ∈ (d_1 − Σw², d_1), x_j ∈ (d_{j−1}, d_j) (Golub 1973;
 * Bunch, Nielsen &amp; Sorensen, Numer. Math. 31 (1978) 31). Each root is computed as an <em>offset</em> τ from the
 * nearer pole d_o of its interval, x = d_o + τ (for j ≥ 2 the nearer pole is found from the sign of f at the
 * interval's midpoint; x_1 is measured from d_1), and f is evaluated in the offset with d_k − x formed as
 * (d_k − d_o) − τ, the differences d_k − d_o taken from the inputs, never from a rounded root — the device of LAPACK's
 * dlaed4 (R.-C. Li, "Solving secular equations stably and efficiently", LAPACK Working Note 89). τ is found by a
 * safeguarded iteration on a bracket: each step solves the two-pole model a + w_o²/t − S/(δ_n − t) = 0 whose value and
 * derivative match f at the current offset, with the origin's pole kept exact and the other poles lumped at the
 * neighbouring one δ_n (a rational approximation in the manner of Bunch–Nielsen–Sorensen and dlaed4's fixed-weight
 * method; it converges quadratically), and falls back to bisection when the step leaves the bracket. It stops
 * when |f| is below its rounding-error bound 8ε(1 + Σ_k |w_k²/(d_k − x)|) + ε|τ f′| or the bracket collapses. For
 * j ≥ 2, |τ| is at most half the gap between the two poles, so x = d_o + τ has relative error O(ε) whenever
 * d_{j−1} ≥ 0; x_1 = d_1 + τ too, unless it is close to 0 (B nearly singular: then x_1 itself is ill-conditioned).
 *
 * <p><b>Eigenvectors.</b> v_j ∝ (D − x_j I)^(−1) ŵ, with ŵ not the given w but the vector for which the computed
 * roots are the exact eigenvalues, from Löwner's formula
 * <pre>
 *   ŵ_i² = Π_j (d_i − x_j) / Π_{k≠i} (d_i − d_k)
 * </pre>
 * (every d_i − x_j again as (d_i − d_o(j)) − τ_j). This is Gu &amp; Eisenstat's construction (SIAM J. Matrix Anal.
 * Appl. 15 (1994) 1266; LAPACK dlaed3): the eigenvectors are then numerically orthogonal and each component is
 * accurate to O(mε) relative. {@link #maxWeightChange()} reports max_i |ŵ_i/w_i − 1|, which is O(mε) when the
 * roots are right.
 *
 * <p><b>Deflation.</b> A component with w_k = 0 is an eigenpair (d_k, e_k) by itself; one with w_k² below the
 * smallest normal double is treated so too (it moves d_k by less than 2.3e−308). Equal poles d_k (exact ties) are
 * merged: a Householder reflection maps their block of w onto its norm, leaving one pole with weight ‖w_block‖² in
 * the secular equation and the block's other directions (orthogonal to w_block) as eigenvectors with eigenvalue d_k
 * exactly.
 */
public final class DiagonalMinusRankOne {
    private static final double EPS = Math.ulp(1.0) / 2;
    private static final int MAX_ITERATIONS = 400;

    private final int n;
    private final double[] pole;
    private final double[] offset;
    private final double[][] columns;
    private final double weightChange;

    /**
     * Decomposes diag(d) − σ·uuᵀ.
     *
     * @param d     the diagonal, finite, any order
     * @param u     the rank-one vector, finite, same length
     * @param sigma σ ≥ 0, finite, with σ·u_k² finite
     * @throws IllegalArgumentException for inputs outside these ranges
     */
    public DiagonalMinusRankOne(double[] d, double[] u, double sigma) {
        n = d.length;
        if (n == 0 || u.length != n) {
            throw new IllegalArgumentException("d and u must have the same length >= 1");
        }
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, not " + sigma);
        }
        double root = Math.sqrt(sigma);
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = root * u[k];
            if (!Double.isFinite(d[k]) || !Double.isFinite(w[k]) || !Double.isFinite(w[k] * w[k])) {
                throw new IllegalArgumentException("d and sigma*u^2 must be finite (index " + k + ")");
            }
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble(k -> d[k]));

        List<Pair> pairs = new ArrayList<>();
        // the reduced problem: distinct poles, each a group of original indices with a common d
        List<int[]> groups = new ArrayList<>();
        List<Double> poles = new ArrayList<>();
        List<Double> norms = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int k = order[i];
            if (w[k] * w[k] < Double.MIN_NORMAL) {
                pairs.add(unit(k, d[k]));
                i++;
                continue;
            }
            List<Integer> members = new ArrayList<>();
            int e = i;
            while (e < n && d[order[e]] == d[k]) {
                int g = order[e];
                if (w[g] * w[g] < Double.MIN_NORMAL) {
                    pairs.add(unit(g, d[g]));
                } else {
                    members.add(g);
                }
                e++;
            }
            int[] group = members.stream().mapToInt(Integer::intValue).toArray();
            double norm = norm(w, group);
            if (group.length > 1) {
                householderComplement(w, group, norm, d[k], pairs);
            }
            groups.add(group);
            poles.add(d[k]);
            norms.add(norm);
            i = e;
        }

        int m = groups.size();
        double[] p = new double[m];
        double[] z = new double[m];
        for (int j = 0; j < m; j++) {
            p[j] = poles.get(j);
            z[j] = norms.get(j) * norms.get(j);
        }
        int[] origin = new int[m];
        double[] tau = new double[m];
        for (int j = 0; j < m; j++) {
            solve(p, z, j, origin, tau);
        }
        double[] hat = loewner(p, origin, tau);
        double change = 0;
        for (int j = 0; j < m; j++) {
            change = Math.max(change, Math.abs(hat[j] / norms.get(j) - 1));
        }
        weightChange = change;
        for (int j = 0; j < m; j++) {
            double[] y = new double[m];
            double big = 0;
            for (int r = 0; r < m; r++) {
                y[r] = hat[r] / ((p[r] - p[origin[j]]) - tau[j]);
                big = Math.max(big, Math.abs(y[r]));
            }
            double ss = 0;
            for (int r = 0; r < m; r++) {
                ss += (y[r] / big) * (y[r] / big);
            }
            double length = Math.sqrt(ss);
            double[] v = new double[n];
            for (int r = 0; r < m; r++) {
                int[] group = groups.get(r);
                double nr = norms.get(r);
                double c = y[r] / big / length;
                for (int g : group) {
                    v[g] = c * (w[g] / nr);
                }
            }
            pairs.add(new Pair(p[origin[j]], tau[j], v));
        }
        pairs.sort(Comparator.comparingDouble(Pair::value));
        pole = new double[n];
        offset = new double[n];
        columns = new double[n][];
        for (int j = 0; j < n; j++) {
            Pair q = pairs.get(j);
            pole[j] = q.pole;
            offset[j] = q.offset;
            columns[j] = q.vector;
        }
    }

    private record Pair(double pole, double offset, double[] vector) {
        double value() {
            return pole + offset;
        }
    }

    private Pair unit(int k, double dk) {
        double[] v = new double[n];
        v[k] = 1;
        return new Pair(dk, 0, v);
    }

    private static double norm(double[] w, int[] group) {
        double big = 0;
        for (int g : group) {
            big = Math.max(big, Math.abs(w[g]));
        }
        double ss = 0;
        for (int g : group) {
            ss += (w[g] / big) * (w[g] / big);
        }
        return big * Math.sqrt(ss);
    }

    /**
     * For a tie block G with weights w_G: H = I − 2hhᵀ/hᵀh, h = w_G + sign(w_1)‖w_G‖e_1, maps w_G onto a multiple of
     * e_1, so H's columns 2..|G| are an orthonormal basis of w_G^⊥ — eigenvectors of B with eigenvalue d exactly.
     */
    private void householderComplement(double[] w, int[] group, double norm, double dk, List<Pair> pairs) {
        int r = group.length;
        double[] h = new double[r];
        for (int a = 0; a < r; a++) {
            h[a] = w[group[a]] / norm;
        }
        h[0] += h[0] >= 0 ? 1 : -1;
        double hh = 0;
        for (double x : h) {
            hh += x * x;
        }
        for (int c = 1; c < r; c++) {
            double[] v = new double[n];
            for (int a = 0; a < r; a++) {
                v[group[a]] = (a == c ? 1 : 0) - 2 * h[a] * h[c] / hh;
            }
            pairs.add(new Pair(dk, 0, v));
        }
    }

    /** The root j (0-based) of 1 − Σ z_k/(p_k − x) = 0, as origin[j] and the offset tau[j] from p[origin[j]]. */
    private static void solve(double[] p, double[] z, int j, int[] origin, double[] tau) {
        int m = p.length;
        if (m == 1) {
            origin[j] = 0;
            tau[j] = -z[0];
            return;
        }
        int o;
        int nb;
        double lo;
        double hi;
        if (j == 0) {
            o = 0;
            nb = 1;
            double sum = 0;
            for (double x : z) {
                sum += x;
            }
            lo = -sum;
            hi = 0;
        } else {
            double gap = p[j] - p[j - 1];
            double half = gap / 2;
            double f = 1;
            for (int k = 0; k < m; k++) {
                f -= z[k] / ((p[k] - p[j - 1]) - half);
            }
            if (f == 0) {
                origin[j] = j - 1;
                tau[j] = half;
                return;
            }
            if (f > 0) {
                o = j;
                nb = j - 1;
                lo = -half;
                hi = 0;
            } else {
                o = j - 1;
                nb = j;
                lo = 0;
                hi = half;
            }
        }
        double[] delta = new double[m];
        double q0 = 0;
        for (int k = 0; k < m; k++) {
            delta[k] = p[k] - p[o];
            if (k != o) {
                q0 += z[k] / delta[k];
            }
        }
        // first-order guess: the origin's term against the others frozen at tau = 0
        double t = 1 - q0 > 0 ? -z[o] / (1 - q0) : Double.NaN;
        if (!(t > lo && t < hi)) {
            t = midpoint(lo, hi);
        }
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double q = 0;
            double dq = 0;
            double abs = 1;
            for (int k = 0; k < m; k++) {
                if (k == o) {
                    continue;
                }
                double den = delta[k] - t;
                double term = z[k] / den;
                q += term;
                dq += term / den;
                abs += Math.abs(term);
            }
            double to = z[o] / t; // = −z_o/(δ_o − t), δ_o = 0
            double f = 1 - q + to;
            abs += Math.abs(to);
            if (f == 0) {
                break;
            }
            if (f > 0) {
                lo = t;
            } else {
                hi = t;
            }
            double slope = dq + Math.abs(to / t); // −f′(t) > 0
            if (Math.abs(f) <= EPS * (8 * abs + Math.abs(t) * slope)) {
                break;
            }
            if (hi - lo <= 2 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
                break;
            }
            double next = iter < MAX_ITERATIONS / 4 ? modelStep(t, q, dq, z[o], delta[nb], lo, hi) : Double.NaN;
            if (Double.isNaN(next)) {
                next = midpoint(lo, hi);
            }
            if (next == t) {
                break;
            }
            t = next;
        }
        origin[j] = o;
        tau[j] = t;
    }

    /**
     * The root in (lo, hi) of the model a + z_o/s − S/(δ_n − s) = 0 matching f = 1 − q + z_o/t and its slope at t
     * (S = q′(t)(δ_n − t)², a = 1 − q + S/(δ_n − t)), or NaN when there is none.
     */
    private static double modelStep(double t, double q, double dq, double zo, double dn, double lo, double hi) {
        double gap = dn - t;
        double s = dq * gap * gap;
        double a = 1 - q + s / gap;
        // a s(δ_n − s) − S s + z_o(δ_n − s) = 0  ⇔  (−a) s² + (aδ_n − S − z_o) s + z_o δ_n = 0
        double qa = -a;
        double qb = a * dn - s - zo;
        double qc = zo * dn;
        double disc = qb * qb - 4 * qa * qc;
        if (!(disc >= 0) || !Double.isFinite(disc)) {
            return Double.NaN;
        }
        double big = -0.5 * (qb + Math.copySign(Math.sqrt(disc), qb));
        double r1 = qa != 0 ? big / qa : Double.NaN;
        double r2 = big != 0 ? qc / big : Double.NaN;
        boolean in1 = r1 > lo && r1 < hi;
        boolean in2 = r2 > lo && r2 < hi;
        if (in1 && in2) {
            return Math.abs(r1 - t) < Math.abs(r2 - t) ? r1 : r2;
        }
        return in1 ? r1 : in2 ? r2 : Double.NaN;
    }

    /** Bisection; when the bracket spans orders of magnitude on one side of 0, its geometric mean. */
    private static double midpoint(double lo, double hi) {
        if (lo > 0 && hi > 4 * lo) {
            return Math.sqrt(lo) * Math.sqrt(hi);
        }
        if (hi < 0 && lo < 4 * hi) {
            return -Math.sqrt(-lo) * Math.sqrt(-hi);
        }
        return lo + (hi - lo) / 2;
    }

    /** Löwner's ŵ_i = √(Π_j (p_i − x_j) / Π_{k≠i} (p_i − p_k)), factors paired as (p_i − x_k)/(p_i − p_k), scaled. */
    private static double[] loewner(double[] p, int[] origin, double[] tau) {
        int m = p.length;
        double[] hat = new double[m];
        for (int i = 0; i < m; i++) {
            double prod = (p[i] - p[origin[i]]) - tau[i];
            int exp = 0;
            for (int k = 0; k < m; k++) {
                if (k == i) {
                    continue;
                }
                prod *= ((p[i] - p[origin[k]]) - tau[k]) / (p[i] - p[k]);
                int e = Math.getExponent(prod);
                if (e > 400 || e < -400) {
                    prod = Math.scalb(prod, -e);
                    exp += e;
                }
            }
            if ((exp & 1) != 0) {
                prod *= 2;
                exp--;
            }
            hat[i] = Math.scalb(Math.sqrt(prod), exp / 2);
        }
        return hat;
    }

    public int size() {
        return n;
    }

    /** x_j = pole(j) + offset(j), ascending in j. */
    public double eigenvalue(int j) {
        return pole[j] + offset[j];
    }

    /** The eigenvalues, ascending. */
    public double[] eigenvalues() {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = eigenvalue(j);
        }
        return x;
    }

    /** The input d_o from which eigenvalue j is measured. */
    public double pole(int j) {
        return pole[j];
    }

    /** τ_j = x_j − d_o, computed directly (0 for a deflated eigenvalue). */
    public double offset(int j) {
        return offset[j];
    }

    /** Component k of the unit eigenvector j (eigenvectors are the columns). */
    public double vector(int k, int j) {
        return columns[j][k];
    }

    /** The unit eigenvectors, columns[j][k] = component k of eigenvector j; the internal arrays, not copies. */
    double[][] columns() {
        return columns;
    }

    /** max_i |ŵ_i/w_i − 1| over the secular equation's weights (Löwner's ŵ against the given ones). */
    public double maxWeightChange() {
        return weightChange;
    }
}
