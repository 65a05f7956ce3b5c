package org.connectathon.platform.automation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.connectathon.engine.testscript.LoadedTestScript;
import org.connectathon.engine.testscript.TestScriptLoadException;
import org.connectathon.engine.testscript.ProfileValidator;
import org.connectathon.engine.testscript.ScriptParticipant;
import org.connectathon.engine.testscript.TestScriptLoader;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.validation.FhirValidation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TestScripts of an event: organizers upload them (R4 or R5, JSON or XML, fixtures
 * contained in the script), steps of the test plan name them by keyword, which is the
 * script's id; everyone who sees the event reads them, so that participants know what the
 * engine will send. A script is checked by loading it into the engine when it is
 * uploaded, so that a run never meets a script it cannot read.
 */
@Service
public class TestScriptLibrary {

	/** A FHIR id, which is what a step names. */
	private static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

	private final TestScriptRepository scripts;

	private final EventService events;

	private final FhirValidation validation;

	private final TestScriptLoader loader = new TestScriptLoader();

	/**
	 * What each script waits for from its clients under test, by script id and upload
	 * time (an upload of the same keyword replaces the script under its id): pages ask at
	 * every render, and reading a script takes milliseconds.
	 */
	private final Map<String, Optional<ClientSide>> clientSides = new ConcurrentHashMap<>();

	TestScriptLibrary(TestScriptRepository scripts, EventService events, FhirValidation validation) {
		this.scripts = scripts;
		this.events = events;
		this.validation = validation;
	}

	public List<EventTestScript> findInEvent(long eventId, SignedInUser user) {
		this.events.requireVisible(eventId, user);
		return this.scripts.findInEvent(eventId);
	}

	/**
	 * Refuses, as not found, a user who may not see the TestScript: the check before
	 * reading or changing what belongs to it.
	 */
	public void requireVisible(long id, SignedInUser user) {
		find(id, user);
	}

	public EventTestScript find(long id, SignedInUser user) {
		EventTestScript script = this.scripts.find(id).orElseThrow(() -> new NotFoundException("TestScript", id));
		this.events.requireVisible(script.eventId(), user);
		return script;
	}

	/** The script a step names, if the event has it. */
	Optional<EventTestScript> findByKeyword(long eventId, String keyword) {
		return this.scripts.findByKeyword(eventId, keyword);
	}

	public byte[] content(long id, SignedInUser user) {
		requireVisible(id, user);
		return this.scripts.findContent(id).orElseThrow(() -> new NotFoundException("TestScript", id));
	}

	/**
	 * Adds a script to the event, or replaces the one with the same id; organizers only.
	 * @param implementationGuides {@code NAME#VERSION} of packages in the package cache,
	 * whose profiles the script's {@code validateProfileId} asserts name
	 * @throws InvalidInputException with the engine's reason when the file is not a
	 * TestScript it can run, or naming the guides that are not in the package cache
	 */
	@Transactional
	public EventTestScript upload(long eventId, @Nullable String fileName, byte[] content,
			List<String> implementationGuides, SignedInUser user) {
		user.requireAdmin();
		Event event = this.events.find(eventId, user);
		if (content.length == 0) {
			throw new InvalidInputException("The TestScript file is empty.");
		}
		List<String> guides = implementationGuides.stream().map(String::strip).distinct().toList();
		List<String> cached = this.validation.cachedImplementationGuides();
		List<String> missing = guides.stream()
			.filter((guide) -> !cached.contains(guide))
			.map((guide) -> "ig: " + guide + " is not in the package cache; add its package on the Validation page"
					+ " first (as NAME#VERSION)")
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException(
					"The TestScript names implementation guides this platform does not have; nothing was saved.",
					missing);
		}
		String name = fileName(fileName);
		LoadedTestScript loaded = read(name, content);
		String keyword = loaded.id();
		if (!KEYWORD.matcher(keyword).matches()) {
			throw new InvalidInputException("The TestScript cannot be named by a step.",
					List.of("id: '" + keyword + "' must be 1 to 64 letters, digits, '-' or '.', as FHIR ids are"));
		}
		this.scripts.save(event.id(), keyword, truncate(loaded.title(), 500), loaded.version().name(),
				loaded.actionCount(), name, guides, content, user.displayName());
		return this.scripts.findByKeyword(event.id(), keyword).orElseThrow();
	}

	@Transactional
	public void delete(long id, SignedInUser user) {
		user.requireAdmin();
		requireVisible(id, user);
		this.scripts.delete(id);
	}

	/**
	 * The stored script, ready for the engine with the validator of its profiles; empty
	 * when it was deleted after a run named it.
	 */
	Optional<ScriptToRun> load(long id) {
		return this.scripts.find(id)
			.flatMap((script) -> this.scripts.findContent(id)
				.map((content) -> new ScriptToRun(read(script.fileName(), content),
						this.validation.scriptProfileValidator(script.implementationGuides()))));
	}

	/**
	 * When the script's system under test is a client (an origin marked so), the origin
	 * the platform listens for and the requests the script waits for from it; empty when
	 * the engine plays the client, or the script is gone.
	 */
	Optional<ClientSide> clientSide(EventTestScript script) {
		String version = script.id() + "@" + script.uploadedAt().toInstant();
		return this.clientSides.computeIfAbsent(version,
				(key) -> this.scripts.findContent(script.id()).flatMap((content) -> {
					LoadedTestScript loaded;
					try {
						loaded = read(script.fileName(), content);
					}
					catch (InvalidInputException unreadable) {
						return Optional.empty();
					}
					return clientSide(loaded);
				}));
	}

	static Optional<ClientSide> clientSide(LoadedTestScript script) {
		return script.participants()
			.stream()
			.filter((participant) -> participant.role() == ScriptParticipant.Role.ORIGIN
					&& participant.systemUnderTest())
			.findFirst()
			.map((origin) -> new ClientSide(origin.index(), script.requestsFrom(origin.index())));
	}

	/**
	 * The client under test of a script: its origin index, and the requests the script
	 * waits for from it in order, such as {@code POST Patient}.
	 */
	record ClientSide(int origin, List<String> requests) {

		ClientSide {
			requests = List.copyOf(requests);
		}

	}

	/** A script as the engine reads it, and what its validateProfileId asserts use. */
	record ScriptToRun(LoadedTestScript script, ProfileValidator profileValidator) {

	}

	private LoadedTestScript read(String fileName, byte[] content) {
		try {
			return this.loader.load(fileName, new String(content, StandardCharsets.UTF_8));
		}
		catch (TestScriptLoadException exception) {
			throw new InvalidInputException("The file is not a TestScript the engine can run.",
					List.of(exception.getMessage()));
		}
	}

	/** Only the file's own name, which also names it in the engine's messages. */
	private static String fileName(@Nullable String fileName) {
		String name = (fileName == null) ? "" : fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
		return name.isEmpty() ? "testscript.json" : truncate(name, 255);
	}

	private static String truncate(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length);
	}

}
