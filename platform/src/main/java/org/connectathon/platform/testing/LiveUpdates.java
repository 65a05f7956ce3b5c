package org.connectathon.platform.testing;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that tell open pages of an event (results matrix, worklist) to
 * reload their table: one {@code changed} event after every committed status change,
 * whose grades are already stored by then. Subscribers are held by the node they
 * connected to; on PostgreSQL every change goes through {@link PostgresNotifications}, so
 * that the pages open on every node of the database hear it.
 */
@Component
public class LiveUpdates {

	private static final long TIMEOUT_MILLIS = 30 * 60 * 1000;

	private final Map<Long, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();

	private final EventService events;

	private final @Nullable PostgresNotifications notifications;

	LiveUpdates(EventService events, ObjectProvider<PostgresNotifications> notifications) {
		this.events = events;
		this.notifications = notifications.getIfAvailable();
		if (this.notifications != null) {
			this.notifications.listen(this::tell);
		}
	}

	/**
	 * A stream of the event's changes for someone who may see the event; browsers
	 * reconnect on their own.
	 */
	public SseEmitter subscribe(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
		List<SseEmitter> listeners = this.subscribers.computeIfAbsent(eventId, (id) -> new CopyOnWriteArrayList<>());
		listeners.add(emitter);
		Runnable remove = () -> listeners.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError((error) -> remove.run());
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
		if (this.notifications != null) {
			this.notifications.announce(change.eventId(), change.instanceId());
		}
		else {
			tell(change.eventId(), change.instanceId());
		}
	}

	/** Tells the pages of the event open on this node. */
	private void tell(long eventId, long instanceId) {
		for (SseEmitter emitter : this.subscribers.getOrDefault(eventId, List.of())) {
			try {
				emitter.send(SseEmitter.event().name("changed").data(instanceId));
			}
			catch (IOException | IllegalStateException exception) {
				// The page went away; its emitter is removed by its completion callback.
				emitter.completeWithError(exception);
			}
		}
	}

}
