package jp.shisakunavi.questions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * The pseudonymous key the question log keeps instead of a LINE user id: HMAC-SHA256 of the id with a secret salt,
 * so that the same person has the same key (distinct askers can be counted) and nobody can go back from a key to
 * the person without the salt. The salt comes from {@code QUESTION_LOG_SALT}, or is generated once and kept in the
 * database (the first instance to start writes it, the others read it). Erasing a user removes their key from the
 * log: their questions stay, no longer linked to each other.
 */
@Component
class AskerKeys implements PersonalData {

	private static final String ALGORITHM = "HmacSHA256";
	private static final String SALT_ID = "question-log";

	private final MongoTemplate mongo;
	private final QuestionLogProperties properties;
	private volatile SecretKeySpec key;

	AskerKeys(MongoTemplate mongo, QuestionLogProperties properties) {
		this.mongo = mongo;
		this.properties = properties;
	}

	String of(LineUserId user) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key());
			return HexFormat.of().formatHex(mac.doFinal(user.value().getBytes(StandardCharsets.UTF_8)), 0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
		}
	}

	@Override
	public void erase(LineUserId user) {
		mongo.updateMulti(Query.query(where("asker").is(of(user))), new Update().unset("asker"), LoggedQuestion.class);
	}

	private SecretKeySpec key() {
		SecretKeySpec current = key;
		if (current == null) {
			String salt = properties.salt() != null ? properties.salt() : storedSalt();
			current = new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), ALGORITHM);
			key = current;
		}
		return current;
	}

	private String storedSalt() {
		Salt stored = mongo.findById(SALT_ID, Salt.class);
		if (stored != null) {
			return stored.value();
		}
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		try {
			mongo.insert(new Salt(SALT_ID, Base64.getEncoder().encodeToString(random)));
		}
		catch (DuplicateKeyException e) {
			// another instance wrote it first: use theirs
		}
		return mongo.findById(SALT_ID, Salt.class).value();
	}

	@Document("question_log_salt")
	record Salt(@Id String id, String value) {
	}
}
