package org.connectathon.engine.referenceserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Runs a {@link ReferenceServer} in an embedded Tomcat at
 * {@code http://localhost:PORT/fhir}. Tomcat is not an engine dependency: whoever calls
 * this (the platform, the benchmarks, the engine's tests) brings
 * {@code tomcat-embed-core}.
 */
public final class ReferenceServerLauncher implements AutoCloseable {

	private final Tomcat tomcat;

	private final ReferenceServer server;

	private final int port;

	private ReferenceServerLauncher(Tomcat tomcat, ReferenceServer server, int port) {
		this.tomcat = tomcat;
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts the server.
	 * @param port the TCP port, 0 for any free one
	 * @throws IllegalStateException when Tomcat cannot start, for example because the
	 * port is taken
	 */
	public static ReferenceServerLauncher start(ReferenceServer server, int port) {
		Objects.requireNonNull(server, "server");
		Tomcat tomcat = new Tomcat();
		try {
			tomcat.setBaseDir(Files.createTempDirectory("connectathon-reference-server").toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create a work folder for Tomcat", ex);
		}
		Connector connector = new Connector();
		connector.setPort(port);
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "fhir", server).setLoadOnStartup(1);
		context.addServletMappingDecoded("/fhir/*", "fhir");
		try {
			tomcat.start();
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(
					"CTN-5004: the reference server cannot start on port " + port + ": " + ex.getMessage(), ex);
		}
		if (connector.getLocalPort() < 0) {
			stopQuietly(tomcat);
			throw new IllegalStateException(
					"CTN-5004: the reference server cannot listen on port " + port + "; is it taken?");
		}
		return new ReferenceServerLauncher(tomcat, server, connector.getLocalPort());
	}

	/** The port the server listens on. */
	public int port() {
		return this.port;
	}

	/** The FHIR base URL, such as {@code http://localhost:8090/fhir}. */
	public String baseUrl() {
		return "http://localhost:" + this.port + "/fhir";
	}

	public ReferenceServer server() {
		return this.server;
	}

	@Override
	public void close() {
		stopQuietly(this.tomcat);
	}

	private static void stopQuietly(Tomcat tomcat) {
		try {
			tomcat.stop();
			tomcat.destroy();
		}
		catch (LifecycleException ex) {
			// stopping is best effort: the JVM is usually about to end
		}
		// Tomcat's work folder holds files, which File.deleteOnExit would not remove
		try (Stream<Path> files = Files.walk(tomcat.getServer().getCatalinaBase().toPath())) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a folder left in the temporary directory is harmless
		}
	}

}
