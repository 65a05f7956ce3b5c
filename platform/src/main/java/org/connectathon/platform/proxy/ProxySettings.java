package org.connectathon.platform.proxy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The recording proxy's settings ({@code connectathon.proxy.*}, see docs/proxy.md).
 *
 * @param timeout how long the proxy waits for the endpoint's answer (and for a free
 * connection to it) before it answers 504
 * @param maxRequestBody the largest request body the proxy forwards; larger ones get 413
 * @param maxCapturedBody how much of each body a capture keeps; the size is counted in
 * full and a longer body is marked truncated
 */
@ConfigurationProperties("connectathon.proxy")
public record ProxySettings(Duration timeout, DataSize maxRequestBody, DataSize maxCapturedBody) {

	public ProxySettings {
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(30);
		maxRequestBody = (maxRequestBody != null) ? maxRequestBody : DataSize.ofMegabytes(50);
		maxCapturedBody = (maxCapturedBody != null) ? maxCapturedBody : DataSize.ofMegabytes(2);
	}

	public long maximumRequestBytes() {
		return this.maxRequestBody.toBytes();
	}

	public int maximumCapturedBytes() {
		return (int) Math.min(Integer.MAX_VALUE - 8, this.maxCapturedBody.toBytes());
	}

}
