package org.connectathon.platform.testing;

/** The stored content of a piece of evidence, to download. */
public record EvidenceContent(String fileName, String contentType, byte[] content) {

}
