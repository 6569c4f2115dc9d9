package jp.shisakunavi.admin.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffDepartments;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;

/**
 * Who reports on the page, and what their departments owe in the rounds open today: a staff member who came by
 * a signed link from LINE, or a signed-in 職員 account. Revoked members have nothing.
 */
@Component
class ReportDesk {

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final StaffMembers members;
	private final Obligations obligations;
	private final Rounds rounds;
	private final StaffDepartments departments;
	private final Clock clock;

	ReportDesk(StaffMembers members, Obligations obligations, Rounds rounds, StaffDepartments departments, Clock clock) {
		this.members = members;
		this.obligations = obligations;
		this.rounds = rounds;
		this.departments = departments;
		this.clock = clock;
	}

	/** A reporter, with the departments the page is scoped to. */
	record Reporter(StaffActor actor, String municipality, List<String> departments, String name) {
	}

	Optional<Reporter> member(String memberId) {
		return members.find(memberId).filter(StaffMember::active)
			.map(m -> new Reporter(StaffActor.of(m), m.municipality(), m.departments(), StaffActor.of(m).name()));
	}

	Optional<Reporter> account(Actor actor) {
		if (actor.role() != Role.STAFF) {
			return Optional.empty();
		}
		return Optional.of(new Reporter(StaffActor.of(actor), String.join("・", actor.municipalities()),
				actor.departments(), StaffActor.of(actor).name()));
	}

	/** The obligations of the reporter's departments in the rounds open today, in plan order. */
	List<Obligation> owedTo(Reporter reporter) {
		if (reporter.actor().member() != null) {
			return obligations.of(reporter.actor().member());
		}
		Actor account = reporter.actor().account();
		LocalDate today = clock.instant().atZone(TOKYO).toLocalDate();
		return rounds.of(null).stream()
			.filter(r -> r.openOn(today) && account.mayView(r.municipality()))
			.flatMap(r -> obligations.ofRound(r.id()).stream())
			.filter(o -> account.staffRole() == StaffRole.COORDINATOR || account.departments().stream()
				.anyMatch(d -> departments.same(o.municipality(), d, o.department())))
			.toList();
	}
}
