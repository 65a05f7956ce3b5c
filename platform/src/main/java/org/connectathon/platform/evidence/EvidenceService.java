package org.connectathon.platform.evidence;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.connectathon.platform.FreeText;
import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListFilterReader;
import org.connectathon.platform.ListFilters;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.ListSort;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.Role;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceDetails;
import org.connectathon.platform.testing.TestInstanceService;
import org.connectathon.platform.testing.TestInstanceStatus;
import org.connectathon.platform.web.WebAddresses;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Evidence of test instances: the organizations taking part attach comments, links and
 * content (files, TestReports, validation reports, captured exchanges) to an open
 * instance or one of its steps; monitors add comments; everyone who sees the instance
 * reads it, but for the content of TestReports, which quotes the systems' responses (see
 * {@link TestInstanceService#maySeeToolReports}).
 */
@Service
@Validated
public class EvidenceService {

	/** The largest page of the event's evidence list that the API answers. */
	public static final int MAXIMUM_PAGE_SIZE = 1000;

	private final EvidenceRepository evidence;

	private final TestInstanceService instances;

	private final EventService events;

	private final long maximumBytes;

	EvidenceService(EvidenceRepository evidence, TestInstanceService instances, EventService events,
			@Value("${connectathon.evidence.max-bytes:4194304}") long maximumBytes) {
		this.evidence = evidence;
		this.instances = instances;
		this.events = events;
		this.maximumBytes = maximumBytes;
	}

	public List<Evidence> findOfInstance(long instanceId, SignedInUser user) {
		this.instances.requireVisible(instanceId, user);
		return this.evidence.findOfInstance(instanceId);
	}

	/**
	 * One page of the event's evidence that passes the filters and that the user may see
	 * (see {@link EvidenceVisibility}), newest first unless the filters sort by a column.
	 * The {@code type} filter is the evidence's kind, as {@code type} is the kind of the
	 * items in every list.
	 * @throws InvalidInputException naming each filter that does not read
	 */
	public ListPage<ListedEvidence> findInEvent(long eventId, ListFilters filters, int page, int size,
			SignedInUser user) {
		Event event = this.events.find(eventId, user);
		ListPage.requireSize(size, MAXIMUM_PAGE_SIZE);
		ListFilterReader read = filters.reader("evidence", Set.of(ListFilters.TEXT, ListFilters.TYPE,
				ListFilters.STATUS, ListFilters.PROFILE, ListFilters.ORGANIZATION, ListFilters.TABLE));
		EvidenceFilter filter = read.finish(
				new EvidenceFilter(read.text(), read.type(EvidenceKind.class), read.status(TestInstanceStatus.class),
						read.profile(event.profiles()), read.organization(), read.table(), EvidenceVisibility.of(user),
						read.sort(EvidenceRepository.SORT_COLUMNS.keySet(), ListSort.descending("id"))));
		return this.evidence.findPage(eventId, filter, page, size);
	}

	public TestInstanceDetails details(long instanceId, SignedInUser user) {
		return this.instances.details(instanceId, user, findOfInstance(instanceId, user));
	}

	/** A comment or a link. */
	@Transactional
	public Evidence add(long instanceId, @Valid EvidenceForm form, SignedInUser user) {
		TestInstance instance = requireMayAttach(instanceId, form.kind(), user);
		requireStep(instanceId, form.stepIndex(), user);
		String text = FreeText.blankToNull(form.text());
		String url = FreeText.blankToNull(form.url());
		switch (form.kind()) {
			case COMMENT -> {
				if (text == null) {
					throw new InvalidInputException("Write the comment.", List.of("text: required for a comment"));
				}
			}
			case LINK -> {
				if (url == null) {
					throw new InvalidInputException("Give the link as an http or https address.",
							List.of("url: an http(s) address is required for a link"));
				}
				if (!WebAddresses.isWebAddress(url)) {
					throw new InvalidInputException("Give the link as an http or https address.",
							List.of("url: '" + url + "' is not an http or https address"));
				}
			}
			default -> throw new InvalidInputException(
					"Upload " + form.kind().name().toLowerCase().replace('_', ' ') + " evidence as a file.");
		}
		long id = this.evidence.insert(instance.id(), form.stepIndex(), form.kind(), text, url, null, null, null,
				user.id(), user.displayName());
		return this.evidence.find(id).orElseThrow();
	}

	/**
	 * Stored content: an uploaded file, a TestReport, a validation report or a captured
	 * exchange.
	 */
	@Transactional
	public Evidence upload(long instanceId, @Nullable Integer stepIndex, EvidenceKind kind, String fileName,
			@Nullable String contentType, byte[] content, @Nullable String text, SignedInUser user) {
		TestInstance instance = requireMayAttach(instanceId, kind, user);
		requireStep(instanceId, stepIndex, user);
		if (!kind.hasContent()) {
			throw new InvalidInputException("A " + kind.name().toLowerCase() + " is not a file; send it as text.");
		}
		if (content.length == 0) {
			throw new InvalidInputException("The file is empty.");
		}
		if (content.length > this.maximumBytes) {
			throw new InvalidInputException("The file has " + content.length
					+ " bytes; evidence files may have at most " + this.maximumBytes + ".");
		}
		String name = (fileName == null || fileName.isBlank()) ? "evidence" : fileName.strip();
		long id = this.evidence.insert(instance.id(), stepIndex, kind, FreeText.blankToNull(text), null,
				name.substring(0, Math.min(name.length(), 255)), mediaType(contentType), content, user.id(),
				user.displayName());
		return this.evidence.find(id).orElseThrow();
	}

	public EvidenceContent content(long evidenceId, SignedInUser user) {
		Evidence found = this.evidence.find(evidenceId)
			.orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
		if (found.kind() == EvidenceKind.TEST_REPORT) {
			this.instances.requireMaySeeToolReports(found.testInstanceId(), user);
		}
		else {
			this.instances.requireVisible(found.testInstanceId(), user);
		}
		return this.evidence.findContent(evidenceId)
			.orElseThrow(() -> new NotFoundException("Evidence content", evidenceId));
	}

	/**
	 * Monitors comment on any instance they see; everything else is for the organizations
	 * taking part.
	 */
	private TestInstance requireMayAttach(long instanceId, EvidenceKind kind, SignedInUser user) {
		TestInstance instance = (kind == EvidenceKind.COMMENT && user.role() == Role.MONITOR)
				? this.instances.find(instanceId, user) : this.instances.requireTakingPart(instanceId, user);
		TestInstanceService.requireOpen(instance);
		return instance;
	}

	private void requireStep(long instanceId, @Nullable Integer stepIndex, SignedInUser user) {
		if (stepIndex != null
				&& this.instances.steps(instanceId, user).stream().noneMatch((step) -> step.index() == stepIndex)) {
			throw new InvalidInputException("The instance has no step " + stepIndex + ".");
		}
	}

	/**
	 * The declared type when it is a valid media type, so that the download can repeat
	 * it.
	 */
	private static String mediaType(@Nullable String contentType) {
		try {
			return MediaType.parseMediaType(contentType).toString();
		}
		catch (InvalidMediaTypeException exception) {
			return MediaType.APPLICATION_OCTET_STREAM_VALUE;
		}
	}

}
