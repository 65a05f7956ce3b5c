/**
 * The recording proxy's speed (issue 14): the engine's reference server called directly
 * and through the platform's proxy in one run, at a fixed rate and at saturation. See
 * {@code bench/run-proxy-benchmark.sh} and docs/proxy.md.
 */
package org.connectathon.bench.proxy;
