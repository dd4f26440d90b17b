package org.powerspec.dynamics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;

/**
 * The actual one-pass SGD on the actual network at finite N: each step draws a fresh ξ = Σ^(1/2) z, z ~ N(0, I_N)
 * (XoShiRo256++ seeded by (seed, 1), ziggurat normals), and applies J_i ← J_i + (η/√N)·δ_i·P_tr ξ with
 * δ_i = c_K g′(x_i)(τ − σ). At each requested α it stops after round(αN) steps and computes ε_g exactly from the
 * order parameters of the current weights ({@link GeneralisationError}), so the only randomness left is the SGD's
 * own; the curve reports the time actually reached, round(αN)/N ({@link #stepTimes}).
 */
public final class SgdSimulation {
    /** Simulations above this many multiply-adds (about an hour on one core) are refused. */
    public static final double MAX_WORK = 2e13;

    private SgdSimulation() {
    }

    /** The multiply-adds of SGD at input dimension N to time t: t*N steps of N(2K+M+2) each. */
    public static double work(int N, double time, TwoLayerModel m) {
        return time * N * (double) N * (2 * m.K() + m.M() + 2);
    }

    /** The times SGD reaches at input dimension N when asked for {@code times}: round(αN)/N. */
    public static double[] stepTimes(double[] times, int N) {
        double[] out = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            out[i] = Math.round(times[i] * N) / (double) N;
        }
        return out;
    }

    public static LearningCurve run(TwoLayerModel model, Weights init, double[] times, long seed, Progress progress) {
        long start = System.nanoTime();
        if (init.L() != model.L()) {
            throw new InvalidInputException("weights have L = " + init.L() + " eigenspaces, the model " + model.L());
        }
        Weights.requireMemory(model.K(), model.M(), init.N(), 2);
        Weights wts = init.copy();
        double[][] J = wts.J();
        double[][] B = wts.B();
        int N = wts.N();
        int K = model.K();
        int M = model.M();
        int width = N / model.L();
        int trainedCoords = model.trainable() * width;
        double[] sqrtLambda = new double[N];
        for (int j = 0; j < N; j++) {
            sqrtLambda[j] = Math.sqrt(model.spectrum().get(j / width));
        }
        double cK = model.studentFactor();
        double cM = model.teacherFactor();
        double invSqrtN = 1 / Math.sqrt(N);
        double step = model.eta() * invSqrtN;
        Nonlinearity g = model.g();
        UniformRandomProvider source = RandomSource.XO_SHI_RO_256_PP.create(new long[] {seed, 1});
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(source);
        double[] xi = new double[N];
        double[] x = new double[K];
        double[] delta = new double[K];
        double[] eg = new double[times.length];
        long done = 0;
        long total = Math.round(times[times.length - 1] * N);
        for (int r = 0; r < times.length; r++) {
            long target = Math.round(times[r] * N);
            for (; done < target; done++) {
                for (int j = 0; j < N; j++) {
                    xi[j] = sqrtLambda[j] * z.sample();
                }
                double sigma = 0;
                for (int i = 0; i < K; i++) {
                    x[i] = dot(J[i], xi) * invSqrtN;
                    sigma += g.value(x[i]);
                }
                double tau = 0;
                for (int n = 0; n < M; n++) {
                    tau += g.value(dot(B[n], xi) * invSqrtN);
                }
                double err = cM * tau - cK * sigma;
                for (int i = 0; i < K; i++) {
                    delta[i] = step * cK * g.derivative(x[i]) * err;
                    double[] Ji = J[i];
                    double d = delta[i];
                    for (int j = 0; j < trainedCoords; j++) {
                        Ji[j] += d * xi[j];
                    }
                }
                if ((done & 1023) == 0) {
                    progress.update("SGD to alpha = " + times[times.length - 1], (double) done / Math.max(total, 1));
                }
            }
            eg[r] = GeneralisationError.of(model, wts.orderParameters());
            if (!Double.isFinite(eg[r])) {
                throw new InvalidInputException("SGD diverged by alpha = " + times[r] + ": eta = " + model.eta() + " is too large");
            }
        }
        return new LearningCurve(stepTimes(times, N), eg, java.util.List.of(), new double[times.length][0], done, 0,
                (System.nanoTime() - start) / 1e9, "SGD simulation, N = " + N + ", seed " + seed);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
