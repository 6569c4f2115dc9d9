package jp.shisakunavi.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.system.EmbeddedMongo;

/**
 * The accounts: created, changed, reset, unlocked and revoked here, whatever the entry point (console, staff
 * invitations, start-up), each change checked first and written to the audit log. Municipality names are stored
 * as the plan data writes them. There is always at least one administrator who is not revoked.
 */
@Service
public class Accounts {

	private final MongoTemplate mongo;
	private final Credentials credentials;
	private final PasswordEncoder encoder;
	private final PlanCatalog catalog;
	private final AuditLog audit;
	private final EmbeddedMongo embedded;
	private final Clock clock;

	Accounts(MongoTemplate mongo, Credentials credentials, PasswordEncoder encoder, PlanCatalog catalog, AuditLog audit,
			EmbeddedMongo embedded, Clock clock) {
		this.mongo = mongo;
		this.credentials = credentials;
		this.encoder = encoder;
		this.catalog = catalog;
		this.audit = audit;
		this.embedded = embedded;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ensureIndexes() {
		mongo.indexOps(Account.class).createIndex(new Index().on("username", Sort.Direction.ASC).unique());
		mongo.indexOps(Account.class).createIndex(new Index().on("lineUserId", Sort.Direction.ASC).sparse());
	}

	public List<Account> all() {
		return mongo.find(new Query().with(Sort.by("username")), Account.class);
	}

	public Optional<Account> find(String id) {
		return id == null ? Optional.empty() : Optional.ofNullable(mongo.findById(id, Account.class));
	}

	public Optional<Account> findByUsername(String username) {
		if (username == null || username.length() > PasswordPolicy.MAX_USERNAME) {
			return Optional.empty();
		}
		return Optional.ofNullable(mongo.findOne(Query.query(where("username").is(username.strip().toLowerCase(java.util.Locale.ROOT))),
				Account.class));
	}

	/** The staff account of a LINE user, if one is linked and not revoked. */
	public Optional<Account> findByLineUser(String lineUserId) {
		return Optional.ofNullable(mongo.findOne(Query.query(where("lineUserId").is(lineUserId).and("revokedAt").is(null)),
				Account.class));
	}

	/** When the account is locked after failed sign-ins, if it is now. */
	public Optional<Instant> lockedUntil(String accountId) {
		Instant now = clock.instant();
		return credentials.find(accountId).filter(c -> c.lockedAt(now)).map(Credential::lockedUntil);
	}

	/**
	 * Creates an account; {@code password} null: no password sign-in (a staff member signed in by a link, or an
	 * account whose password an administrator sets with a reset).
	 */
	public Account create(String username, AccountDraft draft, String password) {
		return insert(username, draft, password, false);
	}

	private Account insert(String username, AccountDraft draft, String password, boolean mustChange) {
		String name = PasswordPolicy.username(username);
		if (findByUsername(name).isPresent()) {
			throw new IllegalArgumentException("ユーザー名「" + name + "」はもう使われています");
		}
		AccountDraft checked = checked(draft, null);
		if (password != null) {
			PasswordPolicy.check(password, name);
		}
		Account account = new Account(UUID.randomUUID().toString(), name, checked.displayName(), checked.role(),
				checked.municipalities(), checked.departments(), checked.staffRole(), checked.lineUserId(), clock.instant(),
				null, null);
		if (password != null) {
			credentials.setPassword(account.id(), encoder.encode(password), clock.instant(), mustChange);
		}
		Account saved;
		try {
			saved = mongo.insert(account);
		}
		catch (DuplicateKeyException e) {
			throw new IllegalArgumentException("ユーザー名「" + name + "」はもう使われています");
		}
		embedded.flush();
		audit.record(AuditChange.of("account.create", "アカウント「" + name + "」（" + saved.role().label() + "）を作成しました")
			.target(name).municipalities(saved.municipalities()).after(saved.audited()));
		return saved;
	}

	/**
	 * Creates an account with a generated password to hand over once; it must be changed at the first sign-in.
	 */
	public InitialPassword createWithInitialPassword(String username, AccountDraft draft) {
		String password = PasswordPolicy.generate();
		return new InitialPassword(insert(username, draft, password, true), password);
	}

	/** An account just created and the password to hand over (shown once, never stored in clear). */
	public record InitialPassword(Account account, String password) {
	}

	/**
	 * Changes role, name, municipalities and staff fields. {@code version} is the version the editor saw: a change
	 * made meanwhile by someone else refuses this one instead of being overwritten.
	 */
	public Account update(String id, long version, AccountDraft draft) {
		Account before = existing(id);
		if (before.version() == null || before.version() != version) {
			throw new OptimisticLockingFailureException("アカウント「" + before.username() + "」は別の操作で変更されました。読み込み直してから変更してください");
		}
		AccountDraft checked = checked(draft, before);
		if (before.role() == Role.ADMIN && checked.role() != Role.ADMIN && !before.revoked()) {
			requireAnotherAdministrator(before);
		}
		Account saved = mongo.save(before.with(checked));
		embedded.flush();
		audit.record(AuditChange.of("account.update", "アカウント「" + before.username() + "」を変更しました")
			.target(before.username()).municipalities(union(before.municipalities(), saved.municipalities()))
			.before(before.audited()).after(saved.audited()));
		return saved;
	}

	/** Sets a new password to hand over once; the account must change it at the next sign-in. */
	public String resetPassword(String id) {
		Account account = existing(id);
		String password = PasswordPolicy.generate();
		credentials.setPassword(account.id(), encoder.encode(password), clock.instant(), true);
		audit.record(AuditChange.of("account.reset", "アカウント「" + account.username() + "」のパスワードを再設定しました（ロックも解除）")
			.target(account.username()));
		return password;
	}

	public void unlock(String id) {
		Account account = existing(id);
		credentials.unlock(account.id());
		audit.record(AuditChange.of("account.unlock", "アカウント「" + account.username() + "」のロックを解除しました")
			.target(account.username()));
	}

	/** Revokes the account for good: it can do nothing more, its sessions and tokens end, its LINE link goes. */
	public Account revoke(String id) {
		Account before = existing(id);
		if (before.revoked()) {
			return before;
		}
		if (before.role() == Role.ADMIN) {
			requireAnotherAdministrator(before);
		}
		Account saved = mongo.save(before.revokedAt(clock.instant()));
		embedded.flush();
		audit.record(AuditChange.of("account.revoke", "アカウント「" + before.username() + "」を無効にしました")
			.target(before.username()).municipalities(before.municipalities()).before(before.audited()).after(saved.audited()));
		return saved;
	}

	/** Links a staff account to the LINE user who redeemed its invitation. */
	public Account linkLine(String id, String lineUserId) {
		Account before = existing(id);
		if (before.role() != Role.STAFF || before.revoked()) {
			throw new IllegalArgumentException("LINE と結び付けられるのは有効な職員のアカウントだけです");
		}
		Account saved = mongo.save(before.with(new AccountDraft(before.displayName(), before.role(), before.municipalities(),
				before.departments(), before.staffRole(), lineUserId)));
		embedded.flush();
		audit.record(AuditChange.of("account.line", "職員アカウント「" + before.username() + "」を LINE と結び付けました")
			.target(before.username()).municipalities(before.municipalities()));
		return saved;
	}

	/** The account of this id; an unknown id is refused with a message. */
	public Account existing(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("そのアカウントはありません"));
	}

