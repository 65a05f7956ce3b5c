package org.connectathon.platform.web;

import java.util.List;

import org.connectathon.platform.ListPage;
import org.springframework.http.ResponseEntity;

/**
 * A page of a long list as the API answers it: the items, a JSON array as the list's
 * endpoint always answered, and how many the whole list holds in a header, so that a
 * client knows how many pages to ask for.
 */
public final class PagedLists {

	/** The header holding how many items the whole filtered list holds. */
	public static final String TOTAL_COUNT = "X-Total-Count";

	/** The size of an API page when the caller does not ask for one. */
	public static final String DEFAULT_SIZE = "100";

	private PagedLists() {
	}

	public static <T> ResponseEntity<List<T>> of(ListPage<T> page) {
		return ResponseEntity.ok().header(TOTAL_COUNT, Integer.toString(page.total())).body(page.items());
	}

}
