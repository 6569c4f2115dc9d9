package jp.shisakunavi.line;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jp.shisakunavi.system.LineCredentials;
import jp.shisakunavi.system.Sha256;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;

/**
 * Who is who in the chat simulator. A browser is given a secret token and a simulator user of its own; every
 * later call names the token, never the user, so a browser reads and changes only its own user's data. Only a
 * hash of the token is stored. The number of simulator users is capped, and users idle for a while are erased
 * with everything kept about them.
 */
@Component
class SimulatorSessions {

	private static final Logger log = LoggerFactory.getLogger(SimulatorSessions.class);
	private static final Duration SEEN_PRECISION = Duration.ofMinutes(10);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;
	private final LineUsers users;
	private final SimulatorProperties properties;
	private final Clock clock;
	private final boolean enabled;
	private final Cache<String, Session> known = Caffeine.newBuilder().maximumSize(10_000)
		.expireAfterWrite(SEEN_PRECISION).build();

	SimulatorSessions(MongoTemplate mongo, LineUsers users, SimulatorProperties properties, LineCredentials line,
			Clock clock) {
		this.mongo = mongo;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
		this.enabled = properties.enabled() != null ? properties.enabled() : !line.configured();
	}

	boolean enabled() {
		return enabled;
	}

	/** A new simulator user with its token; empty when as many users as allowed exist. */
	Optional<Opened> open() {
		if (mongo.count(new Query(), Session.class) >= properties.maxUsers()) {
			return Optional.empty();
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Session session = new Session(Sha256.hex(token), "sim-" + UUID.randomUUID(), now, now);
		mongo.insert(session);
		known.put(session.id(), session);
		return Optional.of(new Opened(token, session.userId()));
	}

	/** The simulator user of a token; the user is marked seen (written at most every few minutes). */
	Optional<String> userOf(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		String id = Sha256.hex(token);
		Session session = known.get(id, key -> mongo.findById(key, Session.class));
		if (session == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (session.lastSeenAt().plus(SEEN_PRECISION).isBefore(now)) {
			mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("lastSeenAt", now), Session.class);
			known.put(id, new Session(id, session.userId(), session.createdAt(), now));
		}
		return Optional.of(session.userId());
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purgeIdle() {
		Instant before = clock.instant().minus(properties.idleAfter());
		List<Session> idle = mongo.find(Query.query(where("lastSeenAt").lt(before)), Session.class);
		for (Session session : idle) {
			users.erase(LineUserId.of(session.userId()));
			mongo.remove(Query.query(where("_id").is(session.id())), Session.class);
			known.invalidate(session.id());
		}
		if (!idle.isEmpty()) {
			log.info("Erased {} simulator user(s) idle since {}", idle.size(), before);
		}
	}

	/** A token handed to a browser once, and the simulator user it stands for. */
	record Opened(String token, String userId) {
	}

	@Document("simulator_sessions")
	record Session(@Id String id, String userId, Instant createdAt, Instant lastSeenAt) {
	}
}
