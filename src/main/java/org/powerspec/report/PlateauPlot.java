package org.powerspec.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.powerspec.dynamics.PlateauStudy;

/**
 * The plateau lengths of a {@link PlateauStudy} on log–log axes: for each K, the geometric mean over seeds of the
 * length against L (against K when one L is studied) — filled circles where the cell is fitted, crosses where the
 * plateau has vanished or not ended — with the fitted law C·K^a·L^(−b) drawn through the fitted range and 1/μ_esc
 * (the escape time from the Jacobian at the symmetric fixed point) dashed beside it, so the plateau's length is seen
 * in units of the escape time.
 */
public final class PlateauPlot {
    private PlateauPlot() {
    }

    public static LogLogPlot of(String title, PlateauStudy study) {
        List<Integer> ks = study.cells().stream().map(PlateauStudy.Cell::K).distinct().toList();
        List<Integer> ls = study.cells().stream().map(PlateauStudy.Cell::L).distinct().toList();
        boolean againstK = ls.size() < 2;
        LogLogPlot plot = new LogLogPlot(title, againstK ? "K" : "L", "plateau length (geometric mean over seeds)");
        PlateauStudy.Law law = study.lengthFit();
        int colour = 0;
        for (int k : againstK ? List.of(ks.get(0)) : ks) {
            List<PlateauStudy.Cell> cells = study.cells().stream().filter(c -> againstK || c.K() == k).toList();
            double[] x = cells.stream().mapToDouble(c -> againstK ? c.K() : c.L()).toArray();
            double[] len = cells.stream().mapToDouble(PlateauStudy.Cell::length).toArray();
            double[] esc = cells.stream().mapToDouble(c -> 1 / c.escapeRate()).toArray();
            Color col = LogLogPlot.colour(colour++);
            String label = againstK ? "L = " + ls.get(0) : "K = " + k;
            double[] fx = cells.stream().filter(PlateauStudy.Cell::usable).mapToDouble(c -> againstK ? c.K() : c.L()).toArray();
            double[] fy = cells.stream().filter(PlateauStudy.Cell::usable).mapToDouble(PlateauStudy.Cell::length).toArray();
            double[] vx = cells.stream().filter(c -> !c.usable()).mapToDouble(c -> againstK ? c.K() : c.L()).toArray();
            double[] vy = cells.stream().filter(c -> !c.usable()).mapToDouble(PlateauStudy.Cell::length).toArray();
            plot.points("length, " + label, fx, fy, col, SeriesMarkers.CIRCLE);
            if (vx.length > 0) {
                plot.points("no plateau (not fitted), " + label, vx, vy, col, SeriesMarkers.CROSS);
            }
            plot.guide("1/mu_esc, " + label, x, esc, col, true);
            if (law.fitted() && fx.length >= 2) {
                double[] fit = new double[fx.length];
                for (int i = 0; i < fx.length; i++) {
                    double kk = againstK ? fx[i] : k;
                    double ll = againstK ? ls.get(0) : fx[i];
                    fit[i] = Math.exp(law.logC() + (Double.isNaN(law.a()) ? 0 : law.a() * Math.log(kk))
                            - (Double.isNaN(law.b()) ? 0 : law.b() * Math.log(ll)));
                }
                plot.guide("fitted law, " + label, fx, fit, col, false);
            }
        }
        if (law.fitted()) {
            plot.note(String.format(Locale.ROOT, "fit: length = %.4g%s%s", Math.exp(law.logC()),
                    Double.isNaN(law.a()) ? "" : String.format(Locale.ROOT, " K^%.3f", law.a()),
                    Double.isNaN(law.b()) ? "" : String.format(Locale.ROOT, " L^-%.3f", law.b())));
        }
        return plot;
    }
}
