package org.connectathon.engine.testscript;

import java.util.Objects;

/**
 * The FHIR release a run judges the server's answers in: responses are parsed, FHIRPath
 * is evaluated on them and {@code validateProfileId} validates them in this release,
 * whatever the release the script is written in. Scripts of national programmes are
 * written in R5 for R4 servers; judging an R4 answer with the R5 model would report valid
 * R4 elements as errors.
 *
 * @param version the release
 * @param source where the run learned it
 * @param note for people, one sentence: which release and why, and, when the server's
 * CapabilityStatement could not tell, what went wrong ({@code CTN-305x})
 */
public record ServerRelease(FhirVersion version, Source source, String note) {

	/** Where a run learned the server's release, in order of precedence. */
	public enum Source {

		/**
		 * Given by whoever runs the script: {@code connectathon run --fhir-version}, or
		 * the release the platform's endpoint declares.
		 */
		GIVEN,

		/** The {@code fhirVersion} of the server's CapabilityStatement. */
		CAPABILITY_STATEMENT,

		/**
		 * The script's own release, because the server's CapabilityStatement could not be
		 * had or read.
		 */
		SCRIPT

	}

	public ServerRelease {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(note, "note");
	}

	/** A release given by whoever runs the script. */
	public static ServerRelease given(FhirVersion version) {
		return new ServerRelease(version, Source.GIVEN,
				"The server's answers are judged as FHIR " + version + ", the release given for the server.");
	}

}
