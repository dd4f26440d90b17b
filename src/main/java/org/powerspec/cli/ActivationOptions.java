package org.powerspec.cli;

import java.util.List;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.Activation;
import org.powerspec.symbolic.SymjaEngine;
import picocli.CommandLine.Option;

/** The activation(s) a command works on: monomials y^p by {@code --p}, or one polynomial by {@code --f}. */
final class ActivationOptions {
    @Option(names = "--p", paramLabel = "P",
            description = "Power p of f(y) = y^p, 1 <= p <= 200 (the commands that take several also accept a range a..b or a list 1,3,5).")
    String powers;

    @Option(names = "--f", paramLabel = "POLY",
            description = "A polynomial activation in y with exact rational coefficients, Symja syntax, e.g. \"y^3-3*y\" or \"2*y^2+y\".")
    String polynomial;

    /** The single activation a command works on; a list or range of p is refused. */
    Activation single() {
        List<Activation> all = activations();
        if (all.size() != 1) {
            throw new InvalidInputException("--p '" + powers + "' names " + all.size() + " powers: give a single p");
        }
        return all.get(0);
    }

    /** The activations, parsed and validated; Symja is started only for {@code --f}. */
    List<Activation> activations() {
        if (polynomial != null) {
            return List.of(Activation.polynomial(polynomial.trim(), SymjaEngine.get().parsePolynomial(polynomial, "y")));
        }
        return PowerList.parse(powers).stream().map(Activation::monomial).toList();
    }
}
