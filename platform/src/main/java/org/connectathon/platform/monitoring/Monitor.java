package org.connectathon.platform.monitoring;

/** A user with the monitor role, as organizers assign them to tests. */
public record Monitor(long id, String displayName) {

}
