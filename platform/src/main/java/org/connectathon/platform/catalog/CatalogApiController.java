package org.connectathon.platform.catalog;

import org.connectathon.platform.catalog.Catalog.CatalogProfile;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CatalogApiController {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private final CatalogService catalog;

	CatalogApiController(CatalogService catalog) {
		this.catalog = catalog;
	}

	/** The whole catalog in the import format: JSON, or YAML with {@code format=yaml}. */
	@GetMapping("/catalog")
	ResponseEntity<String> export(@RequestParam(defaultValue = "json") String format) {
		return "yaml".equalsIgnoreCase(format) ? ResponseEntity.ok().contentType(YAML).body(this.catalog.exportYaml())
				: ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.catalog.exportJson());
	}

	/** Imports a catalog file sent as the request body, in YAML or JSON. */
	@PostMapping(path = "/catalog",
			consumes = { "application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	ImportSummary importCatalog(@RequestBody byte[] content, @AuthenticationPrincipal SignedInUser user) {
		return this.catalog.importCatalog(content, user);
	}

	@GetMapping("/profiles/{keyword}")
	CatalogProfile profile(@PathVariable String keyword) {
		return this.catalog.profile(keyword);
	}

}
