package org.connectathon.platform.testing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The test plan import and export format, in YAML or JSON; docs/test-plan-format.md
 * describes it. Fields mirror the file so that a parse error points at what the user
 * wrote; absent numbers take the defaults of the test's type.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "format", "metaTests", "tests" })
record TestPlanFile(@Nullable String format, List<MetaTestEntry> metaTests, List<TestEntry> tests) {

	static final String FORMAT = "connectathon-test-plan/1";

	TestPlanFile {
		metaTests = (metaTests != null) ? metaTests : List.of();
		tests = (tests != null) ? tests : List.of();
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "keyword", "name", "description" })
	record MetaTestEntry(@Nullable String keyword, @Nullable String name, @Nullable String description) {

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "keyword", "name", "type", "metaTest", "sameOrganizationAllowed", "automatedPassVerifies",
			"description", "roles", "steps" })
	record TestEntry(@Nullable String keyword, @Nullable String name, @Nullable TestType type,
			@Nullable String metaTest, @Nullable Boolean sameOrganizationAllowed,
			@Nullable Boolean automatedPassVerifies, @Nullable String description, List<RoleEntry> roles,
			List<StepEntry> steps) {

		TestEntry {
			roles = (roles != null) ? roles : List.of();
			steps = (steps != null) ? steps : List.of();
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "keyword", "actor", "option", "minSystems", "maxSystems", "required",
			"verifiedInstancesNeeded" })
	record RoleEntry(@Nullable String keyword, @Nullable String actor, @Nullable String option,
			@Nullable Integer minSystems, @Nullable Integer maxSystems, @Nullable Boolean required,
			@Nullable Integer verifiedInstancesNeeded) {

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "initiator", "responder", "transaction", "description", "testScript" })
	record StepEntry(@Nullable String initiator, @Nullable String responder, @Nullable String transaction,
			@Nullable String description, @Nullable String testScript) {

	}

}
