package org.connectathon.platform.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries live updates between the platform nodes that share one PostgreSQL database: a
 * node announces a change on a stream of {@link LiveUpdates} with NOTIFY on one channel,
 * and every node, the announcing one included, hears it on its own connection with LISTEN
 * and tells its open pages. The listening connection is opened outside the pool, for as
 * long as the node runs, and opened again after a database restart; changes announced
 * while it was away are lost, and pages catch up at the next one.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url}'.startsWith('jdbc:postgresql:')")
class PostgresNotifications implements SmartLifecycle {

	static final String CHANNEL = "connectathon_live_updates";

	private static final Log logger = LogFactory.getLog(PostgresNotifications.class);

	private static final int WAIT_MILLIS = 500;

	private final JdbcClient jdbc;

	/**
	 * A transaction of its own: PostgreSQL sends a notification when its transaction
	 * commits, and the change's transaction has already committed.
	 */
	private final TransactionTemplate notifying;

	private final String url;

	private final String username;

	private final String password;

	private volatile @Nullable BiConsumer<String, Long> listener;

	private volatile boolean running;

	private @Nullable Thread thread;

	private final CountDownLatch listening = new CountDownLatch(1);

	PostgresNotifications(JdbcClient jdbc, PlatformTransactionManager transactions,
			@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String username,
			@Value("${spring.datasource.password:}") String password) {
		this.jdbc = jdbc;
		this.notifying = new TransactionTemplate(transactions);
		this.notifying.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.url = url;
		this.username = username;
		this.password = password;
	}

	/** Who hears each change: given the stream's name and the changed instance's id. */
	void listen(BiConsumer<String, Long> listener) {
		this.listener = listener;
	}

	/** Tells every node; run after the change committed, so that they read it. */
	void announce(String stream, long instanceId) {
		this.notifying.executeWithoutResult((transaction) -> this.jdbc.sql("select pg_notify(:channel, :payload)")
			.param("channel", CHANNEL)
			.param("payload", stream + ":" + instanceId)
			.query((row) -> {
			}));
	}

	@Override
	public void start() {
		this.running = true;
		Thread listening = new Thread(this::listenUntilStopped, "live-updates-listener");
		listening.setDaemon(true);
		this.thread = listening;
		listening.start();
		// Changes announced before LISTEN is in place would not reach this node's pages.
		try {
			this.listening.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException exception) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Thread listening = this.thread;
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(2 * WAIT_MILLIS);
			}
			catch (InterruptedException exception) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listenUntilStopped() {
		while (this.running) {
			try (Connection connection = DriverManager.getConnection(this.url, this.username, this.password)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("listen " + CHANNEL);
				}
				this.listening.countDown();
				PGConnection notifications = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
					if (received != null) {
						for (PGNotification notification : received) {
							deliver(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException exception) {
				if (this.running) {
					logger.warn("Live updates from other nodes paused: " + exception.getMessage()
							+ "; listening again in a second.");
					pause();
				}
			}
		}
	}

	private void deliver(String payload) {
		BiConsumer<String, Long> heard = this.listener;
		int colon = payload.lastIndexOf(':');
		if (heard == null || colon < 0) {
			return;
		}
		try {
			heard.accept(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1)));
		}
		catch (NumberFormatException exception) {
			logger.warn("Ignored a live update that is not STREAM:INSTANCE: " + payload);
		}
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException exception) {
			Thread.currentThread().interrupt();
		}
	}

}
