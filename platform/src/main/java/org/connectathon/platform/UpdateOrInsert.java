package org.connectathon.platform;

import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Saves a row found by its natural key (a keyword, a position): updates it in place, so
 * that rows pointing at it keep their reference, or inserts it when there is none. Plain
 * SQL for both databases, which share no upsert syntax.
 */
public final class UpdateOrInsert {

	private UpdateOrInsert() {
	}

	/**
	 * @param update an update statement selecting the row by its natural key
	 * @param insert the insert of the same row
	 * @param parameters the named parameters of both statements
	 */
	public static void save(JdbcClient jdbc, String update, String insert, SqlParameterSource parameters) {
		if (jdbc.sql(update).paramSource(parameters).update() == 0) {
			jdbc.sql(insert).paramSource(parameters).update();
		}
	}

}
