package org.connectathon.platform.proxy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.connectathon.platform.catalog.Catalog;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.catalog.RequestPattern;
import org.connectathon.platform.catalog.Transaction;
import org.connectathon.platform.testing.InstanceParticipant;
import org.connectathon.platform.testing.TestDefinition;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestStep;
import org.jspecify.annotations.Nullable;

/**
 * A step of a running instance that a capture may be evidence for: the receiver plays the
 * step's responder role, the sender (when the proxy knows it) its initiator role, and the
 * request is one that the step's transaction declares in the catalog
 * ({@link RequestPattern}).
 */
record CandidateStep(long instanceId, int stepIndex) {

	/**
	 * Every candidate step of the capture among the instances, which the caller chose
	 * among the running ones of the capture's event in which its receiver takes part.
	 * @param tests the test of an instance, by test id
	 */
	static List<CandidateStep> of(Capture capture, List<TestInstance> instances, Function<Long, TestDefinition> tests,
			Catalog catalog) {
		List<CandidateStep> candidates = new ArrayList<>();
		if (capture.receiverSystemId() == null
				|| !isKnownRequest(capture.protocol(), capture.interaction(), capture.messageType())) {
			return candidates;
		}
		for (TestInstance instance : instances) {
			if (instance.eventId() != capture.eventId()) {
				continue;
			}
			Set<String> receiverRoles = roles(instance, capture.receiverSystemId());
			Set<String> senderRoles = (capture.senderSystemId() != null) ? roles(instance, capture.senderSystemId())
					: null;
			for (TestStep step : tests.apply(instance.testId()).steps()) {
				boolean rolesMatch = receiverRoles.contains(step.responderRole())
						&& (senderRoles == null || senderRoles.contains(step.initiatorRole()));
				if (rolesMatch && step.transaction() != null
						&& catalog.transaction(step.transaction())
							.map(Transaction::requestPatterns)
							.orElse(List.of())
							.stream()
							.anyMatch((pattern) -> matches(pattern, capture.protocol(), capture.resourceType(),
									capture.interaction(), capture.url(), capture.messageType()))) {
					candidates.add(new CandidateStep(instance.id(), step.index()));
				}
			}
		}
		return candidates;
	}

	/**
	 * Whether the proxy could tell what the request is: its FHIR interaction, or its SOAP
	 * action or HL7 v2 message type.
	 */
	static boolean isKnownRequest(Protocol protocol, @Nullable String interaction, @Nullable String messageType) {
		return (protocol == Protocol.FHIR) ? interaction != null : messageType != null;
	}

	/** Whether a request, as a capture records it, is of the pattern's kind. */
	static boolean matches(RequestPattern pattern, Protocol protocol, @Nullable String resourceType,
			@Nullable String interaction, String url, @Nullable String messageType) {
		return (protocol == Protocol.FHIR) ? pattern.matches(resourceType, interaction, operation(url))
				: pattern.matches(protocol, messageType);
	}

	/**
	 * The operation ({@code $summary}) that the path calls, null when it calls none: the
	 * first segment of the path, before any query, that starts with {@code $}.
	 */
	static @Nullable String operation(String url) {
		int query = url.indexOf('?');
		String path = (query >= 0) ? url.substring(0, query) : url;
		for (String segment : path.split("/")) {
			if (segment.startsWith("$") && segment.length() > 1) {
				return segment;
			}
		}
		return null;
	}

	private static Set<String> roles(TestInstance instance, long systemId) {
		return instance.participants()
			.stream()
			.filter((participant) -> participant.systemId() == systemId)
			.map(InstanceParticipant::roleKeyword)
			.collect(Collectors.toSet());
	}

}
