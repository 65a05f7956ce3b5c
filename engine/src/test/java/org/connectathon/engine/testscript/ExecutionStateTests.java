package org.connectathon.engine.testscript;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.connectathon.engine.testscript.OperationTests.response;

class ExecutionStateTests {

	private final ExecutionState state = new ExecutionState(ScriptHarness.load(ScriptHarness.script(response("okay"))),
			ScriptHarness.settings(Map.of(), Map.of("a", "1", "b", "two")), Placeholders.system(),
			ServerRelease.given(FhirVersion.R4));

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "x${a}y${b}z|x1ytwoz", "${a}${b}|1two", "${}|${}", "${}${a}|${}1",
			"left ${a|left ${a", "$a}|$a}", "{a}|{a}" })
	void shouldReplaceEachVariableAndLeaveWhatIsNoVariable(String text, String expected) {
		assertThat(this.state.substitute(text)).isEqualTo(expected);
	}

	@Test
	void shouldGiveBackTheTextItselfWhenItHasNoVariable() {
		String text = "Patient?name=Chalmers";
		assertThat(this.state.substitute(text)).isSameAs(text);
		assertThat(this.state.substitute(null)).isNull();
	}

	@Test
	void shouldRefuseAVariableThatIsNeitherDeclaredNorGiven() {
		assertThatThrownBy(() -> this.state.substitute("Patient/${unknown}")).isInstanceOf(ExecutionException.class)
			.hasMessage("CTN-3002: the script uses ${unknown}, but declares no variable unknown and none was given");
	}

}
