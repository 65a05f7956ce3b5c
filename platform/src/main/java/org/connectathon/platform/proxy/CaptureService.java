package org.connectathon.platform.proxy;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.connectathon.platform.InvalidInputException;
import org.connectathon.platform.ListPage;
import org.connectathon.platform.NotFoundException;
import org.connectathon.platform.catalog.Protocol;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.proxy.soap.SoapAttachment;
import org.connectathon.platform.proxy.soap.SoapMessage;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.testing.TestInstance;
import org.connectathon.platform.testing.TestInstanceService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What users read of the captures: lists of an event, a system or an instance, one
 * capture in detail, and HAR files; each only with the captures that
 * {@link CaptureVisibility} lets the user see. An unknown capture and one the user may
 * not see are both not found, so that nobody learns what passed between other
 * organizations' systems.
 */
@Service
public class CaptureService {

	/** The longest page a list gives. */
	public static final int MAX_PAGE_SIZE = 100;

	private final CaptureRepository captures;

	private final CaptureRecorder recorder;

	private final EventService events;

	private final TestInstanceService instances;

	private final SystemService systems;

	private final int harMaximumEntries;

	CaptureService(CaptureRepository captures, CaptureRecorder recorder, EventService events,
			TestInstanceService instances, SystemService systems,
			@Value("${connectathon.proxy.har-max-entries:1000}") int harMaximumEntries) {
		this.captures = captures;
		this.recorder = recorder;
		this.events = events;
		this.instances = instances;
		this.systems = systems;
		this.harMaximumEntries = harMaximumEntries;
	}

	/** A page of the event's captures that the user may see, newest first. */
	public ListPage<Capture> findInEvent(long eventId, CaptureFilterForm filters, int page, int size,
			SignedInUser user) {
		this.events.requireVisible(eventId, user);
		requireSize(size);
		return this.captures.findPage(eventId, filters.toFilter(null), CaptureVisibility.of(user), page, size);
	}

	/**
	 * A page of the captures attached to the instance that the user may see, newest
	 * first.
	 */
	public ListPage<Capture> findOfInstance(long instanceId, CaptureFilterForm filters, int page, int size,
			SignedInUser user) {
		TestInstance instance = this.instances.find(instanceId, user);
		requireSize(size);
		return this.captures.findPage(instance.eventId(), filters.toFilter(instanceId), CaptureVisibility.of(user),
				page, size);
	}

	public Capture find(long id, SignedInUser user) {
		return this.captures.find(id, CaptureVisibility.of(user))
			.filter((capture) -> isEventVisible(capture.eventId(), user))
			.orElseThrow(() -> new NotFoundException("Capture", id));
	}

	/** The capture with its messages, its systems' names and its validation issues. */
	public CaptureDetails details(long id, SignedInUser user) {
		Capture capture = find(id, user);
		Map<Long, String> names = systemNames(capture.eventId(), user);
		return new CaptureDetails(capture, nameOf(capture.senderSystemId(), names),
				nameOf(capture.receiverSystemId(), names),
				CaptureDetails.Message.of(this.captures.findRequest(id).orElseThrow()),
				CaptureDetails.Message.of(this.captures.findResponse(id).orElseThrow()),
				CaptureIssue.read(this.captures.findValidationIssues(id).orElse(null)));
	}

	/**
	 * The MTOM attachments of a SOAP capture that the user may see, the request's then
	 * the response's, numbered from 1 across both.
	 */
	public List<SoapAttachment> soapAttachments(long id, SignedInUser user) {
		Capture capture = find(id, user);
		List<SoapAttachment> attachments = new ArrayList<>();
		if (capture.protocol() != Protocol.SOAP) {
			return attachments;
		}
		for (Optional<CapturedMessage> message : List.of(this.captures.findRequest(id),
				this.captures.findResponse(id))) {
			message.filter((found) -> !found.bodyTruncated())
				.map((found) -> SoapMessage.read(found.contentType(), found.body()))
				.ifPresent((soap) -> soap.attachments()
					.forEach((attachment) -> attachments.add(new SoapAttachment(attachments.size() + 1,
							attachment.contentId(), attachment.contentType(), attachment.content()))));
		}
		return attachments;
	}

