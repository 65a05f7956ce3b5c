/**
 * The engine's reference server hosted by the platform, one per FHIR release, as the
 * partner of tests without a peer; see docs/reference-server.md.
 */
@NullMarked
package org.connectathon.platform.referenceserver;

import org.jspecify.annotations.NullMarked;
