package org.connectathon.platform.tracks;

import jakarta.validation.constraints.NotNull;

/** The organization whose interest in a topic is marked or withdrawn. */
public record TopicInterestForm(@NotNull Long organizationId) {

}
