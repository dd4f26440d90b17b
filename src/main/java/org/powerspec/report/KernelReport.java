package org.powerspec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.powerspec.symbolic.KernelClosedForm;

/** The closed-form Gaussian kernel of an activation, as text for people or JSON for scripts. */
public final class KernelReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KernelReport() {
    }

    public static String render(KernelClosedForm k, Format format, String provenance) {
        return switch (format) {
            case TEXT -> text(k, provenance);
            case JSON -> json(k);
            default -> throw new IllegalArgumentException("kernels are not written as " + format.userName());
        };
    }

    private static String text(KernelClosedForm k, String provenance) {
        return "# " + provenance + "\n"
                + "f(y) = " + k.activation().label() + "\n"
                + "E[f(u) f(v)] for jointly Gaussian (u, v), Var u = sa^2, Var v = sb^2, Cov(u, v) = c:\n"
                + "  Symja: " + k.kernelSymja() + "\n"
                + "  LaTeX: " + k.kernelLatex() + "\n"
                + "kappa(rho) = E[f(z) f(z')] at unit variances and correlation rho:\n"
                + "  Symja: " + k.kappaSymja() + "\n"
                + "  LaTeX: " + k.kappaLatex() + "\n";
    }

    private static String json(KernelClosedForm k) {
        ObjectNode o = JSON.createObjectNode();
        o.put("activation", k.activation().label());
        o.put("degree", k.activation().degree());
        o.put("variables", "sa^2 = Var u, sb^2 = Var v, c = Cov(u,v); rho = correlation at unit variances");
        o.put("kernel", k.kernelSymja());
        o.put("kernel_latex", k.kernelLatex());
        o.put("kappa", k.kappaSymja());
        o.put("kappa_latex", k.kappaLatex());
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
