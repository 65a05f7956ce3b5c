/**
 * FHIR packages (the npm-style {@code .tgz} bundles implementation guides are published
 * in): the package cache in the FHIR tooling's layout, loading from files, folders or
 * package servers, and resolution of a package's dependencies with stand-ins for versions
 * that cannot be had.
 */
package org.connectathon.engine.packages;
