/**
 * The statement model every kind of check shares: a {@link org.powerspec.check.core.Statement} (name, kind, what verify expects of it) decides itself into an {@link org.powerspec.check.core.Outcome} (verdict, key figures, evidence, seconds, detail); {@link org.powerspec.check.core.Lemma} for fixed cases with controls, {@link org.powerspec.check.core.Figure} for plots as data, and the YAML reader of claim files.
 */
package org.powerspec.check.core;
