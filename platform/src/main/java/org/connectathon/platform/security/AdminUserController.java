package org.connectathon.platform.security;

import java.util.Optional;

import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' pages for user accounts and their API tokens. */
@Controller
class AdminUserController {

	private static final String VIEW = "security/users";

	private static final String TOKENS_VIEW = "security/user-tokens";

	private static final String FORM = "form";

	private final UserService users;

	private final ApiTokenService tokens;

	private final OrganizationDirectory organizations;

	AdminUserController(UserService users, ApiTokenService tokens, OrganizationDirectory organizations) {
		this.users = users;
		this.tokens = tokens;
		this.organizations = organizations;
	}

	@GetMapping("/admin/users")
	String users(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute(FORM, UserPageForm.EMPTY);
		return usersView(user, model);
	}

	@PostMapping("/admin/users")
	String createUser(@ModelAttribute(FORM) UserPageForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Optional<User> created = Forms.submit(result,
				() -> this.users.create(form.toNewUser(), form.organization(), user));
		if (created.isEmpty()) {
			return usersView(user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("user.created", created.get().username()));
		return "redirect:/admin/users";
	}

	private String usersView(SignedInUser user, Model model) {
		model.addAttribute("users", this.users.findAll(user));
		model.addAttribute("organizationNames", this.organizations.namesById());
		model.addAttribute("roles", Role.values());
		// organizers do not disable themselves (see UserService.setEnabled)
		model.addAttribute("currentUserId", user.id());
		return VIEW;
	}

	@PostMapping("/admin/users/{id}/disable")
	String disableUser(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		User disabled = this.users.setEnabled(user, id, false);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("user.disabled", disabled.username()));
		return "redirect:/admin/users";
	}

	@PostMapping("/admin/users/{id}/enable")
	String enableUser(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		User enabled = this.users.setEnabled(user, id, true);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("user.enabled", enabled.username()));
		return "redirect:/admin/users";
	}

	@GetMapping("/admin/users/{id}/tokens")
	String tokens(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("tokens", this.tokens.findOwnedBy(user, id));
		model.addAttribute("owner", this.users.find(user, id));
		return TOKENS_VIEW;
	}

	@PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
	String revokeToken(@PathVariable long id, @PathVariable long tokenId, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) {
		user.requireAdmin();
		this.tokens.revoke(user, tokenId);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("user.token.revoked", tokenId));
		return "redirect:/admin/users/" + id + "/tokens";
	}

}
