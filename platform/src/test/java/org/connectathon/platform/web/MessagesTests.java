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

	private static final Path SOURCES = Path.of("src/main/java");

	/** A message key given to a fragment of fragments/forms.html, such as a label. */
	private static final Pattern FRAGMENT_KEY = Pattern.compile("forms :: input \\('([a-zA-Z][\\w.]*)'");

	/**
	 * Text a controller would show on a page as it is: a flash, a model attribute or an
	 * exception whose first argument is a string literal or a concatenation.
	 */
	private static final Pattern HARD_CODED_TEXT = Pattern
		.compile("(addFlashAttribute\\(\\s*\"\\w+\",\\s*|addAttribute\\(\\s*\"(?:error|message|reason)\",\\s*"
				+ "|new \\w+Exception\\(\\s*)\"[^\"]*\"");

	/**
	 * A key a controller names: {@code PageMessage.of("key"}, a form's or a field's error
	 * {@code reject("key"} or {@code rejectValue("field", "key"}, a text it resolves
	 * {@code getMessage("key"}.
	 */
	private static final Pattern CONTROLLER_KEY = Pattern
		.compile("(?:PageMessage\\.of\\(|rejectValue\\(\\s*\"\\w+\",\\s*|reject\\(\\s*|getMessage\\(\\s*)"
				+ "\"([a-zA-Z][\\w.]*)\"");

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
				String text = Files.readString(template);
				for (Pattern key : List.of(KEY, FRAGMENT_KEY)) {
					Matcher matcher = key.matcher(text);
					while (matcher.find()) {
						if (!messages.containsKey(matcher.group(1))) {
							missing.add(TEMPLATES.relativize(template) + ": " + matcher.group(1));
						}
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void shouldTakeThePageTextsOfControllersFromMessageKeys() throws IOException {
		Properties messages = messages();
		List<String> hardCoded = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (Path controller : pageControllers()) {
			String source = Files.readString(controller);
			Matcher text = HARD_CODED_TEXT.matcher(source);
			while (text.find()) {
				hardCoded.add(SOURCES.relativize(controller) + ": " + text.group());
			}
			Matcher key = CONTROLLER_KEY.matcher(source);
			while (key.find()) {
				if (!messages.containsKey(key.group(1))) {
					missing.add(SOURCES.relativize(controller) + ": " + key.group(1));
				}
			}
		}
		assertThat(hardCoded).as("texts written in page controllers").isEmpty();
		assertThat(missing).as("keys that messages.properties lacks").isEmpty();
	}

	@Test
	void shouldFindHardCodedTextsThatThePageControllersCheckLooksFor() {
		assertThat(HARD_CODED_TEXT.matcher("redirect.addFlashAttribute(\"message\", \"Saved.\");").find()).isTrue();
		assertThat(HARD_CODED_TEXT.matcher("redirect.addFlashAttribute(\"message\", \"Added \" + name);").find())
			.isTrue();
		assertThat(HARD_CODED_TEXT.matcher("throw new InvalidInputException(\"Choose a file.\");").find()).isTrue();
		assertThat(HARD_CODED_TEXT.matcher("model.addAttribute(\"error\", \"Paste a resource.\");").find()).isTrue();
		assertThat(HARD_CODED_TEXT
			.matcher("redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of(\"system.saved\"));")
			.find()).isFalse();
		assertThat(CONTROLLER_KEY.matcher("result.rejectValue(\"actors\", \"system.actors.none\");").find()).isTrue();
		assertThat(CONTROLLER_KEY.matcher("result.reject(\"automation.scripts.chooseFile\");").find()).isTrue();
		assertThat(pageControllers()).as("the page controllers found").hasSizeGreaterThan(10);
	}

	/** The sources of the classes that answer pages, annotated {@code @Controller}. */
	private static List<Path> pageControllers() {
		try (Stream<Path> sources = Files.walk(SOURCES)) {
			return sources.filter((path) -> path.toString().endsWith(".java")).filter((path) -> {
				try {
					return Files.readString(path).contains("\n@Controller\n");
				}
				catch (IOException exception) {
					throw new java.io.UncheckedIOException(exception);
				}
			}).toList();
		}
		catch (IOException exception) {
			throw new java.io.UncheckedIOException(exception);
		}
	}

	private Properties messages() throws IOException {
		Properties messages = new Properties();
		try (InputStream input = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(input);
		}
		return messages;
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
