package org.connectathon.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;

/**
 * An HTTP client that first sends through a real one and records each response; after
 * {@link #replay()} it answers the requests with the recorded responses in turn, over and
 * over, without network or server. Running the same script through it measures the
 * TestScript engine's own work alone. One thread at a time.
 */
final class ReplayingHttpClient extends CloseableHttpClient {

	private record Recorded(int status, Header[] headers, byte[] body) {
	}

	private final CloseableHttpClient real;

	private final List<Recorded> recorded = new ArrayList<>();

	private boolean replaying;

	private int next;

	ReplayingHttpClient(CloseableHttpClient real) {
		this.real = real;
	}

	/** From now on, answers with the recorded responses, starting with the first. */
	void replay() {
		if (this.recorded.isEmpty()) {
			throw new IllegalStateException("nothing was recorded");
		}
		this.replaying = true;
		this.next = 0;
	}

	@Override
	protected CloseableHttpResponse doExecute(HttpHost target, ClassicHttpRequest request, HttpContext context)
			throws IOException {
		Recorded answer;
		if (this.replaying) {
			answer = this.recorded.get(this.next);
			this.next = (this.next + 1) % this.recorded.size();
		}
		else {
			try (CloseableHttpResponse response = this.real.execute(target, request, context)) {
				byte[] body = (response.getEntity() != null) ? EntityUtils.toByteArray(response.getEntity())
						: new byte[0];
				answer = new Recorded(response.getCode(), response.getHeaders(), body);
				this.recorded.add(answer);
			}
		}
		BasicClassicHttpResponse response = new BasicClassicHttpResponse(answer.status());
		response.setHeaders(answer.headers());
		response.setEntity(new ByteArrayEntity(answer.body(), null));
		return CloseableHttpResponse.adapt(response);
	}

	@Override
	public void close() throws IOException {
		this.real.close();
	}

	@Override
	public void close(CloseMode closeMode) {
		this.real.close(closeMode);
	}

}
