package org.connectathon.platform.tracks;

/**
 * Published when a topic, its thread or its interest marks changed, for the live topic
 * pages.
 */
public record TopicChanged(long eventId, long topicId) {

}
