package jp.shisakunavi.system;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports the database by running {@code ping}, which both a real MongoDB and the embedded server answer
 * (the stock indicator sends {@code hello}, which the embedded server does not know).
 */
@Component("mongoHealthIndicator")
class MongoHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;
	private final EmbeddedMongo embedded;

	MongoHealthIndicator(MongoTemplate mongo, EmbeddedMongo embedded) {
		super("MongoDB health check failed");
		this.mongo = mongo;
		this.embedded = embedded;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = mongo.executeCommand(new Document("ping", 1));
		boolean ok = answer.get("ok") instanceof Number n && n.doubleValue() == 1.0;
		(ok ? builder.up() : builder.down())
			.withDetail("database", mongo.getDb().getName())
			.withDetail("server", embedded.running() ? "embedded" : "external");
	}
}
