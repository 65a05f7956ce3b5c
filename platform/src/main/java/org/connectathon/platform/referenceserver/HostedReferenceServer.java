package org.connectathon.platform.referenceserver;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.engine.referenceserver.ReferenceServer;
import org.connectathon.engine.testscript.FhirVersion;
import org.connectathon.platform.web.TooLargeFhirBodies;
import org.jspecify.annotations.Nullable;

/**
 * The servlet of one release's reference server. The engine's {@link ReferenceServer}
 * builds a provider for every resource type of its release, which takes seconds and
 * memory, so it is made only when the container initialises this servlet: on its first
 * request (the registration does not load it on startup). A release nobody calls costs
 * nothing.
 */
class HostedReferenceServer extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private final FhirVersion release;

	private final long maximumResources;

	private transient @Nullable ReferenceServer server;

	HostedReferenceServer(FhirVersion release, long maximumResources) {
		this.release = release;
		this.maximumResources = maximumResources;
	}

	@Override
	public void init() throws ServletException {
		ReferenceServer started = new ReferenceServer(this.release.fhirContext(), this.maximumResources);
		started.registerInterceptor(new TooLargeFhirBodies());
		started.init(getServletConfig());
		this.server = started;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (this.server == null) {
			throw new ServletException("the reference server of " + this.release + " is not initialised");
		}
		this.server.service(request, response);
	}

	@Override
	public void destroy() {
		if (this.server != null) {
			this.server.destroy();
		}
	}

}
