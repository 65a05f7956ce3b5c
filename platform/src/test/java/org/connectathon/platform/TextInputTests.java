package org.connectathon.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextInputTests {

	record Form(String name, List<String> aliases, Map<String, String> notes) {

	}

	@Test
	void shouldAcceptTextOfEveryScriptWithTabsAndLineBreaks() {
		assertThat(TextInput.problem("Acme Health\tGmbH\r\nZürich 東京 🏥")).isNull();
		assertThat(TextInput.problem("\uFFFD replacement and \uFDCF, \uFDF0 beside the non-characters")).isNull();
	}

	@Test
	void shouldNameTheControlCharacterAndWhereItIs() {
		assertThat(TextInput.problem("Acme\u0000")).isEqualTo("holds the control character U+0000 at character 5");
		assertThat(TextInput.problem("\u007F")).isEqualTo("holds the control character U+007F at character 1");
		assertThat(TextInput.problem("a\u0085")).isEqualTo("holds the control character U+0085 at character 2");
	}

	@Test
	void shouldRefuseUnpairedSurrogatesButNotPairs() {
		assertThat(TextInput.problem("x\uD800")).isEqualTo("holds an unpaired surrogate U+D800 at character 2");
		assertThat(TextInput.problem("\uDC00x")).isEqualTo("holds an unpaired surrogate U+DC00 at character 1");
		assertThat(TextInput.problem("\uD800\uD800\uDC00"))
			.isEqualTo("holds an unpaired surrogate U+D800 at character 1");
		assertThat(TextInput.problem("\uD83C\uDFE5")).isNull();
	}

	@Test
	void shouldRefuseTheNonCharactersOfEveryPlane() {
		assertThat(TextInput.problem("\uFFFF")).isEqualTo("holds the Unicode non-character U+FFFF at character 1");
		assertThat(TextInput.problem("a\uFFFE")).isEqualTo("holds the Unicode non-character U+FFFE at character 2");
		assertThat(TextInput.problem("\uFDD0")).isNotNull();
		assertThat(TextInput.problem("\uFDEF")).isNotNull();
		assertThat(TextInput.problem("ab" + new String(Character.toChars(0x1FFFE))))
			.isEqualTo("holds the Unicode non-character U+1FFFE at character 3");
		assertThat(TextInput.problem(new String(Character.toChars(0x10FFFF)))).isNotNull();
	}

	@Test
	void shouldNameEachFieldOfARecordListOrMap() {
		Form form = new Form("Acme\u0000", List.of("fine", "bad\uFFFF"), Map.of("k", "\uD800"));

		assertThatThrownBy(() -> TextInput.require("", form)).isInstanceOfSatisfying(InvalidInputException.class,
				(refused) -> assertThat(refused.problems()).containsExactly(
						"name: holds the control character U+0000 at character 5",
						"aliases[1]: holds the Unicode non-character U+FFFF at character 4",
						"notes[k]: holds an unpaired surrogate U+D800 at character 1"));
		assertThat(TextInput.problems("rules", List.of(new Form("ok", List.of(), Map.of())))).isEmpty();
	}

}
