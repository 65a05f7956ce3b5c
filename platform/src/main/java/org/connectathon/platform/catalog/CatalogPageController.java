package org.connectathon.platform.catalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The catalog browser. */
@Controller
class CatalogPageController {

	private final CatalogService catalog;

	CatalogPageController(CatalogService catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/catalog")
	String catalog(Model model) {
		model.addAttribute("profiles", this.catalog.catalog().profiles());
		return "catalog/catalog";
	}

	@GetMapping("/catalog/{keyword}")
	String profile(@PathVariable String keyword, Model model) {
		model.addAttribute("entry", this.catalog.profile(keyword));
		return "catalog/profile";
	}

}
