package org.connectathon.platform.tracks;

import java.time.OffsetDateTime;

/** A message of a topic's thread. */
public record TopicPost(long id, long topicId, long authorId, String authorName, String text,
		OffsetDateTime createdAt) {

}
