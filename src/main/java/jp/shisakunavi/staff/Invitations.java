package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.system.Sha256;
import jp.shisakunavi.users.LineUserId;

/**
 * Invitations of staff and the registration of LINE users with their codes. A code is six digits, unique among
 * the open invitations, kept only as a hash, and used once. Unknown codes are counted per LINE user: after
 * {@value #MAX_FAILED_ATTEMPTS} within an hour, codes from that user are refused for the rest of the hour, so that
 * codes cannot be guessed by trying them.
 */
@Service
public class Invitations {

	/** The text a staff member sends in LINE before the code. */
	public static final String COMMAND = "職員登録";
	static final int MAX_FAILED_ATTEMPTS = 5;
	static final Duration ATTEMPT_WINDOW = Duration.ofHours(1);
	private static final int MAX_NAME_LENGTH = 60;
	private static final int MAX_DEPARTMENTS = 10;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final MongoTemplate mongo;
	private final StaffMembers members;
	private final StaffDepartments departments;
	private final StaffProperties properties;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Invitations(MongoTemplate mongo, StaffMembers members, StaffDepartments departments, StaffProperties properties,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.mongo = mongo;
		this.members = members;
		this.departments = departments;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Issues an invitation; the code is in the answer only.
	 *
	 * @throws IllegalArgumentException in Japanese, when the municipality has no plan, a department is unknown to
	 *         it, or the role needs a department and none is given
	 */
	public IssuedInvitation issue(InvitationRequest request, String by) {
		Invitation checked = checked(request, by);
		return issueAs(checked, "staff.invitation.issue", "職員の招待を発行しました");
	}

	private IssuedInvitation issueAs(Invitation invitation, String action, String summary) {
		String code = uniqueCode();
		Invitation stored = new Invitation(invitation.id(), invitation.municipality(), invitation.departments(),
				invitation.role(), invitation.name(), hash(code), invitation.issuedAt(), invitation.expiresAt(),
				invitation.issuedBy(), null, null, null, null, null);
		mongo.insert(stored);
		audit.record(AuditChange.of(action, summary + "（" + describe(stored) + "）")
			.target(stored.id())
			.municipality(stored.municipality())
			.after(stored));
		return new IssuedInvitation(stored, code, COMMAND + " " + code, link(code));
	}

	private Invitation checked(InvitationRequest request, String by) {
		if (request.role() == null) {
			throw new IllegalArgumentException("役割（担当・所属長・取りまとめ）を選んでください");
		}
		String municipality = request.municipality() == null ? "" : request.municipality().strip();
		List<Plan> plans = departments.plansOf(municipality);
		if (municipality.isEmpty() || plans.isEmpty()) {
			throw new IllegalArgumentException("自治体「" + municipality + "」の計画は登録されていません");
		}
		String city = plans.getFirst().municipality();
		List<String> known = departments.of(city);
		List<String> named = (request.departments() == null ? List.<String>of() : request.departments()).stream()
			.map(StaffDepartments::clean)
			.filter(n -> !n.isEmpty())
			.map(n -> departments.canonical(city, n))
			.distinct()
			.toList();
		if (named.isEmpty()) {
			throw new IllegalArgumentException("課を1つ以上選んでください（" + city + "の課: " + String.join("、", known) + "）");
		}
		if (named.size() > MAX_DEPARTMENTS) {
			throw new IllegalArgumentException("課は" + MAX_DEPARTMENTS + "つまでです");
		}
		List<String> unknown = named.stream().filter(n -> !known.contains(n)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("「" + String.join("」「", unknown) + "」は" + city
					+ "の課にありません。計画の担当課か担当課の割り当てにある課を選んでください（" + String.join("、", known) + "）");
		}
		String name = request.name() == null ? "" : Normalizer.normalize(request.name(), Normalizer.Form.NFKC).strip();
		if (name.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("名前は" + MAX_NAME_LENGTH + "文字までです（" + name.length() + "文字）");
		}
		Instant now = clock.instant();
		return new Invitation(UUID.randomUUID().toString(), city, named, request.role(), name, null, now,
				now.plus(properties.invitationValidity()), by, null, null, null, null, null);
	}

	/** The invitations of a municipality (null: all), newest first. */
	public List<Invitation> list(String municipality) {
		return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "issuedAt")), Invitation.class).stream()
			.filter(i -> municipality == null
					|| MunicipalityName.key(i.municipality()).equals(MunicipalityName.key(municipality)))
			.toList();
	}

	public Optional<Invitation> find(String id) {
		return Optional.ofNullable(mongo.findById(id, Invitation.class));
	}

	public Instant now() {
		return clock.instant();
	}

	/**
	 * Revokes an invitation: its code registers nobody any more, and the staff member it registered, if any, is
	 * revoked too.
	 */
	public Invitation revoke(String id) {
		Invitation before = existing(id);
		if (before.revokedAt() != null) {
			return before;
		}
		Invitation revoked = mongo.findAndModify(Query.query(where("_id").is(id).and("revokedAt").is(null)),
				new Update().set("revokedAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
				Invitation.class);
		if (revoked == null) {
			return existing(id);
		}
		if (revoked.memberId() != null) {
			members.revoke(revoked.memberId());
		}
		audit.record(AuditChange.of("staff.invitation.revoke", "職員の招待を取り消しました（" + describe(revoked) + "）")
			.target(id)
			.municipality(revoked.municipality())
			.before(before)
			.after(revoked));
		return revoked;
	}

	/**
	 * Issues a new code for the same municipality, departments and role, with a new expiry; the old invitation is
	 * revoked (an unused code stops working, a registered member keeps being staff until revoked).
	 */
	public IssuedInvitation reissue(String id) {
		Invitation old = existing(id);
		if (old.reissuedAs() != null) {
			throw new IllegalArgumentException("この招待はすでに再発行されています");
		}
		Instant now = clock.instant();
		Invitation fresh = new Invitation(UUID.randomUUID().toString(), old.municipality(), old.departments(), old.role(),
				old.name(), null, now, now.plus(properties.invitationValidity()), old.issuedBy(), null, null, null, null, null);
		Update update = new Update().set("reissuedAs", fresh.id());
		if (old.usedAt() == null && old.revokedAt() == null) {
			update.set("revokedAt", now);
		}
		if (mongo.updateFirst(Query.query(where("_id").is(id).and("reissuedAs").is(null)), update, Invitation.class)
			.getModifiedCount() == 0) {
			throw new IllegalArgumentException("この招待はすでに再発行されています");
		}
		return issueAs(fresh, "staff.invitation.reissue", "職員の招待を再発行しました");
	}

	/**
	 * Registers a LINE user with a code (「職員登録 123456」 gives {@code 123456}; full-width digits and spaces are
	 * read too). The same user sending the same code again gets the same registration.
	 */
	public Registration register(LineUserId user, String code) {
		String digits = Normalizer.normalize(code == null ? "" : code, Normalizer.Form.NFKC).replaceAll("\\s", "");
		if (!digits.matches("[0-9]{6}")) {
			return new Registration.Refused(Registration.Reason.NOT_A_CODE,
					"登録コードは6桁の数字です。「" + COMMAND + " 123456」のように送ってください。");
		}
		Instant now = clock.instant();
		if (failedAttempts(user, now) >= MAX_FAILED_ATTEMPTS) {
			return new Registration.Refused(Registration.Reason.TOO_MANY_ATTEMPTS,
					"登録コードの誤りが続いたため、しばらく受け付けを止めています。1時間ほどしてから、もう一度お試しください。");
		}
		List<Invitation> matching = mongo.find(Query.query(where("codeHash").is(hash(digits))), Invitation.class).stream()
			.sorted(Comparator.comparing(Invitation::issuedAt).reversed())
			.toList();
		Optional<Invitation> mine = matching.stream().filter(i -> user.value().equals(i.usedBy())).findFirst();
		if (mine.isPresent()) {
			return registeredAgain(user, mine.get());
		}
		Optional<Invitation> open = matching.stream().filter(i -> i.status(now) == Invitation.Status.OPEN).findFirst();
		if (open.isEmpty()) {
			if (matching.isEmpty()) {
				recordFailure(user, now);
				return new Registration.Refused(Registration.Reason.UNKNOWN, "登録コード「" + digits
						+ "」は見つかりません。コードを確かめて、もう一度「" + COMMAND + " 123456」の形で送ってください。");
			}
			return refusal(matching.getFirst(), now);
		}
		String memberId = UUID.randomUUID().toString();
		Invitation used = mongo.findAndModify(
				Query.query(where("_id").is(open.get().id()).and("usedAt").is(null).and("revokedAt").is(null)),
				new Update().set("usedAt", now).set("memberId", memberId).set("usedBy", user.value()),
				FindAndModifyOptions.options().returnNew(true), Invitation.class);
		if (used == null) {
			return register(user, digits);
		}
		return new Registration.Registered(createMember(user, used, now));
	}

	private Registration registeredAgain(LineUserId user, Invitation invitation) {
		Optional<StaffMember> member = members.find(invitation.memberId());
		if (member.isEmpty()) {
			// A crash came between using the code and storing the member: finish it.
			return new Registration.Registered(createMember(user, invitation, invitation.usedAt()));
		}
		if (!member.get().active()) {
			return new Registration.Refused(Registration.Reason.USED,
					"この登録コードでの職員登録は取り消されています。必要な場合は管理者に新しい招待を依頼してください。");
		}
		return new Registration.Registered(member.get());
	}

	private StaffMember createMember(LineUserId user, Invitation invitation, Instant at) {
		StaffMember member = new StaffMember(invitation.memberId(), user.value(), invitation.name(),
				invitation.municipality(), invitation.departments(), invitation.role(), invitation.id(), at, null);
		members.store(member);
		events.publishEvent(new StaffRegistered(member.id(), user));
		audit.record(AuditChange.of("staff.register", "LINE で職員登録されました（" + member.description() + "）")
			.target(member.id())
			.municipality(member.municipality())
			.after(member));
		return member;
	}

	private Registration.Refused refusal(Invitation newest, Instant now) {
		return switch (newest.status(now)) {
			case EXPIRED -> new Registration.Refused(Registration.Reason.EXPIRED, "この登録コードは有効期限（"
					+ DAY.format(newest.expiresAt().atZone(TOKYO)) + "）を過ぎています。管理者に再発行を依頼してください。");
			case USED -> new Registration.Refused(Registration.Reason.USED,
					"この登録コードはすでに使われています。登録コードは1人1回だけ使えます。管理者に新しい招待を依頼してください。");
			case REVOKED -> new Registration.Refused(Registration.Reason.REVOKED,
					"この登録コードは取り消されています。管理者にお問い合わせください。");
			case OPEN -> throw new IllegalStateException("an open invitation is not refused");
		};
	}

	private long failedAttempts(LineUserId user, Instant now) {
		return mongo.count(Query.query(where("user").is(user.value()).and("at").gt(now.minus(ATTEMPT_WINDOW))),
				FailedAttempt.class);
	}

	private void recordFailure(LineUserId user, Instant now) {
		mongo.insert(new FailedAttempt(UUID.randomUUID().toString(), user.value(), now));
	}

	/** Forgets what is kept about a LINE user's attempts (erasure). */
	void eraseAttempts(LineUserId user) {
		mongo.remove(Query.query(where("user").is(user.value())), FailedAttempt.class);
		mongo.updateMulti(Query.query(where("usedBy").is(user.value())), new Update().unset("usedBy"), Invitation.class);
	}

	private Invitation existing(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("招待「" + id + "」はありません"));
	}

	private String uniqueCode() {
		Instant now = clock.instant();
		for (int attempt = 0; attempt < 100; attempt++) {
			String code = "%06d".formatted(random.nextInt(1_000_000));
			boolean taken = mongo.find(Query.query(where("codeHash").is(hash(code))), Invitation.class).stream()
				.anyMatch(i -> i.status(now) == Invitation.Status.OPEN);
			if (!taken) {
				return code;
			}
		}
		throw new IllegalStateException("No free invitation code after 100 tries: too many open invitations");
	}

	private String link(String code) {
		if (properties.lineBasicId().isEmpty()) {
			return null;
		}
		return "https://line.me/R/oaMessage/" + UriUtils.encode(properties.lineBasicId(), StandardCharsets.UTF_8)
				+ "/?" + UriUtils.encode(COMMAND + " " + code, StandardCharsets.UTF_8);
	}

	static String hash(String code) {
		return Sha256.hex("staff-invitation|" + code);
	}

	private static String describe(Invitation invitation) {
		return invitation.municipality() + " " + String.join("・", invitation.departments()) + "・" + invitation.role().label()
				+ (invitation.name().isEmpty() ? "" : "・" + invitation.name());
	}

	/** An unknown code a LINE user sent, counted for {@link #MAX_FAILED_ATTEMPTS}. */
	@Document("staff_code_attempts")
	record FailedAttempt(@Id String id, String user, Instant at) {
	}
}
