package org.connectathon.engine.packages;

/**
 * A FHIR package that cannot be found, read or resolved. The message starts with a
 * {@code CTN-2nnn} code and says what was expected and what was found, so that it can be
 * shown to the user as it is.
 */
public class PackageException extends RuntimeException {

	public PackageException(String message) {
		super(message);
	}

	public PackageException(String message, Throwable cause) {
		super(message, cause);
	}

}
