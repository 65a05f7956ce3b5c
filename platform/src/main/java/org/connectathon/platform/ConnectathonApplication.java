package org.connectathon.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web platform. Started by {@code connectathon serve}; see
 * {@link org.connectathon.platform.cli.ServeCommand}.
 */
@SpringBootApplication
public class ConnectathonApplication {

}
