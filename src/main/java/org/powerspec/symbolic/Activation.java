package org.powerspec.symbolic;

import org.powerspec.InvalidInputException;

/**
 * A polynomial activation f of a random feature: either the monomial f(y) = y^p of the random-feature theorem or a
 * general polynomial with rational coefficients given by the user.
 *
 * @param label      how f is shown to the user, e.g. {@code y^3} or the polynomial as the user typed it
 * @param polynomial f itself, exact
 * @param monomial   true when f(y) = y^p exactly, p = {@code polynomial.degree()}
 */
public record Activation(String label, Polynomial polynomial, boolean monomial) {

    /** The largest power accepted anywhere: tables beyond it are unreadable and nothing in the theory needs them. */
    public static final int MAX_DEGREE = 200;

    public Activation {
        if (polynomial.degree() < 1) {
            throw new InvalidInputException("activation '" + label + "' has degree " + polynomial.degree()
                    + ": a polynomial activation must have degree >= 1");
        }
        if (polynomial.degree() > MAX_DEGREE) {
            throw new InvalidInputException("activation '" + label + "' has degree " + polynomial.degree()
                    + ": at most " + MAX_DEGREE + " is allowed");
        }
    }

    /** f(y) = y^p, p ≥ 1. */
    public static Activation monomial(int p) {
        if (p < 1 || p > MAX_DEGREE) {
            throw new InvalidInputException("p = " + p + " is not allowed: p must be a whole number from 1 to " + MAX_DEGREE);
        }
        return new Activation("y^" + p, Polynomial.monomial(p), true);
    }

    /** A general polynomial activation; {@code source} is what the user wrote. */
    public static Activation polynomial(String source, Polynomial f) {
        return new Activation(source, f, false);
    }

    /** The degree of f (p for a monomial). */
    public int degree() {
        return polynomial.degree();
    }
}
