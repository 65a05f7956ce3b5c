package org.connectathon.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.connectathon.platform.automation.ScriptRunStatus;
import org.connectathon.platform.catalog.ProfileKind;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.monitoring.StepVerdict;
import org.connectathon.platform.registration.ContactRole;
import org.connectathon.platform.results.Grade;
import org.connectathon.platform.results.PublicationAction;
import org.connectathon.platform.registration.SystemStatus;
import org.connectathon.platform.registration.TestingType;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.testing.ChangeAction;
import org.connectathon.platform.evidence.EvidenceKind;
import org.connectathon.platform.testing.StepStatus;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.testing.TestType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text key a page asks for exists in messages.properties, so no page shows a raw
 * key.
 */
class MessagesTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * {@code #{key}} and {@code #{key(args)}}; keys built at run time ({@code #{|...|}})
	 * are checked below.
	 */
	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)");

	@Test
	void shouldDefineEveryKeyThatATemplateUses() throws IOException {
		Properties messages = new Properties();
		try (InputStream input = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(input);
		}
		List<String> missing = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(TEMPLATES)) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!messages.containsKey(matcher.group(1))) {
						missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void shouldDefineATextForEveryValueOfTheEnumsThatPagesShow() throws IOException {
		Properties messages = new Properties();
		try (InputStream input = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(input);
		}
		assertThat(messages).containsKeys(keys("event.status.", EventStatus.values()))
			.containsKeys(keys("system.status.", SystemStatus.values()))
			.containsKeys(keys("testingType.", TestingType.values()))
			.containsKeys(keys("contact.role.", ContactRole.values()))
			.containsKeys(keys("catalog.kind.", ProfileKind.values()))
			.containsKeys(keys("role.", Role.values()))
			.containsKeys(keys("testing.type.", TestType.values()))
			.containsKeys(keys("instance.status.", TestInstanceStatus.values()))
			.containsKeys(keys("instance.move.", TestInstanceStatus.values()))
			.containsKeys(keys("instance.step.", StepStatus.values()))
			.containsKeys(keys("instance.evidence.kind.", EvidenceKind.values()))
			.containsKeys(keys("instance.action.", ChangeAction.values()))
			.containsKeys(keys("verify.step.", StepVerdict.values()))
			.containsKeys(keys("results.grade.", Grade.values()))
			.containsKeys(keys("results.publication.", PublicationAction.values()))
			.containsKeys(keys("automation.run.", ScriptRunStatus.values()));
	}

	private static Object[] keys(String prefix, Enum<?>[] values) {
		return Stream.of(values).map((value) -> prefix + value.name()).toArray();
	}

}
