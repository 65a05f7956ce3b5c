/**
 * The reference server's search benchmark (issue 13): 100,000 resources, token, reference
 * and chained searches with {@code _include} over HTTP.
 */
package org.connectathon.bench.search;
