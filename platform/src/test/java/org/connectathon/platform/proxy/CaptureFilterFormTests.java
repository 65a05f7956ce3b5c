package org.connectathon.platform.proxy;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListSort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The filters of a capture list as typed, read with the lists' shared ones. */
class CaptureFilterFormTests {

	@Test
	void shouldReadTheAddressTheOrganizationAndTheSort() {
		CaptureFilter filter = new CaptureFilterForm("12", "404", null, null, null, null, " Patient?name ", "7",
				"-duration")
			.toFilter(null);

		assertThat(filter.text()).isEqualTo("%patient?name%");
		assertThat(filter.organizationId()).isEqualTo(7L);
		assertThat(filter.sort()).isEqualTo(ListSort.descending("duration"));
		assertThat(CaptureFilterForm.none().toFilter(null).sort()).isEqualTo(CaptureFilter.NEWEST_FIRST);
	}

	@Test
	void shouldRefuseItsOwnProblemsAndTheSharedOnesAtOnce() {
		CaptureFilterForm typed = new CaptureFilterForm("acme", "999", null, null, null, null, null, "acme", "colour");

		assertThatThrownBy(() -> typed.toFilter(null)).isInstanceOfSatisfying(InvalidInputException.class,
				(refused) -> assertThat(refused.problems()).containsExactly(
						"system: expected a system's id, found 'acme'",
						"status: expected an HTTP status from 100 to 599 or 'failed', found '999'",
						"organization: expected an organization's id, found 'acme'",
						"sort: expected one of id, started, status, duration, resource, each after a '-' for"
								+ " descending order, found 'colour'"));
	}

	@Test
	void shouldGiveBackTheValuesTypedForTheAddressOfThePage() {
		assertThat(new CaptureFilterForm(null, "failed", null, null, "", null, "x", "7", "-id").given())
			.containsExactly(entry("status", "failed"), entry("text", "x"), entry("organization", "7"),
					entry("sort", "-id"));
	}

}
