package org.connectathon.platform.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.catalog.Catalog;
import org.connectathon.platform.catalog.CatalogService;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.catalog.RequestPattern;
import org.connectathon.platform.event.EventService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Names what each exchange is before it is stored: the SOAP action that the HTTP headers
 * left out, read from the envelope, and the catalog transaction ({@code XCA:ITI-38}) that
 * the request is by the {@code matches} of the transactions of the event's profiles, or
 * its bare keyword ({@code ITI-41}) when profiles share the transaction. Runs on the
 * capture writer's thread, never on the exchange's. A request that no transaction, or
 * more than one, declares stays unidentified: correlation then still looks at every step
 * it may fit.
 */
@Component
class CaptureIdentification {

	private final CatalogService catalog;

	private final EventService events;

	CaptureIdentification(CatalogService catalog, EventService events) {
		this.catalog = catalog;
		this.events = events;
	}

	List<NewCapture> identify(List<NewCapture> captures) {
		Catalog currentCatalog = this.catalog.recentCatalog();
		Map<Long, Map<String, List<RequestPattern>>> patternsByEvent = new HashMap<>();
		List<NewCapture> identified = new ArrayList<>(captures.size());
		for (NewCapture capture : captures) {
			String messageType = capture.messageType();
			if (messageType == null && capture.protocol() == Protocol.SOAP) {
				messageType = SoapAction.fromBody(capture.request().contentType(), capture.request().body());
			}
			Map<String, List<RequestPattern>> patterns = patternsByEvent.computeIfAbsent(capture.eventId(),
					(eventId) -> patternsByTransaction(currentCatalog, eventProfiles(eventId)));
			identified.add(capture.identified(messageType, transaction(capture, messageType, patterns)));
		}
		return identified;
	}

	private static @Nullable String transaction(NewCapture capture, @Nullable String messageType,
			Map<String, List<RequestPattern>> patterns) {
		Set<String> found = new LinkedHashSet<>();
		for (Map.Entry<String, List<RequestPattern>> transaction : patterns.entrySet()) {
			if (transaction.getValue()
				.stream()
				.anyMatch((pattern) -> CandidateStep.matches(pattern, capture.protocol(), capture.resourceType(),
						capture.interaction(), capture.url(), messageType))) {
				found.add(transaction.getKey());
			}
		}
		if (found.size() == 1) {
			return found.iterator().next();
		}
		// XDS.b's and XDR's ITI-41 are one transaction in two profiles.
		Set<String> keywords = found.stream()
			.map((qualified) -> qualified.substring(qualified.indexOf(':') + 1))
			.collect(Collectors.toSet());
		return (keywords.size() == 1) ? keywords.iterator().next() : null;
	}

	/** The event's profiles; none for an event removed since the exchange. */
	private List<String> eventProfiles(long eventId) {
		try {
			return this.events.find(eventId, CaptureCorrelator.CORRELATION).profiles();
		}
		catch (NotFoundException removed) {
			return List.of();
		}
	}

	/** The transactions of the profiles in the event's scope, which its tests are of. */
	private static Map<String, List<RequestPattern>> patternsByTransaction(Catalog catalog,
			List<String> eventProfiles) {
		Map<String, List<RequestPattern>> patterns = new LinkedHashMap<>();
		for (Catalog.CatalogProfile profile : catalog.profiles()) {
			if (!eventProfiles.contains(profile.profile().keyword())) {
				continue;
			}
			profile.transactions()
				.forEach((transaction) -> patterns.put(profile.profile().keyword() + ":" + transaction.keyword(),
						transaction.requestPatterns()));
		}
		return patterns;
	}

}
