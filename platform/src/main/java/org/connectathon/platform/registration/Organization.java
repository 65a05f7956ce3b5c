package org.connectathon.platform.registration;

import org.jspecify.annotations.Nullable;

/** A vendor or other body that brings systems to events. */
public record Organization(long id, String name, @Nullable String address, @Nullable String website) {

}
