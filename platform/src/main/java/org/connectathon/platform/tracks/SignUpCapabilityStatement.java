package org.connectathon.platform.tracks;

import java.util.ArrayList;
import java.util.List;

import org.connectathon.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server's CapabilityStatement as fetched, with the claims read from its {@code rest}
 * entries in server mode. Read as JSON rather than as a HAPI model so that one reader
 * serves R4, R4B and R5, whose CapabilityStatements share these elements.
 *
 * @param json the CapabilityStatement as the server sent it
 */
record SignUpCapabilityStatement(String json, @Nullable String fhirVersion, @Nullable String software,
		List<SignUpCapability> capabilities) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads a fetched body.
	 * @throws InvalidInputException when it is not a CapabilityStatement in JSON
	 */
	static SignUpCapabilityStatement read(String json, String metadataUrl) {
		JsonNode statement;
		try {
			statement = JSON.readTree(json);
		}
		catch (JacksonException notJson) {
			throw unusable(metadataUrl, "the answer is not JSON");
		}
		String resourceType = statement.path("resourceType").asString("");
		if (!"CapabilityStatement".equals(resourceType)) {
			throw unusable(metadataUrl, "the answer is " + (resourceType.isEmpty() ? "not a FHIR resource"
					: "a " + resourceType + ", not a CapabilityStatement"));
		}
		List<SignUpCapability> capabilities = new ArrayList<>();
		for (JsonNode rest : statement.path("rest")) {
			if (!"server".equals(rest.path("mode").asString("server"))) {
				continue;
			}
			for (JsonNode resource : rest.path("resource")) {
				String type = resource.path("type").asString(null);
				if (type == null || type.isBlank()) {
					continue;
				}
				add(capabilities, type, SignUpCapability.Kind.INTERACTION, resource.path("interaction"), "code");
				add(capabilities, type, SignUpCapability.Kind.SEARCH_PARAMETER, resource.path("searchParam"), "name");
				add(capabilities, type, SignUpCapability.Kind.OPERATION, resource.path("operation"), "name");
			}
			add(capabilities, null, SignUpCapability.Kind.INTERACTION, rest.path("interaction"), "code");
			add(capabilities, null, SignUpCapability.Kind.SEARCH_PARAMETER, rest.path("searchParam"), "name");
			add(capabilities, null, SignUpCapability.Kind.OPERATION, rest.path("operation"), "name");
		}
		String software = statement.path("software").path("name").asString(null);
		String softwareVersion = statement.path("software").path("version").asString(null);
		if (software != null && softwareVersion != null) {
			software = software + " " + softwareVersion;
		}
		return new SignUpCapabilityStatement(json, statement.path("fhirVersion").asString(null), software,
				capabilities);
	}

	static InvalidInputException unusable(String metadataUrl, String reason) {
		return new InvalidInputException(
				"The server's CapabilityStatement could not be fetched from " + metadataUrl + ": " + reason
						+ ". Nothing was stored; sign the server up again once it answers.",
				List.of("baseUrl: " + reason));
	}

	private static void add(List<SignUpCapability> capabilities, @Nullable String resourceType,
			SignUpCapability.Kind kind, JsonNode entries, String field) {
		for (JsonNode entry : entries) {
			String name = entry.path(field).asString(null);
			if (name != null && !name.isBlank() && name.length() <= 200) {
				SignUpCapability capability = new SignUpCapability(resourceType, kind, name.strip());
				if (!capabilities.contains(capability)) {
					capabilities.add(capability);
				}
			}
		}
	}

}
