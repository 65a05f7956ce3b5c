/**
 * Captures: the exchanges that the recording proxy forwarded between the systems of an
 * event, stored as evidence that no participant could have edited, correlated to test
 * steps and validated in the background.
 */
@NullMarked
package org.connectathon.platform.capture;

import org.jspecify.annotations.NullMarked;
