package org.connectathon.platform.testing;

import org.connectathon.platform.live.LiveUpdates;

/**
 * Something shown on an instance's page changed without its status changing: a run of an
 * automated step was queued, moved on or ended; a captured exchange was attached to a
 * step, detached or validated. The pages open on the instance reload their part once the
 * change commits, on every node ({@link LiveUpdates}).
 */
public record InstanceProgressed(long instanceId) {

}
