/**
 * Spectral claims: c·rate(j) ≤ λ_j(K) ≤ C·rate(j) over a j-range, judged j by j on certified intervals at every (d, seed) of a sweep, with the drift of the ratio's extremes in d, the effective rate, the head's end, limit claims on the d → ∞ oracle and chained verdicts through it.
 */
package org.powerspec.check.spectral;
