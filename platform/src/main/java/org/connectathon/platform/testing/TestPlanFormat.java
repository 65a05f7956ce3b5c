package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ParseProblems;
import org.connectathon.platform.TextInput;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes test plan files. YAML is a superset of JSON, so one YAML reader takes
 * both; an error names the line and column and what was expected there.
 */
final class TestPlanFormat {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TestPlanFormat() {
	}

	static TestPlanFile read(byte[] content) {
		if (content.length == 0) {
			throw new InvalidInputException("The test plan file is empty.");
		}
		try {
			TestPlanFile file = YAML.readValue(content, TestPlanFile.class);
			if (file == null) {
				throw new InvalidInputException("The test plan file holds no test plan.");
			}
			TextInput.require("", file);
			return file;
		}
		catch (JacksonException exception) {
			throw new InvalidInputException("The test plan file cannot be read.",
					List.of(ParseProblems.describe(exception)));
		}
	}

	static String writeYaml(TestPlanFile file) {
		return YAML.writeValueAsString(file);
	}

	static String writeJson(TestPlanFile file) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file);
	}

}
