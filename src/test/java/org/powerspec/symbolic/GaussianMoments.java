package org.powerspec.symbolic;

import org.hipparchus.fraction.BigFraction;

/** Test-side truth: E[P(z)] for z ~ N(0,1) and a polynomial P, straight from the moments E[z^n] = (n−1)!!. */
final class GaussianMoments {
    private GaussianMoments() {
    }

    static BigFraction expectation(Polynomial p) {
        BigFraction sum = BigFraction.ZERO;
        for (int n = 0; n <= p.degree(); n++) {
            sum = sum.add(p.coefficient(n).multiply(Rationals.gaussianMoment(n)));
        }
        return sum;
    }

    static Polynomial product(Polynomial a, Polynomial b) {
        Polynomial r = Polynomial.ZERO;
        for (int n = 0; n <= a.degree(); n++) {
            Polynomial term = b.multiply(a.coefficient(n));
            for (int i = 0; i < n; i++) {
                term = term.shift();
            }
            r = r.add(term);
        }
        return r;
    }
}
