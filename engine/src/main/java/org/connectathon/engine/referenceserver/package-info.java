/**
 * An in-memory FHIR server on HAPI's plain server, to try TestScripts without any other
 * server; {@link org.connectathon.engine.referenceserver.ReferenceServerLauncher} runs it
 * in an embedded Tomcat that the caller provides.
 */
package org.connectathon.engine.referenceserver;
