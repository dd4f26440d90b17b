package org.powerspec.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.Progress;

/**
 * Integrates {@link OrderParameterOde} from α = 0 with Hipparchus' adaptive Dormand–Prince 8(5,3) (an explicit
 * embedded Runge–Kutta pair, integrated to each requested time in turn so that every output is the end of an
 * error-controlled step, {@link DormandPrinceSampler}), or with the stabilised explicit Runge–Kutta–Chebyshev method ({@link ChebyshevIntegrator}),
 * whose stages grow like the square root of the stiffness: Hipparchus has no stiff solver, and Dormand–Prince's step
 * is bounded by ≈ 6/(ηλ_1) once the top eigenspaces have converged (see {@link Tolerances}). Either is a
 * {@link SampledIntegrator} made by {@link Integrator#create}; ε_g and the order parameters are recorded from the
 * states it hands over, in one place.
 */
public final class OdeIntegration {
    private OdeIntegration() {
    }

    /** The aggregated order parameters as extra columns: Q_ik (i ≤ k), then R_in. */
    public static List<String> orderParameterNames(int K, int M) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= K; i++) {
            for (int k = i; k <= K; k++) {
                names.add("Q_" + i + "_" + k);
            }
        }
        for (int i = 1; i <= K; i++) {
            for (int m = 1; m <= M; m++) {
                names.add("R_" + i + "_" + m);
            }
        }
        return names;
    }

    /**
     * ε_g at {@code times} (ascending, ≥ 0), and the aggregated Q, R when {@code orderParameters}.
     *
     * @throws InvalidInputException when the solution leaves the finite numbers (η too large for the spectrum)
     */
    public static LearningCurve integrate(TwoLayerModel model, OrderParameters init, double[] times, Tolerances tol,
            boolean orderParameters, Progress progress) {
        return integrate(model, init, times, tol, orderParameters, progress, false);
    }

    /**
     * As above; with {@code chebyshev} the stabilised explicit RKC method ({@link ChebyshevIntegrator}, second
     * order) replaces Dormand–Prince: far fewer evaluations where stability bounds the step (large L), at the price of
     * second-order accuracy (use a relative tolerance near 1e-6 with it).
     */
    public static LearningCurve integrate(TwoLayerModel model, OrderParameters init, double[] times, Tolerances tol,
            boolean orderParameters, Progress progress, boolean chebyshev) {
        return integrate(model, init, times, tol, orderParameters, progress, chebyshev ? Integrator.RKC : Integrator.DP853);
    }

    /**
     * ε_g (and the aggregated Q, R when {@code orderParameters}) at {@code times} by {@code method}: the integrator
     * hands the state at each output time to one recorder, which evaluates ε_g and refuses a non-finite value.
     *
     * @throws InvalidInputException when the solution leaves the finite numbers (η too large for the spectrum)
     */
    public static LearningCurve integrate(TwoLayerModel model, OrderParameters init, double[] times, Tolerances tol,
            boolean orderParameters, Progress progress, Integrator method) {
        long start = System.nanoTime();
        OrderParameterOde ode = new OrderParameterOde(model, init);
        double end = times[times.length - 1];
        double[] eg = new double[times.length];
        double[][] cols = new double[times.length][];
        List<String> names = orderParameters ? orderParameterNames(model.K(), model.M()) : List.of();
        SampledIntegrator integrator = method.create(tol);
        SampledIntegrator.Output record = (j, y) -> {
            eg[j] = ode.generalisationError(y);
            // a non-finite start is left to an integrator that stops on it by itself (its message names the cause)
            if (!Double.isFinite(eg[j]) && (times[j] > 0 || !method.stopsOnNonFiniteState())) {
                throw new InvalidInputException(diverged(model, times[j]));
            }
            cols[j] = orderParameters ? aggregated(ode, y, model) : new double[0];
        };
        try {
            integrator.integrate(ode, ode.pack(init), times, record,
                    t -> progress.update("integrating to alpha = " + end, t / end));
        } catch (org.hipparchus.exception.MathIllegalStateException | org.hipparchus.exception.MathIllegalArgumentException e) {
            throw new InvalidInputException(diverged(model, Double.NaN) + " (" + e.getMessage() + ")");
        }
        return new LearningCurve(times, eg, names, cols, integrator.steps(), integrator.evaluations(),
                (System.nanoTime() - start) / 1e9, "ODE (" + method.label() + ", abs-tol " + tol.absolute()
                + ", rel-tol " + tol.relative() + ")");
    }

    static String diverged(TwoLayerModel m, double alpha) {
        return "the order parameters diverged" + (Double.isNaN(alpha) ? "" : " by alpha = " + alpha)
                + ": eta = " + m.eta() + " is too large for lambda_1 = " + m.spectrum().get(0) + " (lower --eta)";
    }

    private static double[] aggregated(OrderParameterOde ode, double[] y, TwoLayerModel m) {
        OrderParameters p = ode.unpack(y);
        double[][] Q = p.bigQ(m.spectrum());
        double[][] R = p.bigR(m.spectrum());
        int K = m.K();
        double[] out = new double[K * (K + 1) / 2 + K * m.M()];
        int o = 0;
        for (int i = 0; i < K; i++) {
            for (int k = i; k < K; k++) {
                out[o++] = Q[i][k];
            }
        }
        for (int i = 0; i < K; i++) {
            for (int n = 0; n < m.M(); n++) {
                out[o++] = R[i][n];
            }
        }
        return out;
    }

    /**
     * The default output grid: α = 0, then {@code perDecade} log-spaced points per decade from
     * min(0.01, end/100) up to {@code end} inclusive.
     */
    public static double[] logTimes(double end, int perDecade) {
        if (!(end > 0) || !Double.isFinite(end)) {
            throw new InvalidInputException("time", end + " is not allowed: it must be positive and finite");
        }
        double first = Math.min(0.01, end / 100);
        int points = (int) Math.ceil(Math.log10(end / first) * perDecade);
        double[] t = new double[points + 2];
        for (int i = 0; i <= points; i++) {
            t[i + 1] = first * Math.pow(end / first, (double) i / points);
        }
        t[points + 1] = end;
        return t;
    }
}
