package jp.shisakunavi.system;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Requests that Tomcat refuses itself, before any filter or controller sees them (a malformed URL, an invalid
 * character in the request line, headers too large), get the API's JSON problem instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class TomcatErrors {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReport.class.getName());
			}
		});
	}

	/** Tomcat's error report, as JSON and without server details. */
	public static class JsonErrorReport extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String title = known == null ? "Error" : known.getReasonPhrase();
			String detail = status == 400 ? "The request is malformed (URL, header or encoding) and was not processed"
					: title;
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(ProblemJson.of(status, title, detail));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException e) {
				// the client is gone or the response cannot take a body: nothing more to tell it
			}
		}
	}
}
