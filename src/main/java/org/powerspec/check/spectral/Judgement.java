package org.powerspec.check.spectral;

import org.powerspec.check.core.Verdict;

/**
 * A verdict with the sentence that justifies it: the witness of a failure, the reason a claim is undecided, or the
 * summary of what held.
 */
record Judgement(Verdict verdict, String evidence) {
}
