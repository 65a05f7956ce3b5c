package org.connectathon.engine.referenceserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceStoreCapacityTests {

	private final ResourceStore store = new ResourceStore(FhirContext.forR4Cached(), 3);

	@Test
	void shouldRefuseWritesOnceItKeepsItsCapacityOfVersions() {
		this.store.put("Patient", "a", new Patient());
		this.store.put("Patient", "a", new Patient());
		this.store.put("Patient", "b", new Patient());

		assertThatThrownBy(() -> this.store.put("Patient", "c", new Patient()))
			.isInstanceOfSatisfying(BaseServerResponseException.class,
					(full) -> assertThat(full.getStatusCode()).isEqualTo(507))
			.hasMessageContaining("CTN-5030: this reference server is full: it keeps at most 3 resource versions");
		assertThatThrownBy(() -> this.store.delete("Patient", "a")).hasMessageContaining("CTN-5030");
		assertThat(this.store.read("Patient", "b")).isNotNull();
		assertThat(this.store.size()).isEqualTo(2);
	}

	@Test
	void shouldTakeBackTheWholeUnitThatRunsOutOfRoom() {
		this.store.put("Patient", "a", new Patient());

		assertThatThrownBy(() -> this.store.atomically(() -> {
			this.store.put("Patient", "b", new Patient());
			this.store.put("Patient", "c", new Patient());
			return this.store.put("Patient", "d", new Patient());
		})).hasMessageContaining("CTN-5030");

		assertThat(this.store.size()).isEqualTo(1);
		assertThat(this.store.current("Patient", "b")).isNull();
	}

}
