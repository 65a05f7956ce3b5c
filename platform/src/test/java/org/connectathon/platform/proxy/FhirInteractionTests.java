package org.connectathon.platform.proxy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's FHIR interaction, named as FHIR's restful interaction codes name it, from
 * its method and path after the server's base.
 */
class FhirInteractionTests {

	@ParameterizedTest(name = "{0} {1} is {3} of {2}")
	@CsvSource(nullValues = "-", textBlock = """
			GET,     /Patient/123,                       Patient,     read
			HEAD,    Patient/123,                        Patient,     read
			GET,     /Patient/123/_history/2,            Patient,     vread
			GET,     /Patient?name=smith,                Patient,     search-type
			POST,    /Patient/_search,                   Patient,     search-type
			GET,     /Patient/1/Observation?code=x,      Observation, search-type
			GET,     /?_type=Patient,                    -,           search-system
			POST,    /_search,                           -,           search-system
			POST,    /Patient,                           Patient,     create
			PUT,     /Patient/123,                       Patient,     update
			PUT,     /Patient?identifier=a|b,            Patient,     update
			PATCH,   /Patient/123,                       Patient,     patch
			DELETE,  /Patient/123,                       Patient,     delete
			DELETE,  /Patient?identifier=a|b,            Patient,     delete
			GET,     /Patient/123/_history,              Patient,     history-instance
			GET,     /Patient/_history,                  Patient,     history-type
			GET,     /_history,                          -,           history-system
			POST,    /,                                  -,           transaction
			POST,    '',                                 -,           transaction
			GET,     /metadata,                          -,           capabilities
			OPTIONS, /,                                  -,           capabilities
			POST,    /$validate,                         -,           operation
			GET,     /Patient/$everything,               Patient,     operation
			GET,     /Patient/123/$summary?profile=x,    Patient,     operation
			POST,    /Bundle/1/_history/2/$validate,     Bundle,      operation
			""")
	void namesTheInteractionOfARequest(String method, String path, String resourceType, String interaction) {
		assertThat(FhirInteraction.of(method, path)).isEqualTo(new FhirInteraction(resourceType, interaction));
	}

	@ParameterizedTest(name = "{0} {1} is no FHIR REST interaction")
	@CsvSource(textBlock = """
			DELETE, /
			GET,    /favicon.ico
			GET,    /patient/123
			POST,   /Patient/123
			GET,    /Patient/1/2/3/4/5
			PUT,    /metadata
			""")
	void knowsWhatIsNoFhirInteraction(String method, String path) {
		assertThat(FhirInteraction.of(method, path).isKnown()).isFalse();
	}

}
