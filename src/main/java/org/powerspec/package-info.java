/**
 * powerspec: symbolic–numeric verification of power-law spectra of random-feature kernels.
 *
 * <p>Layers, with data flowing one way: {@code symbolic} (exact Hermite/Wick algebra) → {@code check} (lemmas,
 * claims, verdicts) → {@code report} (tables in text, CSV, LaTeX, JSON) → {@code cli} (parsing and delegation only).
 */
package org.powerspec;
