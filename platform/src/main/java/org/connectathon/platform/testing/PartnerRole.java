package org.connectathon.platform.testing;

import java.util.List;

import org.connectathon.platform.catalog.ActorReference;

/**
 * Another role of a test, with the partners that can play it: {@code tested} of
 * {@code possible} done.
 */
public record PartnerRole(String roleKeyword, ActorReference actor, int tested, int possible, List<Partner> partners) {

}
