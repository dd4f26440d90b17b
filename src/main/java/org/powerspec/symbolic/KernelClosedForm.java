package org.powerspec.symbolic;

/**
 * The closed forms of one activation's Gaussian kernel, expanded by Symja and ready to paste:
 * E[f(u)f(v)] as a polynomial in {@code sa, sb, c} (Var u = sa², Var v = sb², Cov(u,v) = c) and
 * κ(ρ) = E[f(z)f(z′)] at unit variances and correlation ρ, each in Symja input form and in LaTeX.
 *
 * @param activation  f
 * @param kernel      the exact polynomial the closed forms print
 * @param kernelSymja E[f(u)f(v)], Symja input form
 * @param kernelLatex E[f(u)f(v)], LaTeX
 * @param kappaSymja  κ(ρ), Symja input form
 * @param kappaLatex  κ(ρ), LaTeX
 */
public record KernelClosedForm(Activation activation, KernelPolynomial kernel, String kernelSymja, String kernelLatex,
                               String kappaSymja, String kappaLatex) {

    /** Derives both closed forms from the chaos expansion (see {@link KernelPolynomial}). */
    public static KernelClosedForm of(ChaosExpansion expansion, SymjaEngine symja) {
        KernelPolynomial k = KernelPolynomial.of(expansion);
        String kappa = expansion.kappa().toSymja("rho");
        return new KernelClosedForm(expansion.activation(), k, symja.expand(k.toSymja()), symja.latex(k.toSymja()),
                symja.expand(kappa), symja.latex(kappa));
    }
}
