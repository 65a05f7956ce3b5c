/**
 * HL7 v2 over MLLP through the recording proxy: a listening port per HL7 v2 endpoint that
 * relays each message to the endpoint and its acknowledgement back, capturing both; the
 * validation of captured HL7 v2 messages with HAPI HL7v2; and a small responder that
 * acknowledges every message, for tests, the demo and no-peer steps.
 */
@NullMarked
package org.connectathon.platform.proxy.hl7v2;

import org.jspecify.annotations.NullMarked;
