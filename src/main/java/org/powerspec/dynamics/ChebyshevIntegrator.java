package org.powerspec.dynamics;

import java.util.Arrays;
import java.util.function.DoubleConsumer;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The second-order Runge–Kutta–Chebyshev method RKC (Sommeijer, Shampine &amp; Verwer, "RKC: an explicit solver for
 * parabolic PDEs", J. Comput. Appl. Math. 88 (1997) 315–326), for mildly stiff systems whose Jacobian has
 * eigenvalues near the negative real axis — here the per-eigenspace decay rates ∝ ηλ_ℓ, spread over L^(1+β). An
 * s-stage step is stable for h·ρ ≤ ≈ 0.653·s² (ρ the spectral radius, damping ε = 2/13), so the number of stages
 * grows like √(hρ) instead of the steps growing like ρ as for Dormand–Prince. Stages:
 * Y_0 = y, Y_1 = y + μ̃_1 h F_0, Y_j = (1 − μ_j − ν_j) y + μ_j Y_{j−1} + ν_j Y_{j−2} + μ̃_j h F(Y_{j−1}) + γ̃_j h F_0,
 * with the Chebyshev coefficients of the paper (w_0 = 1 + ε/s², w_1 = T_s′(w_0)/T_s″(w_0),
 * b_j = T_j″(w_0)/T_j′(w_0)², b_0 = b_1 = b_2, a_j = 1 − b_j T_j(w_0)); local error estimate
 * (1/15)[12(y_n − y_{n+1}) + 6h(F_n + F_{n+1})]; ρ by a nonlinear power iteration every 25 steps. Hipparchus offers
 * no stiff or stabilised explicit method, hence this one. It has no dense output: a step that would pass an output
 * time is shortened to end on it.
 */
public final class ChebyshevIntegrator extends ErrorControlledIntegrator {

    public ChebyshevIntegrator(double atol, double rtol) {
        super(atol, rtol);
    }

    private double[] f(OrdinaryDifferentialEquation ode, double t, double[] y) {
        evaluations++;
        return ode.computeDerivatives(t, y);
    }

    /** Integrates from (times[0] ≤ …) starting at y0 at t = 0, reporting the state at every requested time. */
    @Override
    public void integrate(OrdinaryDifferentialEquation ode, double[] y0, double[] times, Output out,
            DoubleConsumer progress) {
        steps = 0;
        evaluations = 0;
        double t = 0;
        double[] y = y0.clone();
        int next = 0;
        while (next < times.length && times[next] <= 0) {
            out.at(next++, y);
        }
        if (next == times.length) {
            return;
        }
        double[] fn = f(ode, t, y);
        double rho = spectralRadius(ode, t, y, fn);
        double h = Math.min(1 / rho, times[times.length - 1]) * 0.1;
        double hOld = 0;
        double errOld = 0;
        int sinceRho = 0;
        while (next < times.length) {
            double target = times[next];
            boolean clipped = t + h >= target;
            double step = clipped ? target - t : h;
            int s = Math.max(2, (int) Math.ceil(Math.sqrt(1 + 1.54 * step * rho)));
            double[] y1 = stepRkc(ode, t, y, fn, step, s);
            double[] f1 = f(ode, t + step, y1);
            double err = 0;
            for (int i = 0; i < y.length; i++) {
                double est = (12 * (y[i] - y1[i]) + 6 * step * (fn[i] + f1[i])) / 15;
                double sc = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(y1[i]));
                err += (est / sc) * (est / sc);
            }
            err = Math.sqrt(err / y.length);
            if (!Double.isFinite(err)) {
                err = 1e10;
            }
            if (err <= 1) {
                steps++;
                t = clipped ? target : t + step;
                y = y1;
                fn = f1;
                if (clipped) {
                    out.at(next++, y);
                    while (next < times.length && times[next] <= t) {
                        out.at(next++, y);
                    }
                }
                progress.accept(t);
                // step-size proposal of the RKC paper (with the previous error, a PI-like rule)
                double fac = 0.8 / Math.cbrt(err == 0 ? 1e-10 : err);
                if (hOld > 0 && errOld > 0) {
                    fac = Math.min(fac, 0.8 * (step / hOld) * Math.cbrt(errOld / Math.max(err * err, 1e-300)));
                }
                hOld = step;
                errOld = err;
                h = step * Math.min(10, Math.max(0.1, fac));
                if (++sinceRho >= 25) {
                    rho = spectralRadius(ode, t, y, fn);
                    sinceRho = 0;
                }
            } else {
                h = step * Math.max(0.1, 0.8 / Math.cbrt(err));
                rho = spectralRadius(ode, t, y, fn);
            }
            // (negated: a NaN step size, from a state or derivative that is not finite, must stop too)
            if (!(h >= 1e-14 * Math.max(1, t))) {
                throw new org.powerspec.InvalidInputException("RKC: the step size fell to " + h + " at alpha = " + t
                        + " (the solution is not smooth enough for this tolerance)");
            }
        }
    }

    /** One RKC step of length h with s stages from y (F_0 = fn). */
    double[] stepRkc(OrdinaryDifferentialEquation ode, double t, double[] y, double[] fn, double h, int s) {
        double eps = 2.0 / 13;
        double w0 = 1 + eps / ((double) s * s);
        // T_j, T_j', T_j'' at w0 for j = 0..s
        double[] tc = new double[s + 1];
        double[] td = new double[s + 1];
        double[] tdd = new double[s + 1];
        tc[0] = 1;
        tc[1] = w0;
        td[1] = 1;
        for (int j = 2; j <= s; j++) {
            tc[j] = 2 * w0 * tc[j - 1] - tc[j - 2];
            td[j] = 2 * tc[j - 1] + 2 * w0 * td[j - 1] - td[j - 2];
            tdd[j] = 4 * td[j - 1] + 2 * w0 * tdd[j - 1] - tdd[j - 2];
        }
        double w1 = td[s] / tdd[s];
        double[] b = new double[s + 1];
        for (int j = 2; j <= s; j++) {
            b[j] = tdd[j] / (td[j] * td[j]);
        }
        b[0] = b[2];
        b[1] = b[2];
        int n = y.length;
        double[] yjm2 = y.clone();
        double[] yjm1 = new double[n];
        double mut1 = b[1] * w1;
        for (int i = 0; i < n; i++) {
            yjm1[i] = y[i] + mut1 * h * fn[i];
        }
        if (s == 1) {
            return yjm1;
        }
        double[] yj = new double[n];
        // stage times t + c_j h, c_j from the scheme applied to y' = 1: c_1 = mut1, c_j = mu c_{j-1} + nu c_{j-2} + mut + gt
        double cjm2 = 0;
        double cjm1 = mut1;
        for (int j = 2; j <= s; j++) {
            double mu = 2 * b[j] * w0 / b[j - 1];
            double nu = -b[j] / b[j - 2];
            double mut = 2 * b[j] * w1 / b[j - 1];
            double ajm1 = 1 - b[j - 1] * tc[j - 1];
            double gt = -ajm1 * mut;
            double[] fj = f(ode, t + cjm1 * h, yjm1);
            for (int i = 0; i < n; i++) {
                yj[i] = (1 - mu - nu) * y[i] + mu * yjm1[i] + nu * yjm2[i] + mut * h * fj[i] + gt * h * fn[i];
            }
            double cj = mu * cjm1 + nu * cjm2 + mut + gt;
            cjm2 = cjm1;
            cjm1 = cj;
            double[] tmp = yjm2;
            yjm2 = yjm1;
            yjm1 = yj;
            yj = tmp;
        }
        return yjm1;
    }

    /** ρ(∂F/∂y) by a nonlinear power iteration (RKC's rkcrho), times a safety factor 1.2. */
    double spectralRadius(OrdinaryDifferentialEquation ode, double t, double[] y, double[] fy) {
        int n = y.length;
        double ynorm = Math.sqrt(Arrays.stream(y).map(v -> v * v).sum());
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = fy[i] + (i % 2 == 0 ? 1e-3 : -1e-3) * (Math.abs(y[i]) + 1e-8);
        }
        double vnorm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
        double dy = Math.sqrt(1e-16) * Math.max(ynorm, 1e-8);
        double rho = 0;
        for (int it = 0; it < 20; it++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = y[i] + dy * v[i] / vnorm;
            }
            double[] fz = f(ode, t, z);
            double nrm = 0;
            for (int i = 0; i < n; i++) {
                v[i] = fz[i] - fy[i];
                nrm += v[i] * v[i];
            }
            nrm = Math.sqrt(nrm);
            double rhoOld = rho;
            rho = nrm / dy;
            vnorm = nrm;
            if (nrm == 0) {
                break;
            }
            if (it >= 3 && Math.abs(rho - rhoOld) <= 0.01 * Math.max(rho, rhoOld)) {
                break;
            }
        }
        if (Double.isNaN(rho)) {
            throw new org.powerspec.InvalidInputException("RKC: the derivative is not finite at alpha = " + t
                    + " (the state has left the region where the equations are defined)");
        }
        return 1.2 * Math.max(rho, 1e-10);
    }
}
