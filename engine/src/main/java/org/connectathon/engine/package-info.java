/**
 * The Connectathon engine: a library that runs FHIR TestScripts, validates FHIR resources
 * against implementation guides and loads FHIR packages. It knows nothing of events,
 * users or Spring, so that it can serve as a test tool on its own.
 */
package org.connectathon.engine;
