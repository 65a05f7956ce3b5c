package org.connectathon.platform.proxy;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.connectathon.platform.ListPage;
import org.connectathon.platform.proxy.CaptureService.CaptureArchive;
import org.connectathon.platform.security.SignedInUser;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Captures in the JSON API: lists of an event and of an instance, one capture with its
 * messages, and HAR files. See docs/proxy.md, Reading captures.
 */
@RestController
@RequestMapping("/api")
class CaptureApiController {

	private static final String DEFAULT_PAGE_SIZE = "50";

	private final CaptureService captures;

	CaptureApiController(CaptureService captures) {
		this.captures = captures;
	}

	/**
	 * A page of the event's captures that the caller may see, newest first, with the
	 * filters; {@code droppedOnThisNode} counts the captures that the node answering
	 * could not store since it started.
	 */
	@GetMapping("/events/{eventId}/captures")
	CapturePage eventCaptures(@PathVariable long eventId, @ParameterObject CaptureFilterForm filters,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = DEFAULT_PAGE_SIZE) int size,
			@AuthenticationPrincipal SignedInUser user) {
		return CapturePage.of(this.captures.findInEvent(eventId, filters, page, size, user),
				this.captures.droppedOnThisNode());
	}

	/** A page of the instance's captures that the caller may see, newest first. */
	@GetMapping("/test-instances/{id}/captures")
	CapturePage instanceCaptures(@PathVariable long id, @ParameterObject CaptureFilterForm filters,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = DEFAULT_PAGE_SIZE) int size,
			@AuthenticationPrincipal SignedInUser user) {
		return CapturePage.of(this.captures.findOfInstance(id, filters, page, size, user),
				this.captures.droppedOnThisNode());
	}

	/** The capture with its headers and bodies (text, or base64 when binary). */
	@GetMapping("/captures/{id}")
	CaptureDetails capture(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		return this.captures.details(id, user);
	}

	/** The capture as a HAR 1.2 file. */
	@GetMapping(path = "/captures/{id}/har", produces = MediaType.APPLICATION_JSON_VALUE)
	void har(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
			throws IOException {
		download(this.captures.archiveOf(id, user), this.captures, response);
	}

	/** The instance's captures that the caller may see as one HAR 1.2 file. */
	@GetMapping(path = "/test-instances/{id}/captures/har", produces = MediaType.APPLICATION_JSON_VALUE)
	void instanceHar(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, HttpServletResponse response)
			throws IOException {
		download(this.captures.archiveOfInstance(id, user), this.captures, response);
	}

	/**
	 * A HAR file to save, written as it is read: the answer of the API's and the pages'
	 * download routes. Written on the request's own thread, not asynchronously, so that
	 * the caller's sign-in (a token on the API) still holds while it is written.
	 */
	static void download(CaptureArchive archive, CaptureService captures, HttpServletResponse response)
			throws IOException {
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(archive.fileName()).build().toString());
		captures.write(archive, response.getOutputStream());
	}

	/**
	 * A page of captures.
	 *
	 * @param page the page's number, from 0
	 * @param total how many captures the whole list holds
	 * @param droppedOnThisNode how many captures the node that answered could not store
	 * since it started (its capture queue was full, or the database refused a batch)
	 */
	record CapturePage(List<Capture> items, int page, int size, int total, long droppedOnThisNode) {

		static CapturePage of(ListPage<Capture> list, long dropped) {
			return new CapturePage(list.items(), list.number(), list.size(), list.total(), dropped);
		}

	}

}
