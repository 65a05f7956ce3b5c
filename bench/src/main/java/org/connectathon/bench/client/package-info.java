/**
 * What the TestScript engine adds to each exchange of a client under test.
 */
package org.connectathon.bench.client;
