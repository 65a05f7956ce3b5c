package org.connectathon.platform.tracks;

import java.util.Optional;

import org.connectathon.platform.event.EventService;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.web.Forms;
import org.connectathon.platform.web.PageMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of pre-event topics: an event's topics with the proposal form, and a topic
 * with its thread, which reloads at every change of the topic's live stream
 * (templates/tracks/topic-thread.html).
 */
@Controller
class TopicPageController {

	private static final String FORM = "form";

	private static final String POST_FORM = "postForm";

	private static final String PIN_FORM = "pinForm";

	private final TopicService topics;

	private final EventService events;

	TopicPageController(TopicService topics, EventService events) {
		this.topics = topics;
		this.events = events;
	}

	@GetMapping("/events/{eventId}/topics")
	String topics(@PathVariable long eventId, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute(FORM, new TopicForm("", "", null));
		return topicsView(eventId, user, model);
	}

	@PostMapping("/events/{eventId}/topics")
	String propose(@PathVariable long eventId, @ModelAttribute(FORM) TopicForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Optional<Topic> proposed = Forms.submit(result, () -> this.topics.propose(eventId, form, user));
		if (proposed.isEmpty()) {
			return topicsView(eventId, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("topic.proposed", proposed.get().title()));
		return "redirect:/topics/" + proposed.get().id();
	}

	@GetMapping("/topics/{id}")
	String topic(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		Topic topic = this.topics.find(id, user);
		model.addAttribute(FORM, new TopicForm(topic.title(), topic.description(), topic.systems()));
		model.addAttribute(POST_FORM, new TopicPostForm(""));
		model.addAttribute(PIN_FORM, new TopicPinForm(topic.pinnedTo()));
		return topicView(topic, user, model);
	}

	/** The thread alone, which the topic page asks for again at every change. */
	@GetMapping("/topics/{id}/thread")
	String thread(@PathVariable long id, @AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("topic", this.topics.find(id, user));
		model.addAttribute("posts", this.topics.thread(id, user));
		return "tracks/topic-thread";
	}

	@PostMapping("/topics/{id}/posts")
	String post(@PathVariable long id, @ModelAttribute(POST_FORM) TopicPostForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, Model model) {
		Topic topic = this.topics.find(id, user);
		if (Forms.submit(result, () -> this.topics.post(id, form, user)).isEmpty()) {
			model.addAttribute(FORM, new TopicForm(topic.title(), topic.description(), topic.systems()));
			model.addAttribute(PIN_FORM, new TopicPinForm(topic.pinnedTo()));
			return topicView(topic, user, model);
		}
		return "redirect:/topics/" + id + "#topic-post-text";
	}

	@PostMapping("/topics/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute(FORM) TopicForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Topic topic = this.topics.find(id, user);
		if (Forms.submit(result, () -> this.topics.update(id, form, user)).isEmpty()) {
			model.addAttribute(POST_FORM, new TopicPostForm(""));
			model.addAttribute(PIN_FORM, new TopicPinForm(topic.pinnedTo()));
			return topicView(topic, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("topic.saved"));
		return "redirect:/topics/" + id;
	}

	@PostMapping("/topics/{id}/pin")
	String pin(@PathVariable long id, @ModelAttribute(PIN_FORM) TopicPinForm form, BindingResult result,
			@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect, Model model) {
		Topic topic = this.topics.find(id, user);
		if (Forms.submit(result, () -> this.topics.pin(id, form, user)).isEmpty()) {
			model.addAttribute(FORM, new TopicForm(topic.title(), topic.description(), topic.systems()));
			model.addAttribute(POST_FORM, new TopicPostForm(""));
			return topicView(topic, user, model);
		}
		redirect.addFlashAttribute(PageMessage.ATTRIBUTE, PageMessage.of("topic.pinned"));
		return "redirect:/topics/" + id;
	}

	@PostMapping("/topics/{id}/interest")
	String markInterest(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.topics.markInterest(id, new TopicInterestForm(user.organizationId()), user);
		return "redirect:/topics/" + id;
	}

	@PostMapping("/topics/{id}/interest/withdraw")
	String withdrawInterest(@PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
		this.topics.withdrawInterest(id, new TopicInterestForm(user.organizationId()), user);
		return "redirect:/topics/" + id;
	}

	private String topicsView(long eventId, SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(eventId, user));
		model.addAttribute("topics", this.topics.findByEvent(eventId, user));
		return "tracks/topics";
	}

	private String topicView(Topic topic, SignedInUser user, Model model) {
		model.addAttribute("event", this.events.find(topic.eventId(), user));
		model.addAttribute("topic", topic);
		model.addAttribute("isAuthor", topic.authorId() == user.id());
		model.addAttribute("interested", topic.isInterestedIn(user.organizationId()));
		model.addAttribute("hasOrganization", user.organizationId() != null);
		return "tracks/topic";
	}

}
