package org.connectathon.platform.referenceserver;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReferenceServerApiController {

	private final HostedReferenceServers servers;

	ReferenceServerApiController(HostedReferenceServers servers) {
		this.servers = servers;
	}

	/** The hosted reference servers by release; empty when hosting is switched off. */
	@GetMapping("/api/reference-servers")
	List<HostedReferenceServers.HostedServer> referenceServers() {
		return this.servers.all();
	}

}
