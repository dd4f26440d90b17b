package org.powerspec.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.powerspec.InvalidInputException;
import org.powerspec.symbolic.Activation;

/**
 * Parses a {@code --p} value: a single power {@code 7}, a range {@code 1..12}, a list {@code 1,3,5}, or a mix; the
 * same syntax serves other whole-number lists ({@code dynamics plateau --K 2..6 --L 1,2,4}).
 */
final class PowerList {
    private PowerList() {
    }

    static List<Integer> parse(String spec) {
        return parse(spec, "--p", 1, Activation.MAX_DEGREE);
    }

    /** Whole numbers from {@code min} to {@code max} for {@code option}, as a single value, range a..b or list. */
    static List<Integer> parse(String spec, String option, int min, int max) {
        String letter = option.replaceFirst("^--", "");
        String allowed = "allowed: a whole number " + letter + " from " + min + " to " + max
                + ", a range a..b, or a list such as 1,3,5";
        if (spec == null || spec.isBlank()) {
            throw new InvalidInputException(option + " is empty: " + allowed);
        }
        Set<Integer> ps = new LinkedHashSet<>();
        for (String part : spec.split(",", -1)) {
            String t = part.trim();
            int dots = t.indexOf("..");
            if (dots >= 0) {
                int a = power(t.substring(0, dots), spec, allowed, option, min, max);
                int b = power(t.substring(dots + 2), spec, allowed, option, min, max);
                if (a > b) {
                    throw new InvalidInputException(option + " '" + spec + "': the range " + t + " is empty (a..b needs a <= b)");
                }
                for (int p = a; p <= b; p++) {
                    ps.add(p);
                }
            } else {
                ps.add(power(t, spec, allowed, option, min, max));
            }
        }
        return new ArrayList<>(ps);
    }

    private static int power(String text, String spec, String allowed, String option, int min, int max) {
        String t = text.trim();
        int p;
        try {
            p = Integer.parseInt(t);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(option + " '" + spec + "': '" + t + "' is not a whole number; " + allowed);
        }
        if (p < min || p > max) {
            throw new InvalidInputException(option + " '" + spec + "': " + option.replaceFirst("^--", "") + " = " + p + " is out of range; " + allowed);
        }
        return p;
    }
}
