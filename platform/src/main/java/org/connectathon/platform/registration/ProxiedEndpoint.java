package org.connectathon.platform.registration;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * An endpoint as the JSON API shows it: with its proxy address, which partners call
 * instead of the base URL so that the recording proxy captures the exchange.
 */
record ProxiedEndpoint(@JsonUnwrapped Endpoint endpoint, String proxyUrl) {

}
