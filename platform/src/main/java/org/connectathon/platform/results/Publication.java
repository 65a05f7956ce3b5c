package org.connectathon.platform.results;

import java.time.OffsetDateTime;
import java.util.List;

/** The results of an event as organizers published them: frozen, public. */
public record Publication(long eventId, String eventName, OffsetDateTime publishedAt, String publishedByName,
		List<PublishedResult> results) {

}
