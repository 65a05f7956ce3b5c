package org.connectathon.platform.registration;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The client addresses of a system: IP addresses and CIDR ranges, as a list (JSON API) or
 * comma-separated (page).
 */
public record ClientAddressesForm(@Nullable List<String> clientAddresses) {

}
