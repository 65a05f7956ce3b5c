package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PartnerFinderApiController {

	private final PartnerFinderService partners;

	PartnerFinderApiController(PartnerFinderService partners) {
		this.partners = partners;
	}

	/**
	 * Per registration of the system, the tests it applies to and the partners for their
	 * other roles.
	 */
	@GetMapping("/api/systems/{systemId}/partners")
	List<PartnerFinding> partners(@PathVariable long systemId, @AuthenticationPrincipal SignedInUser user) {
		return this.partners.find(systemId, user);
	}

}
