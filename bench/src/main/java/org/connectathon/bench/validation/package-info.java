/**
 * The validation benchmark of issue 4: Connectathon's validation service side by side
 * with a plain HAPI validator set-up, on a generated corpus of distinct IPS Bundles. See
 * {@code bench/run-validation-benchmark.sh} and {@code docs/validation.md}.
 */
package org.connectathon.bench.validation;
