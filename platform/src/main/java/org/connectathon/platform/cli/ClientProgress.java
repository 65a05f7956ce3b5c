package org.connectathon.platform.cli;

import java.io.PrintWriter;
import java.net.URI;

import org.connectathon.engine.testscript.RunProgressListener;

/**
 * Tells the tester at the console what the run waits for from a client under test, and
 * which request came instead, as it happens: the client is often driven by hand.
 */
final class ClientProgress implements RunProgressListener {

	private final PrintWriter out;

	ClientProgress(PrintWriter out) {
		this.out = out;
	}

	@Override
	public void waitingForClient(int origin, String expected, URI listening) {
		this.out.println("waiting for the client of origin " + origin + ": " + expected + " at " + listening);
		this.out.flush();
	}

	@Override
	public void unexpectedClientRequest(int origin, String request, String expected) {
		this.out.println("the client of origin " + origin + " sent " + request + " while " + expected
				+ " was expected; answered, still waiting");
		this.out.flush();
	}

}
