package org.connectathon.platform.proxy.hl7v2;

import java.io.IOException;
import java.net.Socket;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.proxy.CaptureRecorder;
import org.connectathon.platform.proxy.CapturedMessage;
import org.connectathon.platform.proxy.NewCapture;
import org.connectathon.platform.proxy.ProxySettings;
import org.connectathon.platform.proxy.SenderIdentifier;
import org.connectathon.platform.proxy.hl7v2.MllpRoutes.MllpRoute;
import org.connectathon.platform.security.OutboundAddresses;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * Listens, on this node, on the port of every HL7 v2 endpoint of an open or running
 * event, and relays what comes there to the endpoint ({@link MllpRelayConnection}). The
 * ports to listen on are read from the database at start-up and every
 * {@link #RECONCILED_EVERY} seconds, so that an endpoint added or removed on any node, or
 * an event opened or closed, starts or stops its listener that much later. A port that
 * another program holds is tried again at each round and logged once; a port outside the
 * configured range is not opened.
 */
public class MllpRelay implements SmartLifecycle {

	static final int RECONCILED_EVERY = 2;

	/** The method of every HL7 v2 capture, where HTTP ones have theirs. */
	public static final String METHOD = "MLLP";

	private static final Log logger = LogFactory.getLog(MllpRelay.class);

	private final MllpRoutes routes;

	private final MllpSettings settings;

	private final ProxySettings proxySettings;

	private final ExecutorService connections;

	private final Hl7v2Acknowledgements acknowledgements;

	private final SenderIdentifier senders;

	private final CaptureRecorder recorder;

	private final OutboundAddresses outbound;

	private final Map<Integer, Listener> listeners = new ConcurrentHashMap<>();

	private final Set<Integer> unavailable = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ScheduledExecutorService reconciler;

	/**
	 * Guarded by this: a round that waited for {@link #stop()} must not open ports again.
	 */
	private boolean running;

	MllpRelay(MllpRoutes routes, MllpSettings settings, ProxySettings proxySettings, ExecutorService connections,
			Hl7v2Acknowledgements acknowledgements, SenderIdentifier senders, CaptureRecorder recorder,
			OutboundAddresses outbound) {
		this.routes = routes;
		this.settings = settings;
		this.proxySettings = proxySettings;
		this.connections = connections;
		this.acknowledgements = acknowledgements;
		this.senders = senders;
		this.recorder = recorder;
		this.outbound = outbound;
	}

	/** The ports this node listens on now, by endpoint id. */
	public Map<Long, Integer> listeningPorts() {
		Map<Long, Integer> ports = new HashMap<>();
		this.listeners.forEach((port, listener) -> ports.put(listener.endpointId(), port));
		return ports;
	}

	/** Opens and closes listeners to match the endpoints as stored now. */
	public synchronized void reconcile() {
		if (!this.running) {
			return;
		}
		// Ports outside the range are not this node's to open: an organizer narrowed it.
		List<MllpRoute> wanted = this.routes.listening()
			.stream()
			.filter((route) -> this.settings.inRange(route.port()))
			.toList();
		Map<Integer, Long> endpointsByPort = new HashMap<>();
		wanted.forEach((route) -> endpointsByPort.put(route.port(), route.endpointId()));
		this.listeners.entrySet().removeIf((listening) -> {
			Long endpoint = endpointsByPort.get(listening.getKey());
			if (endpoint != null && endpoint == listening.getValue().endpointId()) {
				return false;
			}
			listening.getValue().server().close();
			return true;
		});
		this.unavailable.retainAll(endpointsByPort.keySet());
		for (MllpRoute route : wanted) {
			if (this.listeners.containsKey(route.port())) {
				continue;
			}
			long endpointId = route.endpointId();
			int port = route.port();
			try {
				MllpServer server = new MllpServer("mllp-relay-" + port, port, this.connections,
						(client) -> relay(port, client));
				this.listeners.put(port, new Listener(endpointId, server));
				this.unavailable.remove(route.port());
			}
			catch (IOException taken) {
				if (this.unavailable.add(route.port())) {
					logger.warn("Cannot listen on port " + route.port() + " for HL7 v2 endpoint " + endpointId + ": "
							+ taken.getMessage());
				}
			}
		}
	}

	private void relay(int port, Socket client) {
		// Read again: the endpoint may have changed, or another taken its port, since the
		// listener opened.
		MllpRoute route = this.routes.findByPort(port).orElse(null);
		if (route == null) {
			return;
		}
		try {
			new MllpRelayConnection(route, client, this).run();
		}
		catch (IOException broken) {
			logger.debug("An MLLP connection to endpoint " + route.endpointId() + " broke off", broken);
		}
		catch (RuntimeException unexpected) {
			logger.error("The MLLP relay failed on endpoint " + route.endpointId(), unexpected);
		}
	}

	/** Queues the capture of one message and its acknowledgement (or what came of it). */
	void record(MllpRoute route, Socket client, OffsetDateTime startedAt, int totalMillis,
			@Nullable Integer upstreamMillis, byte[] message, byte @Nullable [] acknowledgement,
			@Nullable String failure) {
		String clientAddress = client.getInetAddress().getHostAddress();
		SenderIdentifier.Sender sender = this.senders.identify(route.eventId(), null, clientAddress);
		Hl7v2Header header = Hl7v2Header.of(Hl7v2Text.text(message));
		String messageType = (header != null) ? header.messageType() : null;
		this.recorder.record(new NewCapture(route.eventId(), route.endpointId(), route.receiverSystemId(),
				(sender != null) ? sender.systemId() : null, (sender != null) ? sender.identifiedBy() : null,
				clientAddress, startedAt, upstreamMillis, totalMillis, METHOD, (messageType != null) ? messageType : "",
				route.baseUrl(), null, failure, null, null, captured(message), (acknowledgement != null)
						? captured(acknowledgement) : new CapturedMessage(List.of(), null, null, 0, false),
				Protocol.HL7V2, messageType, null));
	}

	private CapturedMessage captured(byte[] message) {
		int maximum = this.proxySettings.maximumCapturedBytes();
		byte[] kept = (message.length > maximum) ? Arrays.copyOf(message, maximum) : message;
		return new CapturedMessage(List.of(), Hl7v2Text.contentType(message), (message.length == 0) ? null : kept,
				message.length, message.length > maximum);
	}

	MllpSettings settings() {
		return this.settings;
	}

	ProxySettings proxySettings() {
		return this.proxySettings;
	}

	OutboundAddresses outbound() {
		return this.outbound;
	}

	Hl7v2Acknowledgements acknowledgements() {
		return this.acknowledgements;
	}

	@Override
	public void start() {
		synchronized (this) {
			this.running = true;
		}
		try {
			reconcile();
		}
		catch (RuntimeException databaseAway) {
			logger.warn("Could not read the HL7 v2 endpoints to listen for; trying again shortly", databaseAway);
		}
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mllp-listeners");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(this::reconcileQuietly, RECONCILED_EVERY, RECONCILED_EVERY, TimeUnit.SECONDS);
		this.reconciler = scheduler;
	}

	private void reconcileQuietly() {
		try {
			reconcile();
		}
		catch (RuntimeException databaseAway) {
			logger.debug("Could not read the HL7 v2 endpoints to listen for", databaseAway);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.reconciler;
		this.reconciler = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		synchronized (this) {
			this.running = false;
			this.listeners.values().forEach((listener) -> listener.server().close());
			this.listeners.clear();
		}
	}

	@Override
	public boolean isRunning() {
		return this.reconciler != null;
	}

	private record Listener(long endpointId, MllpServer server) {

	}

}
