package org.connectathon.platform.catalog;

/** An option that refines an actor. */
public record ActorOption(long id, String keyword, String name) {

}
