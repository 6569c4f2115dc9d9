package jp.shisakunavi.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.system.EmbeddedMongo;

/**
 * API tokens for scripts: issued per account in the console, shown once, kept as a SHA-256 hash (a token is 32
 * random bytes, so a fast hash is enough and a look-up costs no bcrypt), revocable, with the time of last use. A
 * token acts with its account's role and municipalities, as they are at each request.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "snv_";
	static final int MAX_LENGTH = 100;
	static final int MAX_PER_ACCOUNT = 20;
	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final MongoTemplate mongo;
	private final Accounts accounts;
	private final AuditLog audit;
	private final EmbeddedMongo embedded;
	private final Clock clock;

	ApiTokens(MongoTemplate mongo, Accounts accounts, AuditLog audit, EmbeddedMongo embedded, Clock clock) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.audit = audit;
		this.embedded = embedded;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		mongo.indexOps(StoredToken.class).createIndex(new Index().on("hash", Sort.Direction.ASC).unique());
		mongo.indexOps(StoredToken.class).createIndex(new Index().on("accountId", Sort.Direction.ASC));
	}

	public IssuedToken issue(String accountId, String name) {
		Account account = accounts.existing(accountId);
		if (account.revoked() || account.role() == Role.STAFF) {
			throw new IllegalArgumentException("API トークンは有効な管理者・編集者・閲覧者のアカウントにだけ発行できます");
		}
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 60) {
			throw new IllegalArgumentException("トークンの名前（用途）を60文字までで入れてください");
		}
		if (mongo.count(Query.query(where("accountId").is(accountId).and("revokedAt").is(null)), StoredToken.class) >= MAX_PER_ACCOUNT) {
			throw new IllegalArgumentException("有効なトークンは1アカウント" + MAX_PER_ACCOUNT + "個までです。使っていないものを無効にしてください");
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		StoredToken stored = mongo.insert(new StoredToken(UUID.randomUUID().toString(), hash(secret), accountId, label,
				clock.instant(), null, null));
		embedded.flush();
		audit.record(AuditChange.of("token.issue", "アカウント「" + account.username() + "」に API トークン「" + label + "」を発行しました")
			.target(account.username()).after(stored.view()));
		return new IssuedToken(secret, stored.view());
	}

	public List<ApiToken> ofAccount(String accountId) {
		return mongo.find(Query.query(where("accountId").is(accountId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
				StoredToken.class).stream().map(StoredToken::view).toList();
	}

	public Optional<ApiToken> find(String id) {
		return Optional.ofNullable(mongo.findById(id, StoredToken.class)).map(StoredToken::view);
	}

	public void revoke(String id) {
		StoredToken token = mongo.findById(id, StoredToken.class);
		if (token == null) {
			throw new IllegalArgumentException("そのトークンはありません");
		}
		if (token.revokedAt() != null) {
			return;
		}
		mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("revokedAt", clock.instant()), StoredToken.class);
		embedded.flush();
		String owner = accounts.find(token.accountId()).map(Account::username).orElse(token.accountId());
		audit.record(AuditChange.of("token.revoke", "アカウント「" + owner + "」の API トークン「" + token.name() + "」を無効にしました")
			.target(owner).before(token.view()));
	}

	/** The account a presented secret acts as, if the token exists, is not revoked and its account is not either. */
	Optional<AccountAuthentication> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		StoredToken token = mongo.findOne(Query.query(where("hash").is(hash(secret)).and("revokedAt").is(null)), StoredToken.class);
		if (token == null) {
			return Optional.empty();
		}
		Optional<Account> account = accounts.find(token.accountId()).filter(a -> !a.revoked() && a.role() != Role.STAFF);
		if (account.isEmpty()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
			mongo.updateFirst(Query.query(where("_id").is(token.id())), Update.update("lastUsedAt", now), StoredToken.class);
		}
		return Optional.of(AccountAuthentication.token(account.get(), token.name()));
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JVM", e);
		}
	}

	@Document("api_tokens")
	record StoredToken(@Id String id, String hash, String accountId, String name, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {

		ApiToken view() {
			return new ApiToken(id, accountId, name, createdAt, lastUsedAt, revokedAt);
		}
	}
}
