package org.connectathon.platform.monitoring;

import java.util.List;

/**
 * One page of a monitor's worklist, numbered from 0, and how many instances wait in all.
 */
public record WorklistPage(List<WorklistEntry> entries, int page, int total) {

	/** Instances on a page: enough for a busy hour, few enough to render at once. */
	public static final int SIZE = 50;

	public int pageCount() {
		return Math.max(1, (this.total + SIZE - 1) / SIZE);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < pageCount();
	}

}
