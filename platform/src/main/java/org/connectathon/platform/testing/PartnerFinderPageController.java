package org.connectathon.platform.testing;

import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The partner finder of one of my systems. */
@Controller
class PartnerFinderPageController {

	private final PartnerFinderService partners;

	private final SystemService systems;

	PartnerFinderPageController(PartnerFinderService partners, SystemService systems) {
		this.partners = partners;
		this.systems = systems;
	}

	@GetMapping("/systems/{systemId}/partners")
	String partners(@PathVariable long systemId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("findings", this.partners.find(systemId, user));
		model.addAttribute("system", this.systems.find(systemId, user));
		return "testing/partners";
	}

}
