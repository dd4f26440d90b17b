package org.powerspec.symbolic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * A univariate polynomial a_0 + a_1 y + … + a_n y^n with exact rational coefficients, stored without trailing zeros
 * (the zero polynomial has no coefficients and degree −1). Immutable.
 *
 * @param coefficients a_0, a_1, …, a_n, in increasing powers
 */
public record Polynomial(List<BigFraction> coefficients) {

    public Polynomial {
        List<BigFraction> c = new ArrayList<>(coefficients);
        while (!c.isEmpty() && c.get(c.size() - 1).signum() == 0) {
            c.remove(c.size() - 1);
        }
        coefficients = Collections.unmodifiableList(c);
    }

    public static final Polynomial ZERO = new Polynomial(List.of());
    public static final Polynomial ONE = new Polynomial(List.of(BigFraction.ONE));

    /** y^p. */
    public static Polynomial monomial(int p) {
        List<BigFraction> c = new ArrayList<>(Collections.nCopies(p + 1, BigFraction.ZERO));
        c.set(p, BigFraction.ONE);
        return new Polynomial(c);
    }

    /** The degree n, or −1 for the zero polynomial. */
    public int degree() {
        return coefficients.size() - 1;
    }

    /** a_n, zero beyond the degree. */
    public BigFraction coefficient(int n) {
        return n >= 0 && n < coefficients.size() ? coefficients.get(n) : BigFraction.ZERO;
    }

    public boolean isZero() {
        return coefficients.isEmpty();
    }

    public Polynomial add(Polynomial o) {
        int n = Math.max(coefficients.size(), o.coefficients.size());
        List<BigFraction> c = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            c.add(coefficient(i).add(o.coefficient(i)));
        }
        return new Polynomial(c);
    }

    public Polynomial multiply(BigFraction s) {
        List<BigFraction> c = new ArrayList<>(coefficients.size());
        for (BigFraction a : coefficients) {
            c.add(a.multiply(s));
        }
        return new Polynomial(c);
    }

    /** y·P(y). */
    public Polynomial shift() {
        if (isZero()) {
            return this;
        }
        List<BigFraction> c = new ArrayList<>(coefficients.size() + 1);
        c.add(BigFraction.ZERO);
        c.addAll(coefficients);
        return new Polynomial(c);
    }

    /** The polynomial in Symja input syntax in the variable {@code var}, e.g. {@code (-3)*y+1*y^3}. */
    public String toSymja(String var) {
        if (isZero()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        for (int n = 0; n < coefficients.size(); n++) {
            BigFraction a = coefficients.get(n);
            if (a.signum() == 0) {
                continue;
            }
            if (s.length() > 0) {
                s.append('+');
            }
            s.append(Rationals.symja(a));
            if (n > 0) {
                s.append('*').append(var);
            }
            if (n > 1) {
                s.append('^').append(n);
            }
        }
        return s.toString();
    }
}
