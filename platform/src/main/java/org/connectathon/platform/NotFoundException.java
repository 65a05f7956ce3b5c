package org.connectathon.platform;

/**
 * Something named by id or keyword does not exist (or is not visible to the caller): HTTP
 * 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String kind, Object id) {
		super(kind + " " + id + " does not exist.");
	}

}
