/**
 * The lemmas the spectral layer rests on: the Hermite/Wick expansion (exact), the closed-form kernel against Monte Carlo, and the counting of products (Piltz divisor sums).
 */
package org.powerspec.check.lemma;
