package org.connectathon.platform.referenceserver;

import java.util.EnumSet;
import java.util.Set;

import org.connectathon.engine.testscript.FhirVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The FHIR releases an event uses: those of its TestScripts and its endpoints. */
@Repository
class EventReleaseRepository {

	private final JdbcClient jdbc;

	EventReleaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Set<FhirVersion> releasesOf(long eventId) {
		Set<FhirVersion> releases = EnumSet.noneOf(FhirVersion.class);
		this.jdbc.sql("""
				select fhir_version from test_scripts where event_id = :eventId
				union
				select endpoints.fhir_version from endpoints
				join systems on systems.id = endpoints.system_id
				where systems.event_id = :eventId and endpoints.fhir_version is not null""")
			.param("eventId", eventId)
			.query(String.class)
			.list()
			.forEach((name) -> releases.add(FhirVersion.valueOf(name)));
		return releases;
	}

}
