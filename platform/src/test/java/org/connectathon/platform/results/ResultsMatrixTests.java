package org.connectathon.platform.results;

import java.util.List;

import org.connectathon.platform.results.ResultsMatrix.Column;
import org.connectathon.platform.results.ResultsMatrix.Heading;
import org.connectathon.platform.results.ResultsMatrix.Row;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsMatrixTests {

	private static final List<PublishedResult> RESULTS = List.of(
			result("Globex", "Globex MPI", "PDQm", "SUPPLIER", null, Grade.PASS),
			result("acme", "Acme Viewer", "PDQm", "CONSUMER", null, Grade.AT_RISK),
			result("acme", "Acme EHR", "MHD", "DOCUMENT_SOURCE", "COMPREHENSIVE_METADATA", Grade.WITHDRAWN),
			result("acme", "Acme EHR", "MHD", "DOCUMENT_SOURCE", null, Grade.DID_NOT_COMPLETE),
			result("acme", "Acme EHR", "IPS", "CREATOR", null, Grade.NO_PEER_AVAILABLE),
			result("Globex", "Globex MPI", "IPS", "CONSUMER", null, Grade.PASS));

	@Test
	void shouldOrderTheColumnsByProfileActorAndOptionUnderGroupedHeadings() {
		ResultsMatrix matrix = ResultsMatrix.of(RESULTS);

		assertThat(matrix.columns()).containsExactly(new Column("IPS", "CONSUMER", null),
				new Column("IPS", "CREATOR", null), new Column("MHD", "DOCUMENT_SOURCE", null),
				new Column("MHD", "DOCUMENT_SOURCE", "COMPREHENSIVE_METADATA"), new Column("PDQm", "CONSUMER", null),
				new Column("PDQm", "SUPPLIER", null));
		assertThat(matrix.profiles()).containsExactly(new Heading("IPS", 2), new Heading("MHD", 2),
				new Heading("PDQm", 2));
		assertThat(matrix.actors()).containsExactly(new Heading("CONSUMER", 1), new Heading("CREATOR", 1),
				new Heading("DOCUMENT_SOURCE", 2), new Heading("CONSUMER", 1), new Heading("SUPPLIER", 1));
	}

	@Test
	void shouldPutEachGradeInTheCellOfItsSystemAndColumn() {
		ResultsMatrix matrix = ResultsMatrix.of(RESULTS);

		assertThat(matrix.rows()).extracting(Row::systemName).containsExactly("Acme EHR", "Acme Viewer", "Globex MPI");
		assertThat(grades(matrix.rows().get(0))).containsExactly(null, Grade.NO_PEER_AVAILABLE, Grade.DID_NOT_COMPLETE,
				Grade.WITHDRAWN, null, null);
		assertThat(grades(matrix.rows().get(1))).containsExactly(null, null, null, null, Grade.AT_RISK, null);
		assertThat(grades(matrix.rows().get(2))).containsExactly(Grade.PASS, null, null, null, null, Grade.PASS);
		assertThat(matrix.rows()).extracting(Row::organizationRows).containsExactly(2, 0, 1);
	}

	@Test
	void shouldBuildAnEmptyMatrixFromNoResults() {
		ResultsMatrix matrix = ResultsMatrix.of(List.of());

		assertThat(matrix.isEmpty()).isTrue();
		assertThat(matrix.columns()).isEmpty();
		assertThat(matrix.profiles()).isEmpty();
	}

	@Test
	void shouldFilterByProfileAndOrganizationAndOfferTheChoicesOfAllResults() {
		ResultsFilter filter = new ResultsFilter("PDQm", " acme ");

		assertThat(filter.apply(RESULTS)).extracting(PublishedResult::systemName).containsExactly("Acme Viewer");
		assertThat(new ResultsFilter("XDS", null).apply(RESULTS)).isEmpty();
		assertThat(new ResultsFilter(" ", "").isEmpty()).isTrue();
		assertThat(new ResultsFilter(" ", "").apply(RESULTS)).isEqualTo(RESULTS);
		assertThat(ResultsFilter.profiles(RESULTS)).containsExactly("IPS", "MHD", "PDQm");
		assertThat(ResultsFilter.organizations(RESULTS)).containsExactly("acme", "Globex");
	}

	@Test
	void shouldKeepTheFilterInAnEncodedQuery() {
		assertThat(new ResultsFilter(null, null).query()).isEmpty();
		assertThat(new ResultsFilter("PDQm", null).query()).isEqualTo("?profile=PDQm");
		assertThat(new ResultsFilter("IPS", "Acme & Sons <Health>").query())
			.isEqualTo("?profile=IPS&organization=Acme%20%26%20Sons%20%3CHealth%3E");
	}

	private static List<@Nullable Grade> grades(Row row) {
		return row.cells().stream().map((cell) -> (cell != null) ? cell.grade() : null).toList();
	}

	private static PublishedResult result(String organization, String system, String profile, String actor,
			@Nullable String option, Grade grade) {
		return new PublishedResult(organization, system, profile, actor, option, "THOROUGH", grade, 0, 0, 0, 0, 0, 0);
	}

}
