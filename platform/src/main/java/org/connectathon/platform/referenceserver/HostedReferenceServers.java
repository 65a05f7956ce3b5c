package org.connectathon.platform.referenceserver;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.connectathon.engine.testscript.FhirVersion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where the platform hosts the engine's reference servers: one per FHIR release, at
 * {@code /reference/r4/fhir}, {@code /reference/r4b/fhir} and {@code /reference/r5/fhir},
 * unless {@code connectathon.reference-server.enabled} is false. Each keeps its data in
 * memory, lost when the platform stops.
 */
@Service
public class HostedReferenceServers {

	/** The release an event without FHIR scripts or endpoints is shown. */
	private static final FhirVersion DEFAULT_RELEASE = FhirVersion.R4;

	private final boolean enabled;

	private final EventReleaseRepository eventReleases;

	private final Environment environment;

	HostedReferenceServers(@Value("${connectathon.reference-server.enabled:true}") boolean enabled,
			EventReleaseRepository eventReleases, Environment environment) {
		this.enabled = enabled;
		this.eventReleases = eventReleases;
		this.environment = environment;
	}

	/**
	 * The base URL at which this node reaches its own server of a release, outside any
	 * request (a script run forwarding a client's requests): on the loopback address and
	 * the port the platform listens on. Empty when hosting is switched off or the
	 * platform does not listen (yet).
	 */
	public Optional<String> localBaseUrl(FhirVersion release) {
		String port = this.environment.getProperty("local.server.port");
		if (!this.enabled || port == null) {
			return Optional.empty();
		}
		return Optional.of("http://127.0.0.1:" + port + this.environment.getProperty("server.servlet.context-path", "")
				+ pathOf(release));
	}

	/**
	 * A hosted reference server.
	 *
	 * @param fhirVersion the release, such as {@code R4}
	 * @param baseUrl its FHIR base, as the current request reached the platform
	 */
	public record HostedServer(String fhirVersion, String baseUrl) {

	}

	/** Every hosted server, or none when hosting is switched off. */
	public List<HostedServer> all() {
		return serversOf(Arrays.asList(FhirVersion.values()));
	}

	/**
	 * The servers of the releases an event uses, those of its TestScripts and of its
	 * systems' endpoints; R4 when it names none. None when hosting is switched off.
	 */
	public List<HostedServer> forEvent(long eventId) {
		List<FhirVersion> releases = Arrays.stream(FhirVersion.values())
			.filter(this.eventReleases.releasesOf(eventId)::contains)
			.toList();
		return serversOf(releases.isEmpty() ? List.of(DEFAULT_RELEASE) : releases);
	}

	/** The servlet path of a release's server, such as {@code /reference/r4/fhir}. */
	static String pathOf(FhirVersion release) {
		return "/reference/" + release.name().toLowerCase(Locale.ROOT) + "/fhir";
	}

	private List<HostedServer> serversOf(List<FhirVersion> releases) {
		if (!this.enabled) {
			return List.of();
		}
		return releases.stream()
			.map((release) -> new HostedServer(release.name(),
					ServletUriComponentsBuilder.fromCurrentContextPath().path(pathOf(release)).toUriString()))
			.toList();
	}

}
