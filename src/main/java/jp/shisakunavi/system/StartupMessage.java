package jp.shisakunavi.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to open it. */
@Component
class StartupMessage {

	private static final Logger log = LoggerFactory.getLogger(StartupMessage.class);

	private final LineCredentials line;
	private final ObjectProvider<StartupNotice> notices;

	StartupMessage(LineCredentials line, ObjectProvider<StartupNotice> notices) {
		this.line = line;
		this.notices = notices;
	}

	@EventListener
	@Order(0)
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		String base = "http://localhost:" + web.getWebServer().getPort();
		log.info("""

				  施策ナビ (Shisaku Navi) is ready.
				    Chat simulator:  {}/
				    Open-data API:   {}/api/plans
				    Admin console:   {}/admin/
				    Health:          {}/actuator/health
				    LINE webhook:    {}/callback ({})
				{}""", base, base, base, base, base,
				line.configured() ? "connected to LINE" : "no LINE credentials: webhook disabled, use the simulator",
				String.join("", notices.orderedStream().flatMap(n -> n.lines(base).stream()).map(l -> "    " + l + "\n").toList()));
	}
}
