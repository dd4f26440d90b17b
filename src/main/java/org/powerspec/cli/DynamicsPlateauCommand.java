package org.powerspec.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.powerspec.InvalidInputException;
import org.powerspec.dynamics.EigenspaceSpectrum;
import org.powerspec.dynamics.Integrator;
import org.powerspec.dynamics.LearningCurve;
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
            "Plateau length and escape time of the erf dynamics (K = M, T ~ I) over a grid of K and L, and the",
            "specialised phase after it; times are t = steps/N. eps* = (K/pi)(pi/6 - K arcsin(1/(2K))) is Saad &",
            "Solla's symmetric plateau height for eta -> 0 (unscaled outputs; divided by K with --output-scaling",
            "sqrt); eps*_eta the height at the run's eta (the isotropic ODE on the symmetric subspace, settled),",
            "which the band is centred on. With band b:",
            "  plateau length = total time with |eps_g - eps*_eta| <= b eps*_eta;",
            "  escape = last time with eps_g >= (1-b) eps*_eta;",
            "  specialised phase = from 2x escape until eps_g = 1e-9: fits of log eps_g against t (exponential",
            "  rate) and against log t (power-law exponent), with R^2; the better one is named.",
            "Fit over the grid: log(length) = c + a log L + b log K. The paper (Worschech & Rosenow,",
            "arXiv:2410.09005, per the reviewers): plateau width ~ M^2/L for large L, M with outputs scaled by",
            "1/sqrt M, escape time ~ 1/L; with unscaled outputs the same analysis gives ~ K/L."})
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

    @Mixin
    PlotOutputOptions output;

    @Override
    public Integer call() {
        Format fmt = output.checked();
        List<Integer> kList = PowerList.parse(ks, "--K", 1, TwoLayerModel.MAX_UNITS);
        List<Integer> lList = PowerList.parse(ls, "--L", 1, EigenspaceSpectrum.MAX_L);
        OutputScaling scaling = OutputScaling.parse(outputScaling);
        for (int l : lList) {
            if (n % l != 0) {
                throw new InvalidInputException("--N " + n + " is not allowed: it must be a multiple of every L (not of " + l + ")");
            }
        }
        // everything is validated before the first integration: beta by the spectrum, the rest by the settings
        EigenspaceSpectrum.powerLaw(lList.get(0), beta);
        PlateauStudy.Settings s = new PlateauStudy.Settings(beta, eta, scaling, n, sigmaJ, seed, time, band, perDecade,
                Integrator.parse(integrator, "--integrator"));
        PlateauStudy study = PlateauStudy.run(kList, lList, s, context.progress());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("activation", "erf");
        params.put("K", kList);
        params.put("M", "K");
        params.put("L", lList);
        params.put("beta", beta);
        params.put("eta", eta);
        params.put("output_scaling", scaling.userName());
        params.put("N", n);
        params.put("sigma_j", sigmaJ);
        params.put("sigma_b", 1.0);
        params.put("seed", seed);
        params.put("time", time);
        params.put("band", band);
        params.put("integrator", s.integrator().userName());
        OutputSet outputs = new OutputSet().add(output.out, "--out",
                DynamicsTables.plateau(study, fmt, context.provenance(), params));
        if (output.plot != null) {
            Map<String, LearningCurve> curves = new LinkedHashMap<>();
            for (PlateauStudy.Row r : study.rows()) {
                if (r.K() == kList.get(0)) {
                    curves.put("L = " + r.L(), r.curve());
                }
            }
            outputs.add(output.plot, "--plot", LearningCurveReport.plot("erf K = M = " + kList.get(0) + ", beta = " + beta + ", eta = " + eta + ", sigma_J = " + sigmaJ
                    + ", N = " + n + ", scaling " + scaling.userName(), curves).bytes(output.plot));
        }
        context.commit(outputs);
        return 0;
    }
}
