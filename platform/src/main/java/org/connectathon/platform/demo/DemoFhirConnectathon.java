package org.connectathon.platform.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.connectathon.platform.event.Event;
import org.connectathon.platform.event.EventForm;
import org.connectathon.platform.event.EventService;
import org.connectathon.platform.event.EventStatus;
import org.connectathon.platform.registration.RegisteredSystem;
import org.connectathon.platform.registration.SystemForm;
import org.connectathon.platform.registration.SystemService;
import org.connectathon.platform.registration.SystemStatus;
import org.connectathon.platform.security.SignedInUser;
import org.connectathon.platform.security.UserService;
import org.connectathon.platform.tracks.Feedback;
import org.connectathon.platform.tracks.FeedbackForm;
import org.connectathon.platform.tracks.FeedbackService;
import org.connectathon.platform.tracks.FeedbackTriage;
import org.connectathon.platform.tracks.FeedbackTriageForm;
import org.connectathon.platform.tracks.FeedbackType;
import org.connectathon.platform.tracks.ReviewDecision;
import org.connectathon.platform.tracks.ReviewDecisionForm;
import org.connectathon.platform.tracks.SignUpForm;
import org.connectathon.platform.tracks.SignUpService;
import org.connectathon.platform.tracks.Topic;
import org.connectathon.platform.tracks.TopicForm;
import org.connectathon.platform.tracks.TopicInterestForm;
import org.connectathon.platform.tracks.TopicPinForm;
import org.connectathon.platform.tracks.TopicPostForm;
import org.connectathon.platform.tracks.TopicService;
import org.connectathon.platform.tracks.Track;
import org.connectathon.platform.tracks.TrackProposal;
import org.connectathon.platform.tracks.TrackProposalForm.Role;
import org.connectathon.platform.tracks.TrackProposalForm.Scenario;
import org.connectathon.platform.tracks.TrackProposalForm;
import org.connectathon.platform.tracks.TrackProposalService;
import org.connectathon.platform.tracks.TrackProposalWindow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * A FHIR connectathon with tracks, played as its people would through the services of
 * their pages: the organizer opens the event and its proposal window, the track lead
 * proposes three tracks, the reviewer approves the IPS and the Patient tracks and returns
 * the Bulk Data one, Acme signs its client up and both vendors comment on the
 * specifications. Globex's server signs up once the platform answers (see
 * {@link DemoTrackTesting}), and the pair's results follow.
 */
@Component
@ConditionalOnBooleanProperty("connectathon.demo.enabled")
class DemoFhirConnectathon {

	static final String EVENT_NAME_PREFIX = "FHIR Connectathon ";

	static final String IPS_TRACK = "International Patient Summary";

	static final String PATIENT_TRACK = "Patient read and search";

	private final UserService users;

	private final EventService events;

	private final SystemService systems;

	private final TrackProposalService proposals;

	private final SignUpService signUps;

	private final FeedbackService feedback;

	private final TopicService topics;

	private final ApplicationEventPublisher publisher;

	DemoFhirConnectathon(UserService users, EventService events, SystemService systems, TrackProposalService proposals,
			SignUpService signUps, FeedbackService feedback, TopicService topics, ApplicationEventPublisher publisher) {
		this.users = users;
		this.events = events;
		this.systems = systems;
		this.proposals = proposals;
		this.signUps = signUps;
		this.feedback = feedback;
		this.topics = topics;
		this.publisher = publisher;
	}

