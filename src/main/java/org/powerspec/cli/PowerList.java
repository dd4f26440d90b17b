package org.powerspec.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.Activation;

/** Parses a {@code --p} value: a single power {@code 7}, a range {@code 1..12}, a list {@code 1,3,5}, or a mix. */
final class PowerList {
    private PowerList() {
    }

    static List<Integer> parse(String spec) {
        String allowed = "allowed: a whole number p from 1 to " + Activation.MAX_DEGREE
                + ", a range a..b, or a list such as 1,3,5";
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException("--p is empty: " + allowed);
        }
        Set<Integer> ps = new LinkedHashSet<>();
        for (String part : spec.split(",", -1)) {
            String t = part.trim();
            int dots = t.indexOf("..");
            if (dots >= 0) {
                int a = power(t.substring(0, dots), spec, allowed);
                int b = power(t.substring(dots + 2), spec, allowed);
                if (a > b) {
                    throw new InvalidInputException("--p '" + spec + "': the range " + t + " is empty (a..b needs a <= b)");
                }
                for (int p = a; p <= b; p++) {
                    ps.add(p);
                }
            } else {
                ps.add(power(t, spec, allowed));
            }
        }
        return new ArrayList<>(ps);
    }

    private static int power(String text, String spec, String allowed) {
        String t = text.trim();
        int p;
        try {
            p = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--p '" + spec + "': '" + t + "' is not a whole number; " + allowed);
        }
        if (p < 1 || p > Activation.MAX_DEGREE) {
            throw new InvalidInputException("--p '" + spec + "': p = " + p + " is out of range; " + allowed);
        }
        return p;
    }
}
