/**
 * The recording proxy and its captures: the exchanges that the recording proxy forwarded
 * between the systems of an event, stored as evidence that no participant could have
 * edited, correlated to test steps and validated in the background.
 */
@NullMarked
package org.connectathon.platform.proxy;

import org.jspecify.annotations.NullMarked;
