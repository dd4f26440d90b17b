package org.powerspec.numeric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * All d eigenvalues of a random-feature covariance K, sorted descending, each with an absolute error bound.
 * Eigenvalue j is hi[j] + lo[j] (lo is zero in double precision). An eigenvalue whose magnitude is below its error
 * bound is unreliable: its sign and size are not determined at this precision.
 *
 * @param spec       the parameters
 * @param sketch     where W came from
 * @param method     the arithmetic and solver used
 * @param hi         eigenvalues (leading parts), descending
 * @param lo         trailing parts (double-double), zero in double precision
 * @param errorBound absolute error bound of each eigenvalue
 * @param seconds    wall-clock seconds per stage, in order
 * @param warnings   things the user should know about this spectrum
 */
public record Spectrum(SpectrumSpec spec, String sketch, String method, double[] hi, double[] lo, double[] errorBound,
                       Map<String, Double> seconds, List<String> warnings) {

    public Spectrum {
        hi = hi.clone();
        lo = lo.clone();
        errorBound = errorBound.clone();
        seconds = Map.copyOf(seconds);
        warnings = List.copyOf(warnings);
    }

    public int size() {
        return hi.length;
    }

    /** λ_j (1-based j) in double. */
    public double eigenvalue(int j) {
        return hi[j - 1] + lo[j - 1];
    }

    /** λ_j's error bound (1-based j). */
    public double bound(int j) {
        return errorBound[j - 1];
    }

    /** λ_j exactly as computed (hi + lo), as a decimal. */
    public BigDecimal exact(int j) {
        return new BigDecimal(hi[j - 1]).add(new BigDecimal(lo[j - 1]));
    }

    /** Whether |λ_j| exceeds its error bound. */
    public boolean reliable(int j) {
        return Math.abs(eigenvalue(j)) > bound(j);
    }

    /** λ_j with all its significant digits: 17 in double precision, 32 in double-double. */
    public String format(int j) {
        int digits = spec.precision().digits();
        BigDecimal x = exact(j).round(new MathContext(digits));
        if (x.signum() == 0) {
            return "0";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", x);
        return s;
    }

    /** Stage timings in the order they ran, for display: the map itself keeps no order. */
    public static final List<String> STAGES = List.of("gram", "kernel", "eigenvalues");
}
