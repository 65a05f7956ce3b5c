package org.connectathon.platform.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.PageMessage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Organizers' page to import and export the catalog. */
@Controller
class AdminCatalogController {

	private final CatalogService catalog;

	AdminCatalogController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/admin/catalog")
	String catalog() {
		return "catalog/admin-catalog";
	}

	/** Takes an uploaded file, or else the pasted text. */
	@PostMapping("/admin/catalog")
	String importCatalog(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String content, @AuthenticationPrincipal SignedInUser user,
			RedirectAttributes redirect) throws IOException {
		byte[] bytes = (file != null && !file.isEmpty()) ? file.getBytes()
				: (content != null) ? content.getBytes(StandardCharsets.UTF_8) : new byte[0];
		if (bytes.length == 0) {
			throw new InvalidInputException("Choose a catalog file or paste its content.");
		}
		ImportSummary summary = this.catalog.importCatalog(bytes, user);
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE,
				PageMessage.of("catalog.imported", summary.profiles(), summary.actors(), summary.transactions()));
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
