package org.connectathon.platform.tracks;

import java.util.List;

import jakarta.validation.Valid;

import org.connectathon.platform.ForbiddenException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.RuleViolationException;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.OrganizationService;
import org.connectathon.platform.security.SignedInUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Pre-event topics: whoever may see an event proposes topics and discusses them; only a
 * topic's author changes it; a participant marks interest for its own organization only;
 * only organizers pin a topic to a room or session. A topic of an event the user may not
 * see is not found.
 */
@Service
@Validated
public class TopicService {

	private final TopicRepository topics;

	private final EventService events;

	private final OrganizationService organizations;

	private final ApplicationEventPublisher publisher;

	TopicService(TopicRepository topics, EventService events, OrganizationService organizations,
			ApplicationEventPublisher publisher) {
		this.topics = topics;
		this.events = events;
		this.organizations = organizations;
		this.publisher = publisher;
	}

	public List<Topic> findByEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.topics.findByEvent(eventId);
	}

	public Topic find(long topicId, SignedInUser user) {
		Topic topic = this.topics.find(topicId).orElseThrow(() -> new NotFoundException("Topic", topicId));
		try {
			this.events.requireVisible(topic.eventId(), user);
		}
		catch (NotFoundException hidden) {
			throw new NotFoundException("Topic", topicId);
		}
		return topic;
	}

	/** Refuses, as not found, a user who may not see the topic. */
	public void requireVisible(long topicId, SignedInUser user) {
		find(topicId, user);
	}

	public List<TopicPost> thread(long topicId, SignedInUser user) {
		requireVisible(topicId, user);
		return this.topics.findPosts(topicId);
	}

	@Transactional
	public Topic propose(long eventId, @Valid TopicForm form, SignedInUser user) {
		Event event = this.events.find(eventId, user);
		if (event.status() == EventStatus.CLOSED) {
			throw new RuleViolationException("The event is closed; topics are proposed before and during it.");
		}
		long id = this.topics.insert(eventId, user.id(), form);
		return changed(id);
	}

	@Transactional
	public Topic update(long topicId, @Valid TopicForm form, SignedInUser user) {
		Topic topic = find(topicId, user);
		if (topic.authorId() != user.id()) {
			throw new ForbiddenException("Only the author of a topic may change it.");
		}
		this.topics.update(topicId, form);
		return changed(topicId);
	}

	@Transactional
	public TopicPost post(long topicId, @Valid TopicPostForm form, SignedInUser user) {
		requireVisible(topicId, user);
		long postId = this.topics.insertPost(topicId, user.id(), form.text().strip());
		changed(topicId);
		return this.topics.findPosts(topicId).stream().filter((post) -> post.id() == postId).findFirst().orElseThrow();
	}

	@Transactional
	public Topic markInterest(long topicId, @Valid TopicInterestForm form, SignedInUser user) {
		requireVisible(topicId, user);
		requireOrganization(form, user);
		this.topics.markInterest(topicId, form.organizationId(), user.id());
		return changed(topicId);
	}

	@Transactional
	public Topic withdrawInterest(long topicId, @Valid TopicInterestForm form, SignedInUser user) {
		requireVisible(topicId, user);
		requireOrganization(form, user);
		this.topics.withdrawInterest(topicId, form.organizationId());
		return changed(topicId);
	}

	/** Pins the topic to a room or session of the agenda; an empty place unpins it. */
	@Transactional
	public Topic pin(long topicId, @Valid TopicPinForm form, SignedInUser user) {
		user.requireAdmin();
		requireVisible(topicId, user);
		String place = form.pinnedTo();
		this.topics.pin(topicId, (place == null || place.isBlank()) ? null : place.strip());
		return changed(topicId);
	}

	private void requireOrganization(TopicInterestForm form, SignedInUser user) {
		user.requireActsFor(form.organizationId());
		this.organizations.find(form.organizationId());
	}

	private Topic changed(long topicId) {
		Topic topic = this.topics.find(topicId).orElseThrow();
		this.publisher.publishEvent(new TopicChanged(topic.eventId(), topicId));
		return topic;
	}

}
