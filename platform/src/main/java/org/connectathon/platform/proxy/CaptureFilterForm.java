package org.connectathon.platform.proxy;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListFilterReader;
import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListSort;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a capture list as typed, in the address of a page or of the API: all
 * optional, blank meaning absent. {@link #toFilter} reads them and refuses, with every
 * problem at once, what it cannot read.
 *
 * @param system the id of a system that sent or received the capture
 * @param status an HTTP status (100 to 599), or {@code failed} for upstream calls that
 * failed
 * @param from the earliest start, an ISO date-time; one without an offset is in UTC, as a
 * page's date-time input sends it
 * @param to the start before which captures end, likewise
 * @param resourceType the FHIR resource type the request was about
 * @param validation a {@link CaptureValidationStatus}, in any case
 * @param text words that the request's address contains, in any case
 * @param organization the id of an organization whose system sent or received the capture
 * @param sort {@code id} (the default, newest first), {@code started}, {@code status},
 * {@code duration} or {@code resource}, after a {@code -} for descending order
 */
public record CaptureFilterForm(@Nullable String system, @Nullable String status, @Nullable String from,
		@Nullable String to, @Nullable String resourceType, @Nullable String validation, @Nullable String text,
		@Nullable String organization, @Nullable String sort) {

	/**
	 * The columns a capture list sorts by, by their names in the address, and their
	 * columns in SQL: the allow-list that keeps the address out of the SQL.
	 */
	public static final Map<String, String> SORT_COLUMNS = sortColumns();

	/** What {@code status} accepts for upstream calls that failed. */
	public static final String FAILED = "failed";

	private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{0,63}");

	public static CaptureFilterForm none() {
		return new CaptureFilterForm(null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The filter these values mean, within the instance when one is given.
	 * @throws InvalidInputException naming each value that it cannot read
	 */
	public CaptureFilter toFilter(@Nullable Long testInstanceId) {
		List<String> problems = new ArrayList<>();
		Long systemId = null;
		if (present(this.system)) {
			try {
				systemId = Long.valueOf(this.system.strip());
			}
			catch (NumberFormatException notANumber) {
				problems.add("system: expected a system's id, found '" + this.system + "'");
			}
		}
		Integer statusCode = null;
		if (present(this.status)) {
			statusCode = statusCode(this.status.strip(), problems);
		}
		OffsetDateTime start = dateTime("from", this.from, problems);
		OffsetDateTime end = dateTime("to", this.to, problems);
		if (start != null && end != null && !end.isAfter(start)) {
			problems.add("to: expected a time after from (" + start + "), found " + end);
		}
		String type = null;
		if (present(this.resourceType)) {
			type = this.resourceType.strip();
			if (!RESOURCE_TYPE.matcher(type).matches()) {
				problems.add("resourceType: expected a FHIR resource type such as Patient, found '" + type + "'");
			}
		}
		CaptureValidationStatus validationStatus = null;
		if (present(this.validation)) {
			try {
				validationStatus = CaptureValidationStatus.valueOf(this.validation.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException unknown) {
				problems.add("validation: expected one of " + Arrays.stream(CaptureValidationStatus.values())
					.map(Enum::name)
					.collect(Collectors.joining(", ")) + ", found '" + this.validation + "'");
			}
		}
		ListFilterReader shared = new ListFilters(this.text, null, null, null, this.organization, null, this.sort)
			.reader("capture", Set.of(ListFilters.TEXT, ListFilters.ORGANIZATION));
		String textPattern = shared.text();
		Long organizationId = shared.organization();
		ListSort order = shared.sort(SORT_COLUMNS.keySet(), CaptureFilter.NEWEST_FIRST);
		problems.addAll(shared.problems());
		if (!problems.isEmpty()) {
			throw new InvalidInputException("The capture filters are not valid.", problems);
		}
		return new CaptureFilter(systemId, testInstanceId, statusCode, start, end, type, validationStatus, textPattern,
				organizationId, order);
	}

	private static @Nullable Integer statusCode(String typed, List<String> problems) {
		if (typed.equalsIgnoreCase(FAILED)) {
			return 0;
		}
		try {
			int code = Integer.parseInt(typed);
			if (code >= 100 && code <= 599) {
				return code;
			}
		}
		catch (NumberFormatException notANumber) {
			// Refused below, as a number out of range is.
		}
		problems.add("status: expected an HTTP status from 100 to 599 or '" + FAILED + "', found '" + typed + "'");
		return null;
	}

	private static @Nullable OffsetDateTime dateTime(String field, @Nullable String typed, List<String> problems) {
		if (!present(typed)) {
			return null;
		}
		String value = typed.strip();
		try {
			return OffsetDateTime.parse(value);
		}
		catch (DateTimeParseException withoutOffset) {
			try {
				return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeParseException notADateTime) {
				problems.add(field + ": expected an ISO date-time such as 2026-12-07T09:30:00Z, found '" + typed + "'");
				return null;
			}
		}
	}

	/** The filters' values by parameter name, as the address of a page carries them. */
	public Map<String, String> given() {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put("system", this.system);
		values.put("status", this.status);
		values.put("from", this.from);
		values.put("to", this.to);
		values.put("resourceType", this.resourceType);
		values.put("validation", this.validation);
		values.put(ListFilters.TEXT, this.text);
		values.put(ListFilters.ORGANIZATION, this.organization);
		values.put(ListFilters.SORT, this.sort);
		Map<String, String> given = new LinkedHashMap<>();
		values.forEach((name, value) -> {
			if (present(value)) {
				given.put(name, value);
			}
		});
		return given;
	}

	private static Map<String, String> sortColumns() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("id", "id");
		columns.put("started", "started_at");
		columns.put("status", "status");
		columns.put("duration", "total_millis");
		columns.put("resource", "resource_type");
		return Collections.unmodifiableMap(columns);
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
