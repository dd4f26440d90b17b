package org.powerspec.check.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.powerspec.dynamics.ErfIntegrals;
import org.powerspec.dynamics.Nonlinearity;

/**
 * The dynamics lemma {@code erf-integrals}: the closed forms I2, E[g′g′], E[g″g], I4 (Saad &amp; Solla 1995) equal Monte Carlo means
 * within 5 standard errors; control: I4 with C34 scaled by 1.3.
 */
public final class ErfIntegralsLemma extends DynamicsLemma {
    public ErfIntegralsLemma() {
        super("erf-integrals");
    }

    @Override
    protected List<Row> rows() {
        double[][] c = {{0.9, 0.3, -0.2, 0.4}, {0.3, 0.7, 0.1, 0.25}, {-0.2, 0.1, 1.1, 0.35}, {0.4, 0.25, 0.35, 0.8}};
        double[][] l = new org.hipparchus.linear.CholeskyDecomposition(org.hipparchus.linear.MatrixUtils.createRealMatrix(c)).getL().getData();
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_SHI_RO_256_PP.create(new long[] {5, 5}));
        Nonlinearity g = Nonlinearity.ERF;
        int samples = 1_000_000;
        double[][] acc = new double[4][2];
        double[] u = new double[4];
        double[] e = new double[4];
        for (int s = 0; s < samples; s++) {
            for (int i = 0; i < 4; i++) {
                e[i] = z.sample();
            }
            for (int i = 0; i < 4; i++) {
                u[i] = 0;
                for (int j = 0; j <= i; j++) {
                    u[i] += l[i][j] * e[j];
                }
            }
            double[] v = {g.value(u[0]) * g.value(u[1]), g.derivative(u[0]) * g.derivative(u[1]),
                -u[0] * g.derivative(u[0]) * g.value(u[1]),
                g.derivative(u[0]) * g.derivative(u[1]) * g.value(u[2]) * g.value(u[3])};
            for (int k = 0; k < 4; k++) {
                acc[k][0] += v[k];
                acc[k][1] += v[k] * v[k];
            }
        }
        double[] closed = {ErfIntegrals.i2(c[0][0], c[1][1], c[0][1]), ErfIntegrals.derivDeriv(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.secondDerivValue(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], c[2][3])};
        double control = ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], 1.3 * c[2][3]);
        String[] names = {"I2 = E[g(u)g(v)]", "E[g'(u)g'(v)]", "E[g''(u)g(v)]", "I4 = E[g'g'gg]"};
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            int m = Math.min(k, 3);
            double mean = acc[m][0] / samples;
            double se = Math.sqrt((acc[m][1] / samples - mean * mean) / samples);
            double value = k < 4 ? closed[k] : control;
            boolean ok = Math.abs(value - mean) < 5 * se;
            rows.add(row(k < 4 ? names[k] : "control: I4 with C34 x 1.3", k == 4, ok,
                    f("closed %.7f, Monte Carlo %.7f +- %.1e (n = %d)", value, mean, se, samples)));
        }
        rows.addAll(erfPrice(c));
        return rows;
    }

    // Saad & Solla's closed forms in Symja syntax, written afresh from the formulas (not from the Java code)
    private static final String I2 = "(2/Pi*ArcSin[C12/Sqrt[(1+C11)*(1+C22)]])";
    private static final String GG = "(2/Pi/Sqrt[(1+C11)*(1+C22)-C12^2])";
    private static final String G2G = "(-2/Pi*C12/((1+C11)*Sqrt[(1+C11)*(1+C22)-C12^2]))";
    private static final String L4 = "((1+C11)*(1+C22)-C12^2)";
    private static final String L0 = "(" + L4 + "*C34-C23*C24*(1+C11)-C13*C14*(1+C22)+C12*C13*C24+C12*C14*C23)";
    private static final String L1 = "(" + L4 + "*(1+C33)-C23^2*(1+C11)-C13^2*(1+C22)+2*C12*C13*C23)";
    private static final String L2 = "(" + L4 + "*(1+C44)-C24^2*(1+C11)-C14^2*(1+C22)+2*C12*C14*C24)";
    private static final String I4 = "(4/Pi^2/Sqrt[" + L4 + "]*ArcSin[" + L0 + "/Sqrt[" + L1 + "*" + L2 + "]])";
    // the covariance is substituted (at POINT) before the determinant: Symja's symbolic 4 x 4 determinant is slow
    private static final String DET = "Det[IdentityMatrix[4]+({{C11,C12,C13,C14},{C12,C22,C23,C24},{C13,C23,C33,C34},"
            + "{C14,C24,C34,C44}}/.POINT)]";

    /**
     * Price's theorem, exactly: for zero-mean Gaussian fields with covariance C, ∂E[f]/∂C_ij = E[∂²f/∂x_i∂x_j] (i ≠ j)
     * and ∂E[f]/∂C_ii = ½E[∂²f/∂x_i²]; and E[Π_i g′(x_i)] = (2/π)^(n/2)/√det(I + C) (a Gaussian integral, since
     * g′(x) = √(2/π) e^(−x²/2)). Symja differentiates the closed forms symbolically and the identities are evaluated
     * at 30 digits at two covariances: ∂I2/∂C12 = E[g′g′], ∂I2/∂C11 = ½E[g″g], ∂I4/∂C34 = (4/π²)/√det(I + C); I2 = 0
     * at C12 = 0 and I4 = E[g′g′]·I2 when the pairs are uncorrelated fix the integration constants the first
     * identities leave. Then the Java formulas equal the Symja ones to rounding. Control: Λ0 without its last term.
     */
    private List<Row> erfPrice(double[][] c) {
        org.powerspec.symbolic.SymjaEngine symja = org.powerspec.symbolic.SymjaEngine.get();
        String[] points = {
            "{C11->9/10,C22->7/10,C33->11/10,C44->4/5,C12->3/10,C13->-1/5,C14->2/5,C23->1/10,C24->1/4,C34->7/20}",
            "{C11->2,C22->1/3,C33->5/4,C44->3,C12->1/2,C13->1/3,C14->-3/5,C23->-1/7,C24->1/5,C34->-6/5}"};
        String broken = I4.replace("+C12*C14*C23)", ")");
        // {item, left side, right side, variable differentiated (or empty)}; the other entries are substituted
        // first, so Symja differentiates a function of one variable
        String[][] identities = {
            {"Price: dI2/dC12 = E[g'g']", I2, GG, "C12"},
            {"Price: dI2/dC11 = E[g''g]/2", I2, G2G + "/2", "C11"},
            {"Price: dI4/dC34 = (4/pi^2)/sqrt det(I+C)", I4, "4/Pi^2/Sqrt[" + DET + "]", "C34"},
            {"I4 = E[g'g'] I2 for uncorrelated pairs", I4 + "/.{C13->0,C14->0,C23->0,C24->0}",
                GG + "*" + I2.replace("C11", "C33").replace("C22", "C44").replace("C12", "C34"), ""},
            {"control: dI4/dC34 with Lambda0 missing C12 C14 C23", broken, "4/Pi^2/Sqrt[" + DET + "]", "C34"}};
        List<Row> rows = new ArrayList<>();
        for (String[] id : identities) {
            double worst = 0;
            for (String point : points) {
                String left = "((" + id[1] + ")/." + point + ")";
                if (!id[3].isEmpty()) {
                    String others = point.replaceAll(id[3] + "->[^,}]+,?", "").replace(",}", "}");
                    String at = point.replaceAll(".*" + id[3] + "->([^,}]+).*", "$1");
                    left = "(D[(" + id[1] + ")/." + others + "," + id[3] + "]/." + id[3] + "->" + at + ")";
                }
                String right = "((" + id[2].replace("POINT", point) + ")/." + point + ")";
                String value = symja.eval("N[Abs[" + left + "-" + right + "],30]").toString();
                worst = Math.max(worst, Math.abs(Double.parseDouble(value.replace("*10^", "E"))));
            }
            boolean control = id[0].startsWith("control");
            rows.add(row(id[0], control, worst < 1e-25,
                    f("|difference| <= %.1e at two covariances (Symja: exact derivative, 30 digits)", worst)));
        }
        double gap = 0;
        String point = "{C11->" + c[0][0] + ",C22->" + c[1][1] + ",C33->" + c[2][2] + ",C44->" + c[3][3] + ",C12->" + c[0][1]
                + ",C13->" + c[0][2] + ",C14->" + c[0][3] + ",C23->" + c[1][2] + ",C24->" + c[1][3] + ",C34->" + c[2][3] + "}";
        double[] java = {ErfIntegrals.i2(c[0][0], c[1][1], c[0][1]), ErfIntegrals.derivDeriv(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.secondDerivValue(c[0][0], c[1][1], c[0][1]),
            ErfIntegrals.i4(c[0][0], c[1][1], c[2][2], c[3][3], c[0][1], c[0][2], c[0][3], c[1][2], c[1][3], c[2][3])};
        String[] exprs = {I2, GG, G2G, I4};
        for (int k = 0; k < 4; k++) {
            double v = symja.eval("N[" + exprs[k] + "/." + point + "]").evalf();
            gap = Math.max(gap, Math.abs(java[k] - v) / Math.abs(v));
        }
        rows.add(row("the Java closed forms = the Symja ones", false, gap < 1e-13,
                f("largest relative difference %.1e (I2, E[g'g'], E[g''g], I4)", gap)));
        return rows;
    }
}
