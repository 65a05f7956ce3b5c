package org.connectathon.platform.registration;

import java.util.List;

/**
 * How the recording proxy knows that an exchange came from this system: the capture token
 * its clients send in the {@code X-Connectathon-System} header, or else one of the client
 * addresses it registered. Shown to the system's own organization only.
 *
 * @param captureToken the token; anyone holding it could pass for the system, so it is
 * shown to its organization alone and may be regenerated
 * @param header the header the token goes in
 * @param clientAddresses IP addresses and CIDR ranges the system's clients call from
 */
public record CaptureIdentification(String captureToken, String header, List<String> clientAddresses) {

}