	/**
	 * @param platform where this platform answers: its R4 reference server stands for
	 * Globex's FHIR server
	 */
	void play(String platform) {
		SignedInUser organizer = this.users.loadUserByUsername("admin");
		SignedInUser lead = this.users.loadUserByUsername("lead");
		SignedInUser reviewer = this.users.loadUserByUsername("reviewer");
		SignedInUser alice = this.users.loadUserByUsername("alice");
		SignedInUser bob = this.users.loadUserByUsername("bob");
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate start = today.plusDays(60);
		Event event = this.events.create(new EventForm(EVENT_NAME_PREFIX + start.getYear(),
				"HL7 FHIR connectathon in tracks: each track tests an implementation guide or part of FHIR core, "
						+ "pairs of systems record their scenario results and comment on the specification.",
				"Online", start, start.plusDays(2),
				OffsetDateTime.now(ZoneOffset.UTC).plusDays(45).truncatedTo(ChronoUnit.HOURS), EventStatus.OPEN,
				// the demo's FHIR server is the platform's own reference server, on
				// the loopback address
				List.of(), true), organizer);
		this.proposals.changeWindow(event.id(), new TrackProposalWindow(today.minusDays(7), today.plusDays(14)),
				organizer);

		TrackProposal ips = this.proposals.submit(event.id(), ipsTrack(), lead);
		TrackProposal patient = this.proposals.submit(event.id(), patientTrack(), lead);
		TrackProposal bulkData = this.proposals.submit(event.id(), bulkDataTrack(), lead);
		long ipsTrackId = this.proposals
			.decide(ips.id(), new ReviewDecisionForm(ReviewDecision.APPROVED, "Clear scenarios; approved."), reviewer)
			.trackId();
		long patientTrackId = this.proposals
			.decide(patient.id(), new ReviewDecisionForm(ReviewDecision.APPROVED, "A good first track."), reviewer)
			.trackId();
		this.proposals.decide(bulkData.id(),
				new ReviewDecisionForm(ReviewDecision.RETURNED,
						"Give the scenario its success criteria and name the track's chat stream, then submit again."),
				reviewer);

		RegisteredSystem viewer = this.systems.create(event.id(),
				new SystemForm("Acme IPS Viewer", "1.0",
						"Fetches patient summaries and patients from FHIR servers and shows them to clinicians.",
						SystemStatus.PUBLISHED, alice.organizationId()),
				alice);
		RegisteredSystem server = this.systems.create(event.id(),
				new SystemForm("Globex FHIR Server", "5.2",
						"Serves patients and answers $summary with an IPS document.", SystemStatus.PUBLISHED,
						bob.organizationId()),
				bob);
		this.signUps.signUp(ipsTrackId, new SignUpForm(viewer.id(), "CONSUMER", null), alice);
		this.signUps.signUp(patientTrackId, new SignUpForm(viewer.id(), "CLIENT", null), alice);

		this.feedback.submit(ipsTrackId,
				new FeedbackForm("scenario-3", "StructureDefinition/Composition-uv-ips", "Composition.section",
						FeedbackType.CLARIFICATION, "Which sections must a viewer show?",
						"The guide says a consumer renders the summary but not whether empty required sections "
								+ "(Allergies, Problems) are shown with their emptyReason or left out."),
				alice);
		Feedback missingIdentifier = this.feedback.submit(ipsTrackId,
				new FeedbackForm("scenario-2", "StructureDefinition/Bundle-uv-ips", "Bundle.identifier",
						FeedbackType.ERROR, "Bundle.identifier is required but the $summary example has none",
						"The example answer of Patient/$summary lacks Bundle.identifier, which the Bundle profile "
								+ "requires: validation of the example fails."),
				bob);
		this.feedback.triage(ipsTrackId, missingIdentifier.id(),
				new FeedbackTriageForm(FeedbackTriage.CHANGE_REQUEST, "Filed for the IPS project."), lead);
		this.feedback.submit(patientTrackId,
				new FeedbackForm("scenario-2", "SearchParameter/Patient-birthdate", null, FeedbackType.QUESTION,
						"Does birthdate=1974 match every day of that year?",
						"The search page explains date prefixes but not a search by year only; servers differ."),
				alice);

		proposeTopics(event, organizer, alice, bob);

		this.publisher.publishEvent(new DemoTrackServers(platform + "/reference/r4/fhir", ipsTrackId, patientTrackId,
				viewer.id(), server.id()));
	}

