package org.powerspec.dynamics;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;

/** Zero-mean Gaussian vectors with a given covariance (Cholesky factor times standard normals), seeded. */
final class GaussianSampler {
    private final double[][] l;
    private final ZigguratSampler.NormalizedGaussian z;
    private final double[] buf;

    GaussianSampler(double[][] cov, long seed) {
        l = new CholeskyDecomposition(MatrixUtils.createRealMatrix(cov)).getL().getData();
        z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, 7}));
        buf = new double[cov.length];
    }

    /** Fills {@code out} with one sample. */
    void sample(double[] out) {
        for (int i = 0; i < buf.length; i++) {
            buf[i] = z.sample();
        }
        for (int i = 0; i < buf.length; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += l[i][j] * buf[j];
            }
            out[i] = s;
        }
    }

    /** A random well-conditioned covariance of size n: A Aᵀ/n + 0.2 I with A standard normal. */
    static double[][] randomCovariance(int n, long seed) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, 3}));
        double[][] a = new double[n][n];
        for (double[] row : a) {
            for (int j = 0; j < n; j++) {
                row[j] = z.sample();
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    c[i][j] += a[i][k] * a[j][k] / n;
                }
            }
            c[i][i] += 0.2;
        }
        return c;
    }

    /** Mean and standard error of f over {@code samples} draws. */
    static double[] meanAndError(GaussianSampler s, int samples, java.util.function.ToDoubleFunction<double[]> f) {
        double[] u = new double[s.buf.length];
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < samples; i++) {
            s.sample(u);
            double v = f.applyAsDouble(u);
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / samples;
        return new double[] {mean, Math.sqrt(Math.max(sum2 / samples - mean * mean, 0) / samples)};
    }
}
