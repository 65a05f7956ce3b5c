package org.connectathon.platform.live;

import org.connectathon.platform.testing.InstanceProgressed;
import org.connectathon.platform.testing.InstanceStatusChanged;
import org.connectathon.platform.testing.TestInstanceService;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.proxy.Capture;
import org.connectathon.platform.proxy.CapturesStored;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.tracks.TopicChanged;
import org.connectathon.platform.tracks.TopicService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that tell open pages to reload their live part, through htmx's SSE
 * extension. Each event has a stream, and so has each test instance: the event's stream
 * hears every committed status change of its instances, whose grades are already stored
 * by then (results matrix, worklist); the instance's stream hears those of the instance
 * and the progress of its automated steps' runs (the automated steps panel). Every stream
 * starts with a {@code subscribed} event, on each reconnection too, so that a page
 * catches up with what changed before it listened; then one {@code changed} event per
 * change, whose data is the instance's id. An event's captures have a stream of their
 * own, which hears each stored batch of the recording proxy's captures once (the data is
 * the event's id): the capture lists. A pre-event topic has a stream as well, which hears
 * its posts, interest marks and pin (the data is the topic's id): the topic page's
 * thread.
 * <p>
 * Subscribers are held by the node they connected to; on PostgreSQL every change goes
 * through {@link PostgresNotifications}, so that the pages open on every node of the
 * database hear it, wherever the change was made (a script run's worker may be on another
 * node than the page).
 */
@Component
public class LiveUpdates {

	private static final long TIMEOUT_MILLIS = 30 * 60 * 1000;

	private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();

	private final EventService events;

	private final TestInstanceService instances;

	private final @Nullable PostgresNotifications notifications;

	private final TopicService topics;

	LiveUpdates(EventService events, TestInstanceService instances, ObjectProvider<PostgresNotifications> notifications,
			TopicService topics) {
		this.events = events;
		this.instances = instances;
		this.topics = topics;
		this.notifications = notifications.getIfAvailable();
		if (this.notifications != null) {
			this.notifications.listen(this::tell);
		}
	}

	/**
	 * A stream of the event's changes for someone who may see the event; browsers
	 * reconnect on their own.
	 */
	public SseEmitter subscribeToEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return subscribe(eventStream(eventId));
	}

	/**
	 * A stream of the instance's changes, its runs' progress included, for someone who
	 * may see the instance.
	 */
	public SseEmitter subscribeToInstance(long instanceId, SignedInUser user) {
		this.instances.requireVisible(instanceId, user);
		return subscribe(instanceStream(instanceId));
	}

	/**
	 * A stream of the event's new captures for someone who may see the event; each page
	 * then reads again what its reader may see.
	 */
	public SseEmitter subscribeToCaptures(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return subscribe(capturesStream(eventId));
	}

	/**
	 * Pre-event topics: a stream of the topic's changes (its thread, interest marks, pin)
	 * for someone who may see the topic.
	 */
	public SseEmitter subscribeToTopic(long topicId, SignedInUser user) {
		this.topics.requireVisible(topicId, user);
		return subscribe(topicStream(topicId));
	}

	private SseEmitter subscribe(String stream) {
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		this.subscribers.compute(stream, (name, listeners) -> {
			List<SseEmitter> added = (listeners != null) ? listeners : new CopyOnWriteArrayList<>();
			added.add(emitter);
			return added;
		});
		// An instance's stream goes with its last page: instances are many.
		Runnable remove = () -> this.subscribers.computeIfPresent(stream, (name, listeners) -> {
			listeners.remove(emitter);
			return listeners.isEmpty() ? null : listeners;
		});
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((error) -> remove.run());
		// Sent once the emitter listens: whatever changed before is in what the page
		// asks next.
		send(emitter, SseEmitter.event().name("subscribed").data(stream));
		return emitter;
	}

	/**
	 * Ends every stream first when the platform stops, so that a graceful shutdown need
	 * not wait for them.
	 */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		this.subscribers.values().forEach((listeners) -> listeners.forEach(SseEmitter::complete));
		this.subscribers.clear();
	}

	@TransactionalEventListener
	void announce(InstanceStatusChanged change) {
		announce(eventStream(change.eventId()), change.instanceId());
		announce(instanceStream(change.instanceId()), change.instanceId());
	}

	/** Also outside a transaction: a run reports its progress as it goes. */
	@TransactionalEventListener(fallbackExecution = true)
	void announce(InstanceProgressed progress) {
		announce(instanceStream(progress.instanceId()), progress.instanceId());
	}

	/**
	 * Once per event of a batch, not per capture: the proxy stores hundreds at a time
	 * under load.
	 */
	@EventListener
	void announce(CapturesStored stored) {
		stored.captures()
			.stream()
			.map(Capture::eventId)
			.distinct()
			.forEach((eventId) -> announce(capturesStream(eventId), eventId));
	}

	/** Pre-event topics: the data is the topic's id. */
	@TransactionalEventListener(fallbackExecution = true)
	void announce(TopicChanged change) {
		announce(topicStream(change.topicId()), change.topicId());
	}

	private void announce(String stream, long instanceId) {
		if (this.notifications != null) {
			this.notifications.announce(stream, instanceId);
		}
		else {
			tell(stream, instanceId);
		}
	}

	/** Tells the pages open on this node that listen to the stream. */
	private void tell(String stream, long instanceId) {
		for (SseEmitter emitter : this.subscribers.getOrDefault(stream, List.of())) {
			send(emitter, SseEmitter.event().name("changed").data(instanceId));
		}
	}

	private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException exception) {
			// The page went away; its emitter is removed by its completion callback.
			emitter.completeWithError(exception);
		}
	}

	/**
	 * Named as the path of the stream's address, which also names it in notifications.
	 */
	private static String eventStream(long eventId) {
		return "events/" + eventId;
	}

	private static String capturesStream(long eventId) {
		return "events/" + eventId + "/captures";
	}

	private static String topicStream(long topicId) {
		return "topics/" + topicId;
	}

	private static String instanceStream(long instanceId) {
		return "test-instances/" + instanceId;
	}

}
