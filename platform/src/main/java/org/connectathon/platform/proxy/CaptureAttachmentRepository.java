package org.connectathon.platform.proxy;

import java.util.Collection;

import org.connectathon.platform.proxy.Capture.Attachment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which step a capture is evidence for. Every change holds only if the capture is still
 * as the caller saw it, so that two nodes, or a person and the correlation, never attach
 * one capture twice.
 */
@Repository
class CaptureAttachmentRepository {

	private final JdbcClient jdbc;

	CaptureAttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Attaches the capture unless it is attached already; whether it did. */
	boolean attach(long captureId, long instanceId, int stepIndex, Attachment attachedBy) {
		return this.jdbc.sql("""
				update captures set test_instance_id = :instanceId, step_index = :stepIndex, attached_by = :attachedBy
				where id = :id and test_instance_id is null""")
			.param("id", captureId)
			.param("instanceId", instanceId)
			.param("stepIndex", stepIndex)
			.param("attachedBy", attachedBy.name())
			.update() == 1;
	}

	/** Detaches the capture if it is still attached to the instance; whether it did. */
	boolean detach(long captureId, long instanceId) {
		return this.jdbc.sql("""
				update captures set test_instance_id = null, step_index = null, attached_by = null
				where id = :id and test_instance_id = :instanceId""")
			.param("id", captureId)
			.param("instanceId", instanceId)
			.update() == 1;
	}

	/** Records that the correlation looked at these captures, whatever it found. */
	void markCorrelated(Collection<Long> captureIds) {
		if (!captureIds.isEmpty()) {
			this.jdbc.sql("update captures set correlated_at = current_timestamp where id in (:ids)")
				.param("ids", captureIds)
				.update();
		}
	}

}
