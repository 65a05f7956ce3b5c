package org.connectathon.platform.security;

import org.connectathon.platform.security.UserService.NewUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' page for user accounts. */
@Controller
class AdminUserController {

	private static final String VIEW = "admin/users";

	private final UserService users;

	private final OrganizationDirectory organizations;

	AdminUserController(UserService users, OrganizationDirectory organizations) {
		this.users = users;
		this.organizations = organizations;
	}

	@GetMapping("/admin/users")
	String users(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("users", this.users.findAll(user));
		model.addAttribute("organizationNames", this.organizations.namesById());
		model.addAttribute("roles", Role.values());
		return VIEW;
	}

	@PostMapping("/admin/users")
	String createUser(@RequestParam String username, @RequestParam String password,
			@RequestParam(required = false) String displayName, @RequestParam Role role,
			@RequestParam(required = false) String organization, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		user.requireAdmin();
		Long organizationId = (organization == null || organization.isBlank()) ? null
				: this.organizations.findOrCreate(organization, user);
		User created = this.users.create(new NewUser(username, password, displayName, role, organizationId));
		redirect.addFlashAttribute("message", "Created user " + created.username() + ".");
		return "redirect:/admin/users";
	}

}
