package org.connectathon.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded H2 database (the default, in a file under {@code connectathon.home}) runs
 * with {@code AUTO_SERVER=TRUE}, so that the {@code admin} commands work beside a running
 * {@code serve}: the first process to open the file serves it to the others over TCP. H2
 * binds that port on every interface unless the {@code h2.bindAddress} system property
 * names one, and the database's {@code sa} user had no password. Here the port is bound
 * to loopback and the database gets a generated password, kept in
 * {@code <home>/database-password}, readable by its owner only, where every process of
 * the platform on the machine finds it. A database made before passwords (the empty one)
 * is given the new password on its first start.
 * <p>
 * Applies only to an H2 file URL configured without a password: an operator's own
 * password, an in-memory database or PostgreSQL are left alone.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedDatabaseProtection {

	static final String PASSWORD_FILE = "database-password";

	/**
	 * Written before the database's password is changed, so that a crash loses nothing.
	 */
	static final String PENDING_PASSWORD_FILE = "database-password.pending";

	private static final String FILE_URL = "jdbc:h2:file:";

	/** H2's code for a wrong user name or password. */
	private static final int WRONG_USER_OR_PASSWORD = 28000;

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseProtection.class);

	/**
	 * Runs on the data source's settings before the data source exists, which is before
	 * the process's first H2 connection reads {@code h2.bindAddress}.
	 */
	@Bean
	static BeanPostProcessor embeddedDatabasePassword(Environment environment) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSourceProperties properties && properties.getUrl() != null
						&& properties.getUrl().startsWith(FILE_URL)
						&& (properties.getPassword() == null || properties.getPassword().isEmpty())) {
					bindToLoopback();
					properties.setPassword(password(properties.getUrl(), properties.getUsername(),
							Path.of(environment.getRequiredProperty("connectathon.home"))));
				}
				return bean;
			}

		};
	}

	private static void bindToLoopback() {
		if (System.getProperty("h2.bindAddress") == null) {
			System.setProperty("h2.bindAddress", "127.0.0.1");
		}
	}

	/**
	 * The database's password from the home folder; made there, and given to a database
	 * that still has the empty password, when missing.
	 */
	static String password(String url, String user, Path home) {
		try {
			Path file = home.resolve(PASSWORD_FILE);
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8).strip();
			}
			Files.createDirectories(home);
			Path pending = home.resolve(PENDING_PASSWORD_FILE);
			if (!Files.exists(pending)) {
				writeOwnerOnly(pending, generated());
			}
			String password = Files.readString(pending, StandardCharsets.UTF_8).strip();
			if (Files.exists(databaseFile(url))) {
				giveExistingDatabase(url, user, password);
			}
			Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
			return password;
		}
		catch (IOException exception) {
			throw new UncheckedIOException("Cannot keep the embedded database's password in " + home, exception);
		}
	}

	/**
	 * A database made before this version has the empty password: it gets the new one.
	 * Refused with the empty password means it already has it (a start that stopped
	 * between the change and the file's move).
	 */
	private static void giveExistingDatabase(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, "");
				PreparedStatement change = connection
					.prepareStatement("alter user \"" + user.replace("\"", "\"\"") + "\" set password ?")) {
			change.setString(1, password);
			change.execute();
			log.info("The embedded database had no password; it now has the one in {}", PASSWORD_FILE);
		}
		catch (SQLException exception) {
			if (exception.getErrorCode() != WRONG_USER_OR_PASSWORD) {
				throw new IllegalStateException(
						"Cannot open the embedded database to give it a password: " + exception.getMessage(),
						exception);
			}
		}
	}

	/** The file H2 keeps the database in: the URL's path with {@code .mv.db}. */
	private static Path databaseFile(String url) {
		String path = url.substring(FILE_URL.length());
		int options = path.indexOf(';');
		return Path.of(((options >= 0) ? path.substring(0, options) : path) + ".mv.db");
	}

	private static String generated() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Created with mode 600 from the start, so that no one else can read it even briefly.
	 */
	private static void writeOwnerOnly(Path file, String content) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the file inherits the folder's access list, the user's own profile
			Files.createFile(file);
		}
		catch (FileAlreadyExistsException anotherProcessWroteIt) {
			return;
		}
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