	/** The attachment of that number, as {@link #soapAttachments} numbers them. */
	public SoapAttachment soapAttachment(long id, int number, SignedInUser user) {
		List<SoapAttachment> attachments = soapAttachments(id, user);
		if (number < 1 || number > attachments.size()) {
			throw new NotFoundException("Attachment " + number + " of capture", id);
		}
		return attachments.get(number - 1);
	}

	/** The names of the event's systems that the user may see, by id. */
	public Map<Long, String> systemNames(long eventId, SignedInUser user) {
		return this.systems.findInEvent(eventId, user)
			.stream()
			.collect(Collectors.toMap(RegisteredSystem::id, RegisteredSystem::name));
	}

	/** The event's systems that the user may see, to filter a list by. */
	public List<RegisteredSystem> systemsOf(long eventId, SignedInUser user) {
		return this.systems.findInEvent(eventId, user);
	}

	/** How many captures this node could not store since it started. */
	public long droppedOnThisNode() {
		return this.recorder.dropped();
	}

	/** The capture, ready to be written as a HAR file. */
	public CaptureArchive archiveOf(long id, SignedInUser user) {
		return new CaptureArchive("capture-" + id + ".har", List.of(find(id, user)), false);
	}

	/**
	 * The instance's captures that the user may see, oldest first, ready to be written as
	 * a HAR file: at most {@code connectathon.proxy.har-max-entries}, the file's comment
	 * saying when there were more.
	 */
	public CaptureArchive archiveOfInstance(long instanceId, SignedInUser user) {
		TestInstance instance = this.instances.find(instanceId, user);
		List<Capture> entries = this.captures.findOldestFirst(instance.eventId(),
				CaptureFilterForm.none().toFilter(instanceId), CaptureVisibility.of(user), this.harMaximumEntries + 1);
		boolean cut = entries.size() > this.harMaximumEntries;
		return new CaptureArchive("test-instance-" + instanceId + "-captures.har",
				cut ? entries.subList(0, this.harMaximumEntries) : entries, cut);
	}

	/**
	 * Writes the archive's captures as HAR 1.2, reading their messages one capture at a
	 * time; the reader's access was checked when the archive was made.
	 */
	public void write(CaptureArchive archive, OutputStream output) {
		String comment = "Exchanges recorded by the Connectathon recording proxy; credentials are masked."
				+ (archive.cut() ? " Only the first " + archive.captures().size() + " captures are in this file." : "");
		try (HarWriter har = new HarWriter(output, comment)) {
			for (Capture capture : archive.captures()) {
				this.captures.findRequest(capture.id())
					.ifPresent((request) -> this.captures.findResponse(capture.id())
						.ifPresent((response) -> har.write(capture, request, response)));
			}
		}
	}

	/**
	 * Captures to download as one HAR file.
	 *
	 * @param cut whether the list holds only the first of more captures
	 */
	public record CaptureArchive(String fileName, List<Capture> captures, boolean cut) {

	}

	private boolean isEventVisible(long eventId, SignedInUser user) {
		try {
			this.events.requireVisible(eventId, user);
			return true;
		}
		catch (NotFoundException hidden) {
			return false;
		}
	}

	private static void requireSize(int size) {
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("A page holds 1 to " + MAX_PAGE_SIZE + " captures.",
					List.of("size: expected 1 to " + MAX_PAGE_SIZE + ", found " + size));
		}
	}

	private static @Nullable String nameOf(@Nullable Long systemId, Map<Long, String> names) {
		return (systemId != null) ? names.get(systemId) : null;
	}

}
