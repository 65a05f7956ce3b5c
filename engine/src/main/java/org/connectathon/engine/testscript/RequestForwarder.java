package org.connectathon.engine.testscript;

import java.io.IOException;
import java.net.URI;

/**
 * Sends a client's request on to the destination of the operation it answers. The engine
 * uses {@link HttpClientForwarder} unless it is given another: the platform gives one
 * that keeps to its outbound address policy and records each exchange as a capture.
 * Called on the thread that runs the script.
 */
@FunctionalInterface
public interface RequestForwarder {

	/**
	 * @param request what the client sent
	 * @param target the destination's base URL joined with the request's path and query
	 * @return what the destination answered
	 * @throws IOException when no answer came; the message says why, for the client and
	 * the report
	 */
	ForwardedResponse forward(ClientRequest request, URI target) throws IOException;

}
