package org.connectathon.platform.catalog;

import java.util.List;

import org.connectathon.platform.ApiClient;
import org.connectathon.platform.ApiClient.Response;
import org.connectathon.platform.Fixtures;
import org.connectathon.platform.PageClient;
import org.connectathon.platform.PlatformIntegrationTest;
import org.connectathon.platform.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class CatalogIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CatalogService catalog;

	ApiClient admin;

	@BeforeEach
	void anOrganizerWithTheDemoCatalog() {
		this.fixtures.demoCatalog();
		this.admin = this.fixtures.admin();
	}

	@Test
	void shouldShipTheIpsDemoCatalog() {
		Response ips = this.admin.get("/api/profiles/IPS");
		assertThat(ips.json().path("actors").valueStream().map((actor) -> actor.path("keyword").asString()))
			.containsExactly("CONSUMER", "CREATOR", "REPOSITORY");
		assertThat(ips.json().path("actors").get(0).path("requires").toString()).contains("PDQm").contains("CONSUMER");
		Response mhd = this.admin.get("/api/profiles/MHD");
		assertThat(mhd.json()
			.path("transactions")
			.valueStream()
			.map((transaction) -> transaction.path("keyword").asString()))
			.containsExactly("ITI-65", "ITI-66", "ITI-67", "ITI-68");
		assertThat(this.admin.get("/api/profiles/SVCM").json().path("actors").size()).isEqualTo(2);
		assertThat(this.admin.get("/api/profiles/FHIR").json().path("actors").size()).isEqualTo(2);
		assertThat(this.admin.get("/api/profiles/PDQm").json().path("actors").size()).isEqualTo(2);
	}

	@Test
	void shouldExportWhatItImportsInBothFormats() {
		String yaml = this.admin.get("/api/catalog?format=yaml").body();
		String json = this.admin.get("/api/catalog").body();

		Response reimportedYaml = this.admin.postText("/api/catalog", yaml, "application/yaml");
		assertThat(reimportedYaml.status()).as(reimportedYaml.toString()).isEqualTo(200);
		Response reimportedJson = this.admin.postText("/api/catalog", json, "application/json");
		assertThat(reimportedJson.status()).isEqualTo(200);

		assertThat(this.admin.get("/api/catalog?format=yaml").body()).isEqualTo(yaml);
		assertThat(yaml).contains("format: \"connectathon-catalog/1\"").contains("PDQm:CONSUMER");
	}

	@Test
	void shouldGiveTheCapturePipelineAnImportedProfileAtOnceThoughItKeepsTheCatalogItRead() {
		String keyword = "PIXV2" + Fixtures.unique("").strip();
		assertThat(this.catalog.recentCatalog().profile(keyword)).isEmpty();

		Response imported = this.admin.postText("/api/catalog",
				PixFeedCatalogs.withFeed(keyword, List.of("hl7v2:ADT^A01"), List.of()), "application/yaml");

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(this.catalog.recentCatalog().transaction(keyword + ":ITI-8")).isPresent();
	}

	@Test
	void shouldKeepTheHl7v2ConformanceProfilesATransactionNamesAndReportThoseThatDoNotRead() {
		String keyword = "PIXV2" + Fixtures.unique("").strip();
		String profile = PixFeedCatalogs.admissionProfile();

		Response imported = this.admin.postText("/api/catalog",
				PixFeedCatalogs.withFeed(keyword, List.of("hl7v2:ADT^A01"), List.of(profile)), "application/yaml");
		Response undeclared = this.admin.postText("/api/catalog",
				PixFeedCatalogs.withFeed(keyword, List.of("hl7v2:ADT^A04"), List.of(profile)), "application/yaml");
		Response unreadable = this.admin.postText("/api/catalog",
				PixFeedCatalogs.withFeed(keyword, List.of("hl7v2:ADT^A01"),
						List.of("<NotAProfile/>",
								"<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>" + profile)),
				"application/yaml");

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(this.catalog.hl7v2Profiles(keyword + ":ITI-8")).singleElement()
			.satisfies((read) -> assertThat(read.messageType()).isEqualTo("ADT^A01"));
		assertThat(this.admin.get("/api/catalog?format=yaml").body()).contains("hl7v2Profiles")
			.contains("Administrative Sex");
		assertThat(undeclared.status()).isEqualTo(400);
		assertThat(undeclared.json().path("problems").toString())
			.contains("profiles[0].transactions[0].hl7v2Profiles[0]: the profile defines ADT^A01, which none of the"
					+ " transaction's matches declares");
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(unreadable.json().path("problems").toString())
			.contains("hl7v2Profiles[0]: not an HL7 v2 conformance profile")
			.contains("hl7v2Profiles[1]: a conformance profile may not declare a DOCTYPE");
		assertThat(this.catalog.hl7v2Profiles(keyword + ":ITI-8")).as("a refused import changes nothing").hasSize(1);
	}

	@Test
	void shouldKeepTheRequestsATransactionDeclaresAndReportThoseThatDoNotRead() {
		String keyword = "PIXM" + Fixtures.unique("").strip();
		String catalog = """
				profiles:
				  - keyword: %s
				    name: Patient Identifier Cross-referencing for Mobile
				    kind: IHE_PROFILE
				    actors:
				      - { keyword: CONSUMER, name: Patient Identifier Cross-reference Consumer }
				      - { keyword: MANAGER, name: Patient Identifier Cross-reference Manager }
				    transactions:
				      - keyword: ITI-83
				        name: Mobile Patient Identifier Cross-reference Query
				        initiator: CONSUMER
				        responder: MANAGER
				        matches: [ %s ]
				""";

		Response imported = this.admin.postText("/api/catalog", catalog.formatted(keyword,
				"\"fhir:operation Patient $ihe-pix\", \"fhir:read Patient\", \"soap:urn:ihe:iti:2007:CrossGatewayQuery\""),
				"application/yaml");
		Response refused = this.admin.postText("/api/catalog",
				catalog.formatted(keyword, "\"fhir:search Patient\", \"smtp:hello\", \"hl7v2:ADT-A01\""),
				"application/yaml");

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(this.admin.get("/api/profiles/" + keyword).json().path("transactions").get(0).path("matches"))
			.extracting((match) -> match.asString())
			.containsExactly("fhir:operation Patient $ihe-pix", "fhir:read Patient",
					"soap:urn:ihe:iti:2007:CrossGatewayQuery");
		assertThat(this.admin.get("/api/catalog?format=yaml").body()).contains("fhir:operation Patient $ihe-pix");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").toString())
			.contains(
					"profiles[0].transactions[0].matches[0]: 'fhir:search Patient': unknown FHIR interaction 'search'")
			.contains("profiles[0].transactions[0].matches[1]: 'smtp:hello' names no known protocol")
			.contains("profiles[0].transactions[0].matches[2]: 'hl7v2:ADT-A01' is not 'hl7v2:TYPE^TRIGGER'");
	}

	@Test
	void shouldAddAProfileThatRefersToAnotherProfilesActor() {
		String keyword = "XCA" + Fixtures.unique("").strip();
		Response imported = this.admin.postText("/api/catalog",
				"""
						profiles:
						  - keyword: %s
						    name: Cross-Community Access
						    kind: IHE_PROFILE
						    actors:
						      - { keyword: GATEWAY, name: Initiating Gateway, requires: [ "MHD:DOCUMENT_CONSUMER" ] }
						    transactions:
						      - { keyword: ITI-38, name: Cross Gateway Query, initiator: GATEWAY, responder: "MHD:DOCUMENT_RESPONDER" }
						"""
					.formatted(keyword),
				"application/yaml");

		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("actors").asInt()).isEqualTo(1);
		Response profile = this.admin.get("/api/profiles/" + keyword);
		assertThat(profile.json().path("transactions").get(0).path("responder").path("actorKeyword").asString())
			.isEqualTo("DOCUMENT_RESPONDER");
	}

	@Test
	void shouldUpdateWhatAnImportNamesAgain() {
		String keyword = "QEDM" + Fixtures.unique("").strip();
		String first = """
				profiles:
				  - keyword: %s
				    name: %s
				    kind: IHE_PROFILE
				    actors:
				      - { keyword: CONSUMER, name: %s }
				""";
		this.admin.postText("/api/catalog", first.formatted(keyword, "Old name", "Old consumer"), "application/yaml");
		Response again = this.admin.postText("/api/catalog", first.formatted(keyword, "New name", "New consumer"),
				"application/yaml");

		assertThat(again.status()).isEqualTo(200);
		Response profile = this.admin.get("/api/profiles/" + keyword);
		assertThat(profile.json().path("profile").path("name").asString()).isEqualTo("New name");
		assertThat(profile.json().path("actors").get(0).path("name").asString()).isEqualTo("New consumer");
		assertThat(profile.json().path("actors").size()).isEqualTo(1);
	}

	@Test
	void shouldReportMalformedFilesWithTheirPositionAndChangeNothing() {
		String before = this.admin.get("/api/catalog").body();

		Response malformed = this.admin.postText("/api/catalog", "profiles:\n  - keyword: [unclosed\n",
				"application/yaml");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().path("problems").get(0).asString()).startsWith("line ");

		Response wrongType = this.admin.postText("/api/catalog",
				"{\"profiles\": [{\"keyword\": \"X\", \"name\": \"X\", \"kind\": \"SPACESHIP\"}]}", "application/json");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().path("problems").get(0).asString()).contains("SPACESHIP").contains("line 1");

		Response unknownField = this.admin.postText("/api/catalog", "profiles: []\ncolour: blue\n", "application/yaml");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.json().path("problems").get(0).asString()).contains("colour");

		assertThat(this.admin.postText("/api/catalog", "", "application/yaml").status()).isEqualTo(400);
		assertThat(this.admin.get("/api/catalog").body()).isEqualTo(before);
	}

	@Test
	void shouldReportEveryInconsistencyAndImportNothing() {
		String before = this.admin.get("/api/catalog").body();
		Response inconsistent = this.admin.postText("/api/catalog", """
				profiles:
				  - keyword: NEWPROFILE
				    name: New profile
				    kind: IHE_PROFILE
				    actors:
				      - { keyword: SOURCE, name: Source }
				      - { keyword: SOURCE, name: Source again }
				      - { keyword: SINK, name: Sink, requires: [ "PDQm:ORACLE" ] }
				    transactions:
				      - { keyword: T-1, name: Send, initiator: SOURCE, responder: RECEIVER }
				      - { keyword: T-1, name: Send again, initiator: SOURCE, responder: SINK }
				  - keyword: NEWPROFILE
				    name: Duplicate profile
				    kind: FHIR_IG
				""", "application/yaml");

		assertThat(inconsistent.status()).isEqualTo(400);
		assertThat(inconsistent.json().path("detail").asString()).contains("nothing was imported");
		assertThat(inconsistent.json().path("problems").valueStream().map((problem) -> problem.asString()))
			.containsExactlyInAnyOrder(
					"profiles[0].actors[1].keyword: actor 'SOURCE' appears twice in profile 'NEWPROFILE'",
					"profiles[0].transactions[1].keyword: transaction 'T-1' appears twice in profile 'NEWPROFILE'",
					"profiles[1].keyword: profile 'NEWPROFILE' appears twice in the file",
					"profiles[0].actors[2].requires[0]: unknown actor 'PDQm:ORACLE'",
					"profiles[0].transactions[0].responder: unknown actor 'NEWPROFILE:RECEIVER'");
		assertThat(this.admin.get("/api/profiles/NEWPROFILE").status()).isEqualTo(404);
		assertThat(this.admin.get("/api/catalog").body()).isEqualTo(before);
	}

	@Test
	void shouldRefuseASpecificationAddressThatIsNotAWebAddress() {
		String keyword = "LINKS" + Fixtures.unique("").strip();
		Response refused = this.admin.postText("/api/catalog", """
				profiles:
				  - { keyword: %1$s-1, name: Script, kind: FHIR_IG, url: "javascript:alert(document.domain)" }
				  - { keyword: %1$s-2, name: Data, kind: FHIR_IG, url: "data:text/html,<script>alert(1)</script>" }
				  - { keyword: %1$s-3, name: VBScript, kind: FHIR_IG, url: "vbscript:msgbox(1)" }
				  - { keyword: %1$s-4, name: Protocol-relative, kind: FHIR_IG, url: "//evil.example/ig" }
				  - { keyword: %1$s-5, name: Web, kind: FHIR_IG, url: "https://hl7.org/fhir/uv/ips/" }
				""".formatted(keyword), "application/yaml");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("problems").valueStream().map((problem) -> problem.asString())).containsExactly(
				"profiles[0].url: 'javascript:alert(document.domain)' is not an http or https address",
				"profiles[1].url: 'data:text/html,<script>alert(1)</script>' is not an http or https address",
				"profiles[2].url: 'vbscript:msgbox(1)' is not an http or https address",
				"profiles[3].url: '//evil.example/ig' is not an http or https address");
		assertThat(this.admin.get("/api/profiles/" + keyword + "-5").status()).isEqualTo(404);
	}

	@Test
	void shouldShowAStoredSpecificationAddressThatIsNotAWebAddressAsNoLink() {
		String keyword = "OLD" + Fixtures.unique("").strip();
		this.jdbc.sql("insert into profiles (keyword, name, kind, reference_url) values (?, ?, ?, ?)")
			.params(keyword, "Stored before the check", "FHIR_IG", "javascript:alert(document.domain)")
			.update();
		try {
			PageClient browser = PageClient.signedIn(this.fixtures.port(),
					this.fixtures.user(Role.PARTICIPANT, this.fixtures.organization()).username());

			String page = browser.get("/catalog/" + keyword).body();

			assertThat(page).contains("Stored before the check").doesNotContain("javascript:");
			assertThat(browser.get("/catalog/IPS").body())
				.contains("href=\"http://hl7.org/fhir/uv/ips/ImplementationGuide/hl7.fhir.uv.ips\"");
		}
		finally {
			// The catalog is shared by every test class, and its export must import back.
			this.jdbc.sql("delete from profiles where keyword = ?").param(keyword).update();
		}
	}

	@Test
	void shouldRefuseAnOversizeCatalogFile() {
		Response oversize = this.admin.postText("/api/catalog", "# " + "x".repeat(6 * 1024 * 1024), "application/yaml");
		assertThat(oversize.status()).isEqualTo(413);
	}

}
