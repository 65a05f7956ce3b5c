package org.connectathon.platform.proxy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells which system of the event sent an exchange: the system whose capture token the
 * request carries, else the one system that registered the client's address. A token of
 * another event's system, or an address that several systems registered, names no one. It
 * reads the registration's systems table, read-only, for the reason {@link ProxyRoutes}
 * gives, and keeps an event's tokens and addresses as long: a new token or address counts
 * that much later.
 */
@Component
public class SenderIdentifier {

	private final JdbcClient jdbc;

	private final Cache<Long, EventSenders> events = Caffeine.newBuilder()
		.expireAfterWrite(ProxyRoutes.KEPT)
		.maximumSize(1000)
		.build();

	SenderIdentifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public @Nullable Sender identify(long eventId, @Nullable String token, String clientAddress) {
		EventSenders senders = this.events.get(eventId, this::read);
		if (token != null) {
			Long system = senders.byToken().get(token.strip());
			if (system != null) {
				return new Sender(system, SenderIdentification.SYSTEM_TOKEN);
			}
		}
		List<Long> matching = senders.byAddress()
			.entrySet()
			.stream()
			.filter((system) -> system.getValue().stream().anyMatch((range) -> range.contains(clientAddress)))
			.map(Map.Entry::getKey)
			.toList();
		return (matching.size() == 1) ? new Sender(matching.get(0), SenderIdentification.CLIENT_ADDRESS) : null;
	}

	private EventSenders read(long eventId) {
		Map<String, Long> byToken = new HashMap<>();
		Map<Long, List<ClientAddressRange>> byAddress = new HashMap<>();
		this.jdbc.sql("""
				select id, capture_token, client_addresses from systems
				where event_id = :eventId and (capture_token is not null or client_addresses is not null)""")
			.param("eventId", eventId)
			.query((row) -> {
				long system = row.getLong("id");
				String token = row.getString("capture_token");
				if (token != null) {
					byToken.put(token, system);
				}
				String addresses = row.getString("client_addresses");
				if (addresses != null) {
					try {
						byAddress.put(system, ClientAddressRange.parseList(addresses));
					}
					catch (IllegalArgumentException storedBeforeTheCheck) {
						// an address the check refuses now names no one
					}
				}
			});
		return new EventSenders(byToken, byAddress);
	}

	private record EventSenders(Map<String, Long> byToken, Map<Long, List<ClientAddressRange>> byAddress) {

	}

	public record Sender(long systemId, SenderIdentification identifiedBy) {

	}

}
