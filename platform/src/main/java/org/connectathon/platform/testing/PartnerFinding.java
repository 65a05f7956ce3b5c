package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.catalog.ActorReference;
import org.jspecify.annotations.Nullable;

/** One registration of my system (actor and option) and the tests it applies to. */
public record PartnerFinding(long registrationId, ActorReference actor, String actorName,
		@Nullable String optionKeyword, List<ApplicableTest> tests) {

}
