package org.connectathon.platform.proxy.hl7v2;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The HL7 v2 endpoints the platform listens for: those with a listening port, of an open
 * or running event. It reads the registration's and the events' tables, read-only, for
 * the reason {@code ProxyRoutes} gives.
 */
@Repository
class MllpRoutes {

	private static final String SELECT = """
			select endpoints.id endpoint_id, systems.id system_id, events.id event_id, endpoints.base_url,
			endpoints.mllp_port, events.allow_private_addresses
			from endpoints
			join systems on systems.id = endpoints.system_id
			join events on events.id = systems.event_id
			where endpoints.protocol = 'HL7V2' and endpoints.mllp_port is not null
			and events.status in ('OPEN', 'RUNNING')
			""";

	private final JdbcClient jdbc;

	MllpRoutes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every endpoint that should have a listening port now. */
	List<MllpRoute> listening() {
		return this.jdbc.sql(SELECT).query(MllpRoutes::route).list();
	}

	/** The endpoint that has the port now, if it still should be listened for. */
	Optional<MllpRoute> findByPort(int port) {
		return this.jdbc.sql(SELECT + " and endpoints.mllp_port = :port")
			.param("port", port)
			.query(MllpRoutes::route)
			.optional();
	}

	private static MllpRoute route(ResultSet row, int number) throws SQLException {
		return new MllpRoute(row.getLong("event_id"), row.getLong("endpoint_id"), row.getLong("system_id"),
				row.getString("base_url"), row.getInt("mllp_port"), row.getBoolean("allow_private_addresses"));
	}

	/**
	 * An HL7 v2 endpoint and the platform's port for it.
	 *
	 * @param baseUrl where messages go, {@code mllp://host:port}
	 */
	record MllpRoute(long eventId, long endpointId, long receiverSystemId, String baseUrl, int port,
			boolean allowPrivateAddresses) {

	}

}
