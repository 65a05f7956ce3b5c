package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A system signed up to a role of a track. A server's sign-up holds what its
 * CapabilityStatement claims, fetched from its base URL when it signed up; a client's has
 * no base URL.
 *
 * @param fhirVersion the CapabilityStatement's {@code fhirVersion}
 * @param software the CapabilityStatement's software name and version
 */
public record SignUp(long id, long trackId, long roleId, String roleKeyword, String roleName, long systemId,
		String systemName, long organizationId, String organizationName, @Nullable String baseUrl,
		@Nullable String fhirVersion, @Nullable String software, @Nullable OffsetDateTime capabilityFetchedAt,
		List<SignUpCapability> capabilities) {

	public boolean isServer() {
		return this.baseUrl != null;
	}

	/** The resource types the server claims, in the CapabilityStatement's order. */
	public List<String> resourceTypes() {
		return this.capabilities.stream()
			.map(SignUpCapability::resourceType)
			.filter((type) -> type != null)
			.distinct()
			.toList();
	}

	/** The interactions claimed for a resource type, or for the whole system (null). */
	public List<String> interactions(@Nullable String resourceType) {
		return claimed(resourceType, SignUpCapability.Kind.INTERACTION);
	}

	public List<String> searchParameters(@Nullable String resourceType) {
		return claimed(resourceType, SignUpCapability.Kind.SEARCH_PARAMETER);
	}

	public List<String> operations(@Nullable String resourceType) {
		return claimed(resourceType, SignUpCapability.Kind.OPERATION);
	}

	private List<String> claimed(@Nullable String resourceType, SignUpCapability.Kind kind) {
		return this.capabilities.stream()
			.filter((capability) -> capability.kind() == kind
					&& Objects.equals(capability.resourceType(), resourceType))
			.map(SignUpCapability::name)
			.toList();
	}

}
