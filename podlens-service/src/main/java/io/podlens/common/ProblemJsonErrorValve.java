package io.podlens.common;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Errors Tomcat answers itself, before Spring sees the request (a request line or header
 * beyond {@code server.max-http-request-header-size}, a malformed URL), as problem+json
 * like every other error instead of Tomcat's HTML page.
 */
class ProblemJsonErrorValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String detail = (status == 400)
				? "The request could not be read: its URL or headers are malformed or longer than the server accepts"
						+ " (server.max-http-request-header-size)"
				: "The server could not handle the request";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(
						"{\"type\":\"about:blank\",\"title\":\"" + ((status < 500) ? "Bad request" : "Internal error")
								+ "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response committed; nothing more to say.
		}
	}

}
