/**
 * Where requests sent on someone else's behalf may go:
 * {@link org.connectathon.engine.outbound.OutboundAddressPolicy} resolves a host, judges
 * the addresses it resolves to, and gives HTTP clients that connect only to addresses it
 * accepted.
 */
package org.connectathon.engine.outbound;
