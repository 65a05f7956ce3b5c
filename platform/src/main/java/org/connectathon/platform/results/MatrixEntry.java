package org.connectathon.platform.results;

import org.jspecify.annotations.Nullable;

/**
 * What the results matrix reads of a result, whether the organizers' live one or a
 * published one: the row (organization and system), the column (profile, actor and
 * option) and the grade in the cell.
 */
public interface MatrixEntry {

	String organizationName();

	String systemName();

	String profileKeyword();

	String actorKeyword();

	@Nullable String optionKeyword();

	Grade grade();

}
