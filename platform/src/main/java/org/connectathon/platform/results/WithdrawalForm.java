package org.connectathon.platform.results;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an organizer takes the published results of an event off the public page. */
public record WithdrawalForm(@NotBlank @Size(max = 2000) String reason) {

}