	/** Restores the first administrator from the environment: role 管理者, all municipalities, not revoked. */
	Account restoreAdministrator(String username) {
		// Instances starting together on one database each try this: the unique user name lets one insert win
		ensureIndexes();
		Account account = findByUsername(username).orElse(null);
		if (account == null) {
			try {
				account = mongo.insert(new Account(UUID.randomUUID().toString(), username, null, Role.ADMIN, List.of(),
						List.of(), null, null, clock.instant(), null, null));
			}
			catch (DuplicateKeyException e) {
				account = findByUsername(username).orElseThrow(() -> e);
			}
		}
		else if (account.role() != Role.ADMIN || account.revoked() || !account.municipalities().isEmpty()) {
			account = mongo.save(account.restored(Role.ADMIN));
		}
		embedded.flush();
		return account;
	}

	private AccountDraft checked(AccountDraft draft, Account before) {
		if (draft.role() == null) {
			throw new IllegalArgumentException("役割を選んでください");
		}
		if (before != null && before.revoked()) {
			throw new IllegalArgumentException("無効にしたアカウントは変更できません");
		}
		if (draft.displayName() != null && draft.displayName().length() > 100) {
			throw new IllegalArgumentException("表示名は100文字までにしてください");
		}
		List<String> municipalities = canonical(draft.municipalities());
		if (draft.role() == Role.ADMIN && !municipalities.isEmpty()) {
			throw new IllegalArgumentException("管理者はすべての自治体を扱います。自治体を限定するなら編集者か閲覧者にしてください");
		}
		if (draft.role() == Role.STAFF) {
			if (municipalities.size() != 1) {
				throw new IllegalArgumentException("職員のアカウントには自治体を一つ選んでください");
			}
			if (draft.staffRole() == null) {
				throw new IllegalArgumentException("職員の役割（担当・所属長・取りまとめ）を選んでください");
			}
			if (draft.departments().isEmpty() && draft.staffRole() != StaffRole.COORDINATOR) {
				throw new IllegalArgumentException("職員のアカウントには担当課を一つ以上入れてください");
			}
			if (draft.departments().stream().anyMatch(d -> d.length() > 60)) {
				throw new IllegalArgumentException("担当課の名前は60文字までにしてください");
			}
			return new AccountDraft(draft.displayName(), Role.STAFF, municipalities, draft.departments(), draft.staffRole(),
					draft.lineUserId());
		}
		if (!draft.departments().isEmpty() || draft.staffRole() != null || draft.lineUserId() != null) {
			throw new IllegalArgumentException("担当課・職員の役割・LINE の結び付けは職員のアカウントだけのものです");
		}
		return new AccountDraft(draft.displayName(), draft.role(), municipalities, List.of(), null, null);
	}

	/** The names as the plan data writes them; an unknown name is refused. */
	private List<String> canonical(List<String> given) {
		List<String> names = new ArrayList<>();
		for (String name : given) {
			String match = catalog.municipality(name).orElseThrow(() -> new IllegalArgumentException("自治体「" + name
					+ "」の計画データがありません（選べるのは " + String.join("・", catalog.municipalities()) + "）"));
			if (!names.contains(match)) {
				names.add(match);
			}
		}
		return names;
	}

	private void requireAnotherAdministrator(Account leaving) {
		long others = mongo.count(Query.query(where("role").is(Role.ADMIN).and("revokedAt").is(null).and("_id").ne(leaving.id())),
				Account.class);
		if (others == 0) {
			throw new IllegalArgumentException("「" + leaving.username() + "」は最後の管理者です。先に別の管理者を作ってください");
		}
	}

	private static List<String> union(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		b.stream().filter(m -> !all.contains(m)).forEach(all::add);
		return all;
	}
}
