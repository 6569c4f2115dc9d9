package jp.shisakunavi.admin.staff;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffActor;

/**
 * Who may do what on the staff pages and API: reading a city's staff and rounds (every console account of it and
 * its coordinating department), changing them (its editors and administrators), reviewing (its coordinating
 * department and editors, checked again by {@link jp.shisakunavi.staff.Review}).
 */
@Component
class StaffAccess {

	private final Permissions permissions;
	private final PlanCatalog catalog;
	private final Rounds rounds;

	StaffAccess(Permissions permissions, PlanCatalog catalog, Rounds rounds) {
		this.permissions = permissions;
		this.catalog = catalog;
		this.rounds = rounds;
	}

	static boolean coordinator(Actor actor) {
		return actor.role() == Role.STAFF && actor.staffRole() == StaffRole.COORDINATOR;
	}

	/** Sees the rounds pages: console readers and coordinating staff. */
	static boolean seesRounds(Actor actor) {
		return actor.mayReadConsole() || coordinator(actor);
	}

	/** May read the city's staff data (null: the lists, filtered to what the account sees). */
	Actor reader(String municipality) {
		Actor actor = permissions.current();
		if (!seesRounds(actor)) {
			throw new Forbidden("このページは取りまとめ課の職員と管理画面のアカウントのものです");
		}
		return municipality == null ? actor : permissions.requireView(municipality);
	}

	Actor editor(String municipality) {
		return permissions.requireEdit(municipality);
	}

	StaffActor reviewer(String municipality) {
		Actor actor = reader(municipality);
		if (!actor.mayReview(municipality)) {
			throw new Forbidden(municipality + "の報告を承認・差戻し・公開できるのは、取りまとめ課の職員と編集者です");
		}
		return StaffActor.of(actor);
	}

	Actor current() {
		return permissions.current();
	}

	/** The round, if the signed-in account may read its city's data. */
	Round round(String id) {
		Round round = rounds.find(id).orElseThrow(() -> new IllegalArgumentException("報告依頼「" + id + "」はありません"));
		reader(round.municipality());
		return round;
	}

	/** The municipalities the account may see (all with plans, or those it is limited to). */
	List<String> municipalities(Actor actor) {
		return catalog.municipalities().stream().filter(actor::mayView).toList();
	}
}
