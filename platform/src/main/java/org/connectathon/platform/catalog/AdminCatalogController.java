package org.connectathon.platform.catalog;

import java.io.IOException;

import java.util.Optional;

import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.ImportForm;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' page to import and export the catalog. */
@Controller
class AdminCatalogController {

	private static final String VIEW = "catalog/admin-catalog";

	private static final String FORM = "form";

	private final CatalogService catalog;

	AdminCatalogController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/catalog")
	String catalog(Model model) {
		model.addAttribute(FORM, ImportForm.EMPTY);
		return VIEW;
	}

	/** Takes an uploaded file, or else the pasted text. */
	@PostMapping("/admin/catalog")
	String importCatalog(@ModelAttribute(FORM) ImportForm form, BindingResult result,
			@RequestParam(required = false) MultipartFile file, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) throws IOException {
		byte[] bytes = form.bytes(file);
		if (bytes.length == 0) {
			result.rejectValue("content", "admin.catalog.choose");
		}
		Optional<ImportSummary> summary = Forms.submit(result, () -> this.catalog.importCatalog(bytes, user));
		if (summary.isEmpty()) {
			return VIEW;
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("catalog.imported", summary.get().profiles(),
				summary.get().actors(), summary.get().transactions()));
		return "redirect:/catalog";
	}

	@GetMapping("/admin/catalog/export")
	ResponseEntity<String> export(@RequestParam(defaultValue = "yaml") String format) {
		boolean yaml = !"json".equalsIgnoreCase(format);
		return ResponseEntity.ok()
			.contentType(yaml ? CatalogApiController.YAML : MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(yaml ? "catalog.yaml" : "catalog.json").build().toString())
			.body(yaml ? this.catalog.exportYaml() : this.catalog.exportJson());
	}

}
