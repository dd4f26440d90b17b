package org.powerspec.check.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.stat.regression.OLSMultipleLinearRegression;
import org.powerspec.check.spectral.ClaimResult.Fit;
import org.powerspec.check.spectral.ClaimResult.Run;

/**
 * The effective rate at the largest usable d: log λ_j = log C − α·log j + α·β·log log(j+1) fitted by least squares over
 * the range (all seeds pooled), giving (α̂, β̂) with 95 % intervals (β̂ by the delta method), to set against the claim's
 * exponents.
 */
final class RateFit {
    private RateFit() {
    }

    static Fit fit(List<Run> runs) {
        int best = -1;
        for (Run r : runs) {
            if (r.measured() >= 4) {
                best = Math.max(best, r.d());
            }
        }
        if (best < 0) {
            return null;
        }
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Run r : runs) {
            if (r.d() != best) {
                continue;
            }
            for (int i = 0; i < r.js().length; i++) {
                int j = r.js()[i];
                double l = r.eigenvalues()[i];
                if (l > 0 && !r.bounded()[i]) {
                    x.add(new double[] {Math.log(j), Math.log(Math.log(j + 1))});
                    y.add(Math.log(l));
                }
            }
        }
        if (y.size() < 5 || new TreeSet<>(x.stream().map(a -> a[0]).toList()).size() < 4) {
            return null;
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
        double[] b;
        RealMatrix cov;
        try {
            b = ols.estimateRegressionParameters();
            // (XᵀX)⁻¹ times the residual variance: the parameters' covariance
            cov = new Array2DRowRealMatrix(ols.estimateRegressionParametersVariance())
                    .scalarMultiply(ols.estimateErrorVariance());
        } catch (RuntimeException singular) {
            return null;
        }
        double t = new TDistribution(Math.max(1, y.size() - 3)).inverseCumulativeProbability(0.975);
        double alpha = -b[1];
        double seA = Math.sqrt(cov.getEntry(1, 1));
        double beta = -b[2] / b[1];
        double dB2 = -1 / b[1];
        double dB1 = b[2] / (b[1] * b[1]);
        double varBeta = dB2 * dB2 * cov.getEntry(2, 2) + dB1 * dB1 * cov.getEntry(1, 1) + 2 * dB1 * dB2 * cov.getEntry(1, 2);
        double seB = Math.sqrt(Math.max(0, varBeta));
        return new Fit(best, y.size(), alpha, alpha - t * seA, alpha + t * seA, beta, beta - t * seB, beta + t * seB);
    }
}
