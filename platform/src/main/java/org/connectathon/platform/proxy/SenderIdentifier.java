package org.connectathon.platform.proxy;

import java.util.List;

import org.connectathon.platform.proxy.Capture.SenderIdentification;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells which system of the event sent an exchange: the system whose capture token the
 * request carries, else the one system that registered the client's address. A token of
 * another event's system, or an address that several systems registered, names no one. It
 * reads the registration's systems table, read-only, for the reason {@link ProxyRoutes}
 * gives.
 */
@Component
class SenderIdentifier {

	private final JdbcClient jdbc;

	SenderIdentifier(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Nullable Sender identify(long eventId, @Nullable String token, String clientAddress) {
		if (token != null && !token.isBlank()) {
			List<Long> systems = this.jdbc
				.sql("select id from systems where event_id = :eventId and capture_token = :token")
				.param("eventId", eventId)
				.param("token", token.strip())
				.query(Long.class)
				.list();
			if (systems.size() == 1) {
				return new Sender(systems.get(0), SenderIdentification.SYSTEM_TOKEN);
			}
		}
		List<Long> matching = this.jdbc
			.sql("select id, client_addresses from systems where event_id = :eventId and client_addresses is not null")
			.param("eventId", eventId)
			.query((row, number) -> registers(row.getString("client_addresses"), clientAddress) ? row.getLong("id")
					: null)
			.list()
			.stream()
			.filter((id) -> id != null)
			.toList();
		return (matching.size() == 1) ? new Sender(matching.get(0), SenderIdentification.CLIENT_ADDRESS) : null;
	}

	private static boolean registers(String clientAddresses, String clientAddress) {
		try {
			return ClientAddressRange.parseList(clientAddresses)
				.stream()
				.anyMatch((range) -> range.contains(clientAddress));
		}
		catch (IllegalArgumentException storedBeforeTheCheck) {
			return false;
		}
	}

	record Sender(long systemId, SenderIdentification identifiedBy) {

	}

}
