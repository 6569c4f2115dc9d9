package jp.shisakunavi.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jp.shisakunavi.system.EmbeddedMongo;

/**
 * Passwords and sign-in failures. An attempt first claims the account (a conditional update that holds it for
 * the attempt), so that attempts on one account are checked one at a time and a locked or slowed-down account
 * costs no hashing at all.
 */
@Component
class Credentials {

	/** How long a claim holds an account; a crashed attempt frees it after this. */
	private static final java.time.Duration HOLD = java.time.Duration.ofSeconds(30);

	private final MongoTemplate mongo;
	private final EmbeddedMongo embedded;
	private final AccountProperties properties;

	Credentials(MongoTemplate mongo, EmbeddedMongo embedded, AccountProperties properties) {
		this.mongo = mongo;
		this.embedded = embedded;
		this.properties = properties;
	}

	Optional<Credential> find(String accountId) {
		return Optional.ofNullable(mongo.findById(accountId, Credential.class));
	}

	/**
	 * Holds the account for one attempt, if it is neither locked nor waiting out a slow-down.
	 *
	 * @return the credential as it was before the claim; empty when refused (see {@link #find} for why)
	 */
	Optional<Credential> claim(String accountId, Instant now) {
		Query query = Query.query(where("_id").is(accountId).andOperator(
				new Criteria().orOperator(where("lockedUntil").is(null), where("lockedUntil").lte(now)),
				new Criteria().orOperator(where("nextAttemptAt").is(null), where("nextAttemptAt").lte(now))));
		return Optional.ofNullable(mongo.findAndModify(query, Update.update("nextAttemptAt", now.plus(HOLD)),
				FindAndModifyOptions.options().returnNew(false), Credential.class));
	}

	/** Gives back a claim without an attempt (the attempt was refused for another reason). */
	void release(String accountId, Instant previous) {
		mongo.updateFirst(Query.query(where("_id").is(accountId)), Update.update("nextAttemptAt", previous), Credential.class);
	}

	void succeeded(String accountId) {
		mongo.updateFirst(Query.query(where("_id").is(accountId)),
				new Update().set("failures", 0).unset("nextAttemptAt").unset("lockedUntil"), Credential.class);
	}

	/** Counts a wrong password; the tenth in a row (by default) locks the account and starts the count again. */
	Credential failed(Credential before, Instant now) {
		int failures = before.failures() + 1;
		Update update = failures >= properties.lockAfter()
				? new Update().set("failures", 0).unset("nextAttemptAt").set("lockedUntil", now.plus(properties.lockFor()))
				: new Update().set("failures", failures).set("nextAttemptAt", now.plus(properties.delayAfter(failures)));
		Credential after = mongo.findAndModify(Query.query(where("_id").is(before.accountId())), update,
				FindAndModifyOptions.options().returnNew(true), Credential.class);
		embedded.flush();
		return after;
	}

	void unlock(String accountId) {
		succeeded(accountId);
		embedded.flush();
	}

	/**
	 * Sets a password (a reset: {@code mustChange}); sessions begun before end.
	 *
	 * @return when it was set, as stored (MongoDB keeps milliseconds), for the session that set it
	 */
	Instant setPassword(String accountId, String hash, Instant now, boolean mustChange) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		mongo.upsert(Query.query(where("_id").is(accountId)), new Update().set("passwordHash", hash).set("changedAt", at)
			.set("mustChange", mustChange).set("failures", 0).unset("nextAttemptAt").unset("lockedUntil"), Credential.class);
		embedded.flush();
		return at;
	}

	/** Sets the first administrator's password from the environment, remembering which one it was. */
	void setFromEnvironment(String accountId, String hash, Instant now) {
		Instant at = now.truncatedTo(ChronoUnit.MILLIS);
		mongo.upsert(Query.query(where("_id").is(accountId)), new Update().set("passwordHash", hash).set("changedAt", at)
			.set("mustChange", false).set("environmentHash", hash).set("failures", 0).unset("nextAttemptAt")
			.unset("lockedUntil"), Credential.class);
		embedded.flush();
	}
}
