package org.connectathon.bench.validation;

import java.util.List;

/**
 * One validator set-up under measurement: validates a resource and lists its issues as
 * text.
 */
interface BenchValidator {

	/**
	 * The issues, each as {@code severity|location|message}, in the validator's order.
	 */
	List<String> validate(String resource);

}