	/**
	 * Code-a-thon topics: proposed, discussed and pinned before the event, so work starts
	 * at once.
	 */
	private void proposeTopics(Event event, SignedInUser organizer, SignedInUser alice, SignedInUser bob) {
		Topic gateway = this.topics.propose(event.id(), new TopicForm("IPS through a national gateway",
				"Fetch a patient summary from another country's gateway: patient discovery first, then $summary.",
				"Acme IPS Viewer; a CONNECT-based gateway"), alice);
		this.topics.post(gateway.id(), new TopicPostForm(
				"Globex can stand up a gateway in front of its server; which patient matching rules?"), bob);
		this.topics.markInterest(gateway.id(), new TopicInterestForm(bob.organizationId()), bob);
		this.topics.pin(gateway.id(), new TopicPinForm("Room B, first day 10:00"), organizer);
		Topic smart = this.topics.propose(event.id(), new TopicForm("SMART App Launch against the demo servers",
				"Launch a SMART app against the track servers and read the patient in context.", "Globex FHIR Server"),
				bob);
		this.topics.markInterest(smart.id(), new TopicInterestForm(alice.organizationId()), alice);
	}

	private static TrackProposalForm ipsTrack() {
		return new TrackProposalForm(IPS_TRACK, "Patient Care WG",
				"The IPS 2.0.0 release needs implementers to create, fetch, validate and render summaries.",
				List.of("lead"), new Track.Specification("hl7.fhir.uv.ips", "2.0.0", "R4"),
				List.of(new Role("CREATOR", "IPS Creator (server)", "Answers Patient/$summary with an IPS document."),
						new Role("CONSUMER", "IPS Consumer (client)", "Fetches, validates and renders the summary.")),
				List.of(new Scenario("Fetch a patient summary with $summary",
						"The server holds a patient with " + "allergies, problems and medications.",
						"The server answers Patient/[id]/$summary with a document Bundle.",
						"The summary is generated on the fly from the patient's current data.",
						"GET [base]/Patient/[id]/$summary", List.of("CONSUMER", "CREATOR")),
						new Scenario("Validate the summary against IPS", "A summary fetched in scenario 1.",
								"The Bundle validates against Bundle-uv-ips 2.0.0 without errors.", null, null,
								List.of("CONSUMER", "CREATOR")),
						new Scenario("Render the summary", "A valid summary.",
								"The consumer shows every section of the Composition with its narrative.",
								"The consumer also shows the summary's coded entries.", null,
								List.of("CONSUMER", "CREATOR"))),
				8, "https://chat.fhir.org/#narrow/channel/ips", "Three pairs pass every scenario.");
	}

	private static TrackProposalForm patientTrack() {
		return new TrackProposalForm(PATIENT_TRACK, "FHIR Infrastructure WG",
				"A track for newcomers: the basic read and search interactions on Patient.", List.of("lead"),
				new Track.Specification(null, null, "R4"),
				List.of(new Role("SERVER", "FHIR server", "Serves Patient resources."),
						new Role("CLIENT", "FHIR client", "Reads and searches patients.")),
				List.of(new Scenario("Read a Patient by id", null, "The server answers the Patient with status 200.",
						null, "GET [base]/Patient/[id]", List.of("CLIENT", "SERVER")),
						new Scenario("Search Patients by family name and birth date", null,
								"The server answers a searchset Bundle holding the matching patients.",
								"The client pages through more than one page of results.",
								"GET [base]/Patient?family=[name]&birthdate=[date]", List.of("CLIENT", "SERVER"))),
				12, "https://chat.fhir.org/#narrow/channel/implementers", "Every newcomer passes both scenarios.");
	}

	private static TrackProposalForm bulkDataTrack() {
		return new TrackProposalForm("Bulk Data export", "FHIR Infrastructure WG",
				"Export a group's data as NDJSON for analytics.", List.of("lead"),
				new Track.Specification("hl7.fhir.uv.bulkdata", "2.0.0", "R4"),
				List.of(new Role("SERVER", "Bulk Data server", null), new Role("CLIENT", "Bulk Data client", null)),
				List.of(new Scenario("Export a group's patients", null, null, null, null, null)), null, null, null);
	}

	/**
	 * Globex's server to sign up at the platform's reference server, and the pair that
	 * then records its results.
	 */
	record DemoTrackServers(String referenceServer, long ipsTrackId, long patientTrackId, long clientSystemId,
			long serverSystemId) {

	}

}
