package org.connectathon.platform.automation;

/** A run was queued; once its transaction commits, the workers of this node wake up. */
record ScriptRunQueued(long runId) {

}
