package org.connectathon.platform;

import java.util.Objects;

import ca.uhn.fhir.context.FhirContext;
import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.referenceserver.ReferenceServerLauncher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's in-memory R4 reference server, over HTTP, for a test class: the FHIR
 * server a system under test would run. Registered as a static field with
 * {@code @RegisterExtension}, it starts before the class's first test and stops after its
 * last.
 */
public final class ReferenceServerExtension implements BeforeAllCallback, AfterAllCallback {

	private @Nullable ReferenceServerLauncher server;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = ReferenceServerLauncher.start(new ReferenceServer(FhirContext.forR4Cached()), 0);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.close();
		}
	}

	public String baseUrl() {
		return started().baseUrl();
	}

	public int port() {
		return started().port();
	}

	private ReferenceServerLauncher started() {
		return Objects.requireNonNull(this.server, "the reference server starts before the class's tests");
	}

}
