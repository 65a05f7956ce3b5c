package org.connectathon.platform.tracks;

import org.connectathon.platform.RepositoryTest;
import org.connectathon.platform.TableRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A track reads back with its leads, roles and scenarios, in their order. */
@RepositoryTest
@Import(TrackRepository.class)
class TrackRepositoryTests {

	@Autowired
	TrackRepository tracks;

	@Autowired
	TableRows rows;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldReadATrackBackWithItsLeadsRolesAndScenarios() {
		long event = this.rows.event();
		TableRows.TestWithRole test = this.rows.testWithRole(event);
		long actor = this.jdbc.sql("select actor_id from test_roles where id = :id")
			.param("id", test.roleId())
			.query(Long.class)
			.single();
		long profile = this.jdbc.sql("select profile_id from actors where id = :id")
			.param("id", actor)
			.query(Long.class)
			.single();
		long lead = this.rows.organizer();

		long track = this.tracks.insert(event, profile, "International Patient Summary", "Patient Care",
				"Exchange of patient summaries", new Track.Specification("hl7.fhir.uv.ips", "2.0.0", "R4"),
				"https://chat.fhir.org/#narrow/stream/ips", "Three pairs pass");
		this.tracks.insertLead(track, lead);
		this.tracks.insertRole(track, actor, "server", "IPS Server", null);
		this.tracks.insertScenario(track, test.testId(), 2, "fetch", "Fetch the summary", null, "200 OK", null, null);
		this.tracks.insertScenario(track, null, 1, "create", "Create the summary", "A patient", null, "Narrative",
				"1. POST");

		assertThat(this.tracks.find(track)).hasValueSatisfying((found) -> {
			assertThat(found.name()).isEqualTo("International Patient Summary");
			assertThat(found.specification().packageName()).isEqualTo("hl7.fhir.uv.ips");
			assertThat(found.isLedBy(lead)).isTrue();
			assertThat(found.roles()).extracting(Track.Role::keyword).containsExactly("server");
			assertThat(found.scenarios()).extracting(Track.Scenario::keyword).containsExactly("create", "fetch");
			assertThat(found.scenarios().get(1).testId()).isEqualTo(test.testId());
		});
		assertThat(this.tracks.findByEvent(event)).extracting(Track::id).containsExactly(track);
	}

}
