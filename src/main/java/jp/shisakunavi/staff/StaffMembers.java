package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.users.LineUserId;

/**
 * The staff members. A LINE user is staff through at most one active member: a newer registration replaces the
 * older one. Departments are compared by their current names (aliases followed).
 */
@Service
public class StaffMembers {

	private final MongoTemplate mongo;
	private final StaffDepartments departments;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	StaffMembers(MongoTemplate mongo, StaffDepartments departments, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.mongo = mongo;
		this.departments = departments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The LINE user as staff, if they are (revoked members are not). */
	public Optional<StaffMember> active(LineUserId user) {
		return mongo.find(Query.query(where("lineUserId").is(user.value()).and("revokedAt").is(null)), StaffMember.class)
			.stream()
			.max(Comparator.comparing(StaffMember::registeredAt));
	}

	public Optional<StaffMember> find(String id) {
		return Optional.ofNullable(mongo.findById(id, StaffMember.class));
	}

	/** Every member of a municipality (null: all), also revoked ones, newest first: the console's list. */
	public List<StaffMember> of(String municipality) {
		Query query = new Query();
		if (municipality != null) {
			// the names as stored that mean this city (茅ヶ崎市, 茅ケ崎市), so that the query reads one city's members
			List<String> written = mongo.findDistinct(new Query(), "municipality", StaffMember.class, String.class)
				.stream()
				.filter(name -> sameCity(name, municipality))
				.toList();
			query = Query.query(where("municipality").in(written));
		}
		return mongo.find(query, StaffMember.class).stream()
			.sorted(Comparator.comparing(StaffMember::registeredAt).reversed())
			.toList();
	}

	/** The active members of a municipality. */
	public List<StaffMember> active(String municipality) {
		return of(municipality).stream().filter(StaffMember::active).toList();
	}

	/**
	 * The active members of a department with a role (null: any role). Coordinators are found by the
	 * departments they were invited for, like everyone else.
	 */
	public List<StaffMember> active(String municipality, String department, StaffRole role) {
		return active(municipality).stream()
			.filter(m -> role == null || m.role() == role)
			.filter(m -> m.departments().stream().anyMatch(d -> departments.same(municipality, d, department)))
			.toList();
	}

	/** The active coordinators (取りまとめ) of a municipality, whatever their department. */
	public List<StaffMember> coordinators(String municipality) {
		return active(municipality).stream().filter(m -> m.role() == StaffRole.COORDINATOR).toList();
	}

	/** Whether the member belongs to the department (by current names). */
	public boolean belongsTo(StaffMember member, String department) {
		return member.departments().stream().anyMatch(d -> departments.same(member.municipality(), d, department));
	}

	/** Revokes a member: they get nothing more and may report nothing. Revoking twice changes nothing. */
	public StaffMember revoke(String id) {
		StaffMember before = find(id).orElseThrow(() -> new IllegalArgumentException("職員「" + id + "」はいません"));
		StaffMember revoked = mongo.findAndModify(Query.query(where("_id").is(id).and("revokedAt").is(null)),
				new Update().set("revokedAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
				StaffMember.class);
		if (revoked == null) {
			return before;
		}
		if (revoked.lineUser() != null) {
			events.publishEvent(new StaffRevoked(id, revoked.lineUser(), false));
		}
		audit.record(AuditChange.of("staff.member.revoke", "職員の登録を取り消しました（" + revoked.description() + "）")
			.target(id)
			.municipality(revoked.municipality())
			.before(before)
			.after(revoked));
		return revoked;
	}

	/** Stores a new member; the LINE user's earlier active registrations are replaced by it. */
	void store(StaffMember member) {
		mongo.save(member);
		List<StaffMember> older = mongo.find(Query.query(where("lineUserId").is(member.lineUserId())
			.and("revokedAt").is(null)
			.and("_id").ne(member.id())), StaffMember.class);
		for (StaffMember earlier : older) {
			mongo.save(earlier.revoked(clock.instant()));
			events.publishEvent(new StaffRevoked(earlier.id(), earlier.lineUser(), true));
		}
	}

	/** Forgets the LINE user of their member records (erasure): the records stay, revoked, for the history. */
	void eraseLineUser(LineUserId user) {
		mongo.updateMulti(Query.query(where("lineUserId").is(user.value()).and("revokedAt").is(null)),
				new Update().set("revokedAt", clock.instant()), StaffMember.class);
		mongo.updateMulti(Query.query(where("lineUserId").is(user.value())), new Update().unset("lineUserId"),
				StaffMember.class);
	}

	private static boolean sameCity(String a, String b) {
		return MunicipalityName.key(a).equals(MunicipalityName.key(b));
	}
}
