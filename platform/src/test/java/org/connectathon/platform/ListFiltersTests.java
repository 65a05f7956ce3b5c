package org.connectathon.platform;

import java.util.List;
import java.util.Set;

import org.connectathon.platform.testing.TestInstanceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the filters of a list, and writing them back into its links. */
class ListFiltersTests {

	private static final Set<String> ALL = Set.of(ListFilters.TEXT, ListFilters.STATUS, ListFilters.PROFILE,
			ListFilters.ORGANIZATION, ListFilters.TABLE);

	@Test
	void shouldReadEachFilterAndEscapeTheWildcardsOfText() {
		ListFilters filters = new ListFilters("  50%_off\\ ", "to-be-verified", null, "ips", "42", "B1", "-test");
		ListFilterReader read = filters.reader("test instance", ALL);

		assertThat(read.text()).isEqualTo("%50\\%\\_off\\\\%");
		assertThat(read.status(TestInstanceStatus.class)).isEqualTo(TestInstanceStatus.TO_BE_VERIFIED);
		assertThat(read.profile(List.of("IPS", "MHD"))).isEqualTo("IPS");
		assertThat(read.organization()).isEqualTo(42L);
		assertThat(read.table()).isEqualTo("b1%");
		assertThat(read.sort(List.of("id", "test"), ListSort.descending("id"))).isEqualTo(ListSort.descending("test"));
		assertThat(read.finish("read")).isEqualTo("read");
	}

	@Test
	void shouldReadNothingFromBlankValuesAndKeepTheDefaultSort() {
		ListFilterReader read = new ListFilters(" ", "", null, null, null, null, null).reader("test instance", ALL);

		assertThat(read.text()).isNull();
		assertThat(read.status(TestInstanceStatus.class)).isNull();
		assertThat(read.sort(List.of("id"), ListSort.descending("id"))).isEqualTo(ListSort.descending("id"));
		assertThat(ListFilters.none().given()).isEmpty();
	}

	@Test
	void shouldRefuseEveryProblemAtOnceNamingTheAllowedValues() {
		ListFilters filters = new ListFilters("x".repeat(101), "done", "GROUP", "XDS", "acme", null, "colour");
		ListFilterReader read = filters.reader("test instance", ALL);
		read.text();
		read.status(TestInstanceStatus.class);
		read.profile(List.of("IPS", "MHD"));
		read.organization();
		read.sort(List.of("id", "test"), ListSort.descending("id"));

		assertThatThrownBy(() -> read.finish("never")).isInstanceOfSatisfying(InvalidInputException.class,
				(refused) -> assertThat(refused.problems()).containsExactly(
						"type: the test instance list has no such filter; it has organization, profile, status, table, text",
						"text: expected at most 100 characters, found 101",
						"status: expected one of RUNNING, PAUSED, TO_BE_VERIFIED, VERIFIED, PARTIALLY_VERIFIED, FAILED,"
								+ " ABORTED, found 'done'",
						"profile: expected one of IPS, MHD, found 'XDS'",
						"organization: expected an organization's id, found 'acme'",
						"sort: expected one of id, test, each after a '-' for descending order, found 'colour'"));
	}

	@Test
	void shouldWriteTheFiltersBackIntoTheListsLinks() {
		ListFilters filters = new ListFilters("a&b c", null, null, "IPS", null, "", "-name");

		assertThat(filters.path("/events/1/systems"))
			.isEqualTo("/events/1/systems?text=a%26b%20c&profile=IPS&sort=-name");
		assertThat(filters.path("/events/1/test-instances?mine=true"))
			.isEqualTo("/events/1/test-instances?mine=true&text=a%26b%20c&profile=IPS&sort=-name");
		assertThat(filters.sortPath("/events/1/systems", "name"))
			.isEqualTo("/events/1/systems?text=a%26b%20c&profile=IPS&sort=name");
		assertThat(new ListFilters(null, null, null, null, null, null, "name").sortPath("/l", "name"))
			.isEqualTo("/l?sort=-name");
		assertThat(filters.sortPath("/l", "table")).endsWith("sort=table");
		assertThat(filters.sortOrder("name")).isEqualTo("descending");
		assertThat(filters.sortOrder("table")).isNull();
		assertThat(new ListFilters(null, null, null, null, null, null, "name").sortOrder("name"))
			.isEqualTo("ascending");
	}

	@Test
	void shouldOrderByTheAllowedColumnOnly() {
		assertThat(ListSort.descending("name").orderBy(java.util.Map.of("name", "lower(s.name)"), "s.id"))
			.isEqualTo("lower(s.name) desc nulls last, s.id");
		assertThatThrownBy(() -> ListSort.ascending("1; drop table systems").orderBy(java.util.Map.of(), "s.id"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
