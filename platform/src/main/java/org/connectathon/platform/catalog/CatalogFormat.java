package org.connectathon.platform.catalog;

import java.util.List;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ParseProblems;
import org.connectathon.platform.TextInput;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes catalog files. YAML is a superset of JSON, so one YAML reader takes
 * both; an error names the line and column and what was expected there.
 */
final class CatalogFormat {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CatalogFormat() {
	}

	static CatalogFile read(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("The catalog file is empty.");
		}
		try {
			CatalogFile file = YAML.readValue(content, CatalogFile.class);
			if (file == null) {
				throw new InvalidInputException("The catalog file holds no catalog.");
			}
			TextInput.require("", file);
			return file;
		}
		catch (JacksonException exception) {
			throw new InvalidInputException("The catalog file cannot be read.",
					List.of(ParseProblems.describe(exception)));
		}
	}

	static String writeYaml(CatalogFile file) {
		return YAML.writeValueAsString(file);
	}

	static String writeJson(CatalogFile file) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
	}

}
