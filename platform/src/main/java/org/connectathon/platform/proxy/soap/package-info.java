/**
 * IHE SOAP transactions through the recording proxy: reading a captured envelope (SOAP
 * 1.1 and 1.2, plain or MTOM/XOP), validating it against its transaction's schemas,
 * WS-Addressing, its SAML assertion and XDS.b metadata rules, and a built-in responder
 * that answers the IHE transactions for tests, the demo and no-peer steps.
 */
@NullMarked
package org.connectathon.platform.proxy.soap;

import org.jspecify.annotations.NullMarked;
