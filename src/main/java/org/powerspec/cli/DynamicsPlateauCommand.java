package org.powerspec.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.LearningCurve;
import org.powerspec.dynamics.OrderParameterFile;
import org.powerspec.dynamics.OrderParameters;
import org.powerspec.dynamics.OutputScaling;
import org.powerspec.dynamics.PlateauStudy;
import org.powerspec.dynamics.TwoLayerModel;
import org.powerspec.report.DynamicsTables;
import org.powerspec.report.Format;
import org.powerspec.report.LearningCurveReport;
import org.powerspec.report.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Outputs(value = {Format.TEXT, Format.CSV, Format.JSON, Format.MARKDOWN},
        plot = "Draw the learning curves behind the table: FILE.png or FILE.svg.")
@Command(name = "plateau",
        description = {
            "Plateau length, escape time and specialised phase over a grid of K and L.",
            "Plateau length, escape time and escape rate of the erf dynamics (K = M) over a grid of K and L, for",
            "--seeds seeds of the weights, and the specialised phase after it; times are t = steps/N.",
            "eps* = (K/pi)(pi/6 - K arcsin(1/(2K))) is Saad & Solla's symmetric plateau height for T = I, eta -> 0",
            "(unscaled outputs; divided by K with --output-scaling sqrt), eps*_eta its height at the run's eta.",
            "The band is centred on the symmetric fixed point of the run's own teacher covariance T = sum_l",
            "lambda_l t^l and eta (band_centre: Q_ik, R_in alike for every student, by the isotropic ODE on the",
            "symmetric subspace, settled and polished by Newton), since a random teacher at finite N has T != I.",
            "escape_rate mu_esc is the largest real eigenvalue of the per-eigenspace ODE's Jacobian at that fixed",
            "point (the teacher spread evenly, t^l = T/L; a secular equation of one eigenspace's size). With band b:",
            "  plateau length = total time with |eps_g - centre| <= b centre;",
            "  escape = last time with eps_g >= (1-b) centre;",
            "  specialised phase = from 2x escape until eps_g = 1e-9: fits of log eps_g against t (exponential",
            "  rate) and against log t (power-law exponent), with R^2; the better one is named.",
            "A cell (K, L) is fitted when every seed's curve entered the band, left it, and stayed at least",
            "--min-escapes escape times 1/mu_esc in it; otherwise the plateau has vanished (or not ended) and the",
            "cell is listed under not_fitted. Fits over the fitted cells, once per seed: y = C K^a L^-b for the",
            "length, the escape time and 1/mu_esc, with means and 95 % intervals over the seeds. The paper",
            "(Worschech & Rosenow, arXiv:2410.09005, per the reviewers): plateau width ~ M^2/L for large L, M with",
            "outputs scaled by 1/sqrt M, escape time ~ 1/L; with unscaled outputs the same analysis gives ~ K/L."})
final class DynamicsPlateauCommand extends PowerspecCommand {
    @Option(names = "--K", paramLabel = "LIST", defaultValue = "2..6", description = "K = M values: a..b or a list. Default: ${DEFAULT-VALUE}.")
    String ks;

    @Option(names = "--L", paramLabel = "LIST", defaultValue = "1,2,4,8,16,32", description = "L values. Default: ${DEFAULT-VALUE}.")
    String ls;

    @Option(names = "--beta", paramLabel = "B", defaultValue = "1", description = "lambda_l ~ l^-(1+B), mean 1. Default: ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--eta", paramLabel = "ETA", defaultValue = "0.1", description = "Learning rate. Default: ${DEFAULT-VALUE} (Fig. 1).")
    double eta;

    @Option(names = "--output-scaling", paramLabel = "S", defaultValue = "none", description = "none or sqrt. Default: ${DEFAULT-VALUE}.")
    String outputScaling;

    @Option(names = "--N", paramLabel = "N", defaultValue = "1024", description = "Size of the seeded initial weights, a multiple of every L. Default: ${DEFAULT-VALUE} (Fig. 1).")
    int n;

