package org.connectathon.platform.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.connectathon.platform.catalog.Protocol;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a proxy address leads: the endpoint it stands for, in one query. It reads the
 * registration's and the events' tables, read-only, because an exchange has no signed-in
 * user for those features' services to judge and must cost one query, not three. What it
 * read is kept for {@link #KEPT} (on each node), so that a busy endpoint costs no query
 * per exchange: a changed base URL, a removed endpoint or a closed event take effect that
 * much later.
 */
@Repository
class ProxyRoutes {

	static final Duration KEPT = Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final Cache<List<Long>, Optional<ProxyRoute>> routes = Caffeine.newBuilder()
		.expireAfterWrite(KEPT)
		.maximumSize(10_000)
		.build();

	ProxyRoutes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The endpoint of that event, when the event forwards now: it is open or running (a
	 * draft event is not public; a closed one is over).
	 */
	Optional<ProxyRoute> find(long eventId, long endpointId) {
		return this.routes.get(List.of(eventId, endpointId), (key) -> read(eventId, endpointId));
	}

	private Optional<ProxyRoute> read(long eventId, long endpointId) {
		return this.jdbc.sql("""
				select endpoints.id endpoint_id, systems.id system_id, endpoints.base_url, endpoints.protocol,
				events.allow_private_addresses
				from endpoints
				join systems on systems.id = endpoints.system_id
				join events on events.id = systems.event_id
				where endpoints.id = :endpointId and events.id = :eventId and events.status in ('OPEN', 'RUNNING')
				""")
			.param("endpointId", endpointId)
			.param("eventId", eventId)
			.query((row, number) -> new ProxyRoute(eventId, row.getLong("endpoint_id"), row.getLong("system_id"),
					row.getString("base_url"), Protocol.valueOf(row.getString("protocol")),
					row.getBoolean("allow_private_addresses")))
			.optional();
	}

	/**
	 * An endpoint that a proxy address stands for.
	 *
	 * @param receiverSystemId the system the endpoint belongs to
	 * @param protocol what the endpoint speaks, which its captures are recorded as
	 */
	record ProxyRoute(long eventId, long endpointId, long receiverSystemId, String baseUrl, Protocol protocol,
			boolean allowPrivateAddresses) {

	}

}
