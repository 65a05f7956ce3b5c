/**
 * The scale benchmark of issue 5: a generated event of 500 systems and 50,000 test
 * instances, served by the real platform jar on H2 or PostgreSQL and measured over HTTP.
 * See {@code bench/run-event-scale-benchmark.sh} and README.md.
 */
package org.connectathon.bench.scale;