    @Option(names = "--sigma-j", paramLabel = "SJ", defaultValue = "0.01", description = "J_ij ~ N(0, SJ^2). Default: ${DEFAULT-VALUE} (Fig. 1).")
    double sigmaJ;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the weights. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--seeds", paramLabel = "S", defaultValue = "1", description = "Number of seeds: --seed, --seed + 1, ...; "
            + "lengths and fits are reported per seed and as means with 95 % intervals over seeds. Default: ${DEFAULT-VALUE}.")
    int seeds;

    @Option(names = "--init-file", paramLabel = "FILE", description = "Start from the order parameters in FILE (as for 'dynamics ode'), "
            + "one run; K = M and L come from it, and --K, --L, --N, --sigma-j, --seed, --seeds are not used.")
    java.nio.file.Path initFile;

    @Option(names = "--min-escapes", paramLabel = "X", defaultValue = "" + PlateauStudy.Settings.DEFAULT_MIN_ESCAPES,
            description = "A plateau shorter than X escape times 1/mu_esc counts as vanished and is not fitted. Default: ${DEFAULT-VALUE}.")
    double minEscapes;

    @Option(names = "--time", paramLabel = "TIME", defaultValue = "20000", description = "Integrate to this time t = steps/N. Default: ${DEFAULT-VALUE}.")
    double time;

    @Option(names = "--band", paramLabel = "B", defaultValue = "0.1", description = "Relative band around eps*, 0 < B < 1. Default: ${DEFAULT-VALUE}.")
    double band;

    @Option(names = "--per-decade", paramLabel = "P", defaultValue = "100", description = "Grid points per decade. Default: ${DEFAULT-VALUE}.")
    int perDecade;

    @Option(names = "--integrator", paramLabel = "I", defaultValue = "dp853",
            description = "dp853 (Dormand-Prince, tolerances 1e-14/1e-10) or rkc (Runge-Kutta-Chebyshev, 1e-12/1e-8: far faster "
                + "at large L, where the ODEs are stiff). Default: ${DEFAULT-VALUE}.")
    String integrator;

    @Option(names = "--length-plot", paramLabel = "FILE", description = "Also draw the plateau lengths against L (per K; against K "
            + "with one L), log-log, with the fitted law and 1/mu_esc: FILE.png or FILE.svg.")
    java.nio.file.Path lengthPlot;

    @Mixin
    PlotOutputOptions output;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        if (lengthPlot != null) {
            org.powerspec.report.LogLogPlot.checkPath(lengthPlot, "--length-plot");
            org.powerspec.report.Output.checkDistinct("--out", output.out, "--length-plot", lengthPlot);
            org.powerspec.report.Output.checkDistinct("--plot", output.plot, "--length-plot", lengthPlot);
        }
        OutputScaling scaling = OutputScaling.parse(outputScaling);
        OrderParameters init = initFile == null ? null : OrderParameterFile.read(initFile);
        List<Integer> kList = init != null ? List.of(init.K()) : PowerList.parse(ks, "--K", 1, TwoLayerModel.MAX_UNITS);
        List<Integer> lList = init != null ? List.of(init.L()) : PowerList.parse(ls, "--L", 1, EigenspaceSpectrum.MAX_L);
        for (int l : lList) {
            if (init == null && n % l != 0) {
                throw new InvalidInputException("--N " + n + " is not allowed: it must be a multiple of every L (not of " + l + ")");
            }
        }
        if (init != null && seeds != 1) {
            throw new InvalidInputException("--seeds " + seeds + " is not allowed with --init-file, which gives one initial state");
        }
        // everything is validated before the first integration: beta by the spectrum, the rest by the settings
        EigenspaceSpectrum.powerLaw(lList.get(0), beta);
        PlateauStudy.Settings s = new PlateauStudy.Settings(beta, eta, scaling, n, sigmaJ, seed, seeds, time, band, perDecade,
                Integrator.parse(integrator, "--integrator"), minEscapes);
        PlateauStudy study = init != null ? PlateauStudy.run(init, s) : PlateauStudy.run(kList, lList, s, context.progress());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("activation", "erf");
        params.put("K", kList);
        params.put("M", "K");
        params.put("L", lList);
        params.put("beta", beta);
        params.put("eta", eta);
        params.put("output_scaling", scaling.userName());
        if (init != null) {
            params.put("init_file", initFile.toString());
        } else {
            params.put("N", n);
            params.put("sigma_j", sigmaJ);
            params.put("sigma_b", 1.0);
            params.put("seed", seed);
            params.put("seeds", seeds);
        }
        params.put("time", time);
        params.put("band", band);
        params.put("min_escapes", minEscapes);
        params.put("integrator", s.integrator().userName());
        OutputSet outputs = new OutputSet().add(output.out, "--out",
                DynamicsTables.plateau(study, fmt, context.provenance(), params));
        if (output.plot != null) {
            Map<String, LearningCurve> curves = new LinkedHashMap<>();
            for (PlateauStudy.Row r : study.rows()) {
                if (r.K() == kList.get(0) && r.seed() == study.seeds().get(0)) {
                    curves.put("L = " + r.L(), r.curve());
                }
            }
            outputs.add(output.plot, "--plot", LearningCurveReport.plot("erf K = M = " + kList.get(0) + ", beta = " + beta + ", eta = " + eta + ", sigma_J = " + sigmaJ
                    + ", N = " + n + ", scaling " + scaling.userName(), curves).bytes(output.plot));
        }
        if (lengthPlot != null) {
            outputs.add(lengthPlot, "--length-plot", org.powerspec.report.PlateauPlot.of("plateau length: erf, beta = " + beta + ", eta = "
                    + eta + ", scaling " + scaling.userName() + ", " + study.seeds().size() + " seed(s)", study).bytes(lengthPlot));
        }
        context.commit(outputs);
        return 0;
    }
}
