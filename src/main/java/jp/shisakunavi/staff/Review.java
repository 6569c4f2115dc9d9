package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.EvaluationIntake;
import jp.shisakunavi.plan.EvaluationRow;
import jp.shisakunavi.plan.IntakeResult;
import jp.shisakunavi.plan.InvalidEvaluations;
import jp.shisakunavi.plan.MunicipalityName;

/**
 * Review of submitted reports and their publication. The department's head approves first when the round asks
 * for it; the coordinating department (or an editor of the city) approves or returns with a comment. Publishing
 * gives each approved report to the evaluation intake under an Idempotency-Key of its obligation and version,
 * so a publication repeated after a crash records every rating change once, and citizens following the unit
 * are told as with any evaluation. Until then nothing of a report is visible outside the staff pages.
 */
@Service
public class Review {

	private final MongoTemplate mongo;
	private final Obligations obligations;
	private final Rounds rounds;
	private final StaffMembers members;
	private final StaffDepartments departments;
	private final EvaluationIntake intake;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Review(MongoTemplate mongo, Obligations obligations, Rounds rounds, StaffMembers members,
			StaffDepartments departments, EvaluationIntake intake, ApplicationEventPublisher events, AuditLog audit,
			Clock clock) {
		this.mongo = mongo;
		this.obligations = obligations;
		this.rounds = rounds;
		this.members = members;
		this.departments = departments;
		this.intake = intake;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** The department's head approves a submitted report (rounds with head approval first). */
	public Obligation approveAsHead(StaffActor actor, String obligationId, long expectedVersion) {
		Obligation current = existing(obligationId);
		Round round = roundOf(current);
		if (!round.headApprovalFirst()) {
			throw new ReportRefused("この報告依頼では所属長の承認はありません。");
		}
		if (!mayApproveAsHead(actor, current)) {
			throw new ReportRefused(current.department() + "の所属長だけが承認できます。");
		}
		return step(actor, current, expectedVersion, Set.of(ReportStatus.SUBMITTED), ReportStatus.HEAD_APPROVED, null,
				"staff.report.head-approve", "所属長が承認しました");
	}

	/** The coordinating department approves a report (after the head, when the round asks for that). */
	public Obligation approve(StaffActor actor, String obligationId, long expectedVersion) {
		Obligation current = existing(obligationId);
		Round round = roundOf(current);
		requireReviewer(actor, current);
		Set<ReportStatus> from = round.headApprovalFirst() ? Set.of(ReportStatus.HEAD_APPROVED)
				: Set.of(ReportStatus.SUBMITTED, ReportStatus.HEAD_APPROVED);
		return step(actor, current, expectedVersion, from, ReportStatus.APPROVED, null, "staff.report.approve", "承認しました");
	}

	/**
	 * Returns a report to its department with a comment (差戻し); {@link ReportReturned} is published so that the
	 * reporter is told. The head may return what they are asked to approve; the coordinating department anything
	 * not yet published.
	 */
	public Obligation returnReport(StaffActor actor, String obligationId, long expectedVersion, String comment) {
		Obligation current = existing(obligationId);
		String text = ReportTexts.text(comment);
		if (text == null) {
			throw new ReportRefused("comment", "差戻しの理由を書いてください。");
		}
		ReportTexts.checkText("comment", "差戻しの理由", text, Reports.MAX_TEXT_LENGTH);
		boolean head = roundOf(current).headApprovalFirst() && mayApproveAsHead(actor, current);
		Set<ReportStatus> from;
		if (head && !mayReview(actor, current.municipality())) {
			from = Set.of(ReportStatus.SUBMITTED);
		}
		else {
			requireReviewer(actor, current);
			from = Set.of(ReportStatus.SUBMITTED, ReportStatus.HEAD_APPROVED, ReportStatus.APPROVED);
		}
		Obligation returned = step(actor, current, expectedVersion, from, ReportStatus.RETURNED, text,
				"staff.report.return", "差し戻しました");
		events.publishEvent(new ReportReturned(returned.id(), returned.roundId(), returned.municipality(),
				returned.department(), returned.unitId(), returned.unitTitle(), text, returned.reporter(), actor.name(),
				clock.instant(), returned.version()));
		return returned;
	}

	/**
	 * Publishes every approved report of a round through the evaluation intake: the rating, the department where
	 * the plan rates per department, and the progress (実績) as the comment of the change.
	 */
	public Publication publish(StaffActor actor, String roundId) {
		Round round = rounds.find(roundId).orElseThrow(() -> new ReportRefused("報告依頼「" + roundId + "」はありません。"));
		if (!mayReview(actor, round.municipality())) {
			throw new ReportRefused(round.municipality() + "の報告を公開できるのは、取りまとめ課の職員と編集者です。");
		}
		List<Obligation> approved = obligations.ofRound(roundId).stream()
			.filter(o -> o.status() == ReportStatus.APPROVED)
			.toList();
		List<Obligation> published = new ArrayList<>();
		List<Publication.Refusal> refused = new ArrayList<>();
		long changes = 0;
		for (Obligation obligation : approved) {
			EvaluationRow row = new EvaluationRow(1, obligation.municipality(), obligation.planId(), obligation.unitId(),
					null, String.valueOf(obligation.fiscalYear()), obligation.report().rating(),
					obligation.perDepartment() ? obligation.planDepartment() : null, obligation.report().progress());
			IntakeResult result;
			try {
				result = intake.submit(List.of(row), false, "staff:" + obligation.id() + ":v" + obligation.version());
			}
			catch (InvalidEvaluations e) {
				refused.add(new Publication.Refusal(obligation.id(), obligation.unitTitle(), e.getMessage()));
				continue;
			}
			changes += result.recorded();
			Obligation done = transition(actor, obligation, obligation.version(), ReportStatus.PUBLISHED, null);
			if (done != null) {
				published.add(done);
			}
		}
		audit.record(AuditChange.of("staff.round.publish", round.planTitle() + "の報告を" + published.size() + "件公開しました")
			.target(roundId)
			.municipality(round.municipality())
			.after(published.stream().map(Obligation::id).toList()));
		return new Publication(published, changes, refused);
	}

	private Obligation step(StaffActor actor, Obligation current, long expectedVersion, Set<ReportStatus> from,
			ReportStatus to, String comment, String action, String done) {
		if (current.version() != expectedVersion) {
			throw Reports.stale(current, expectedVersion);
		}
		if (!from.contains(current.status())) {
			throw new ReportRefused("「" + current.unitTitle() + "」の報告は" + current.status().label() + "のため、この操作はできません。");
		}
		Obligation changed = transition(actor, current, expectedVersion, to, comment);
		if (changed == null) {
			throw Reports.stale(existing(current.id()), expectedVersion);
		}
		audit.record(AuditChange.of(action, current.department() + "の「" + current.unitTitle() + "」の報告を" + done)
			.target(current.id())
			.municipality(current.municipality())
			.after(comment == null ? to.label() : to.label() + ": " + comment));
		return changed;
	}

	private Obligation transition(StaffActor actor, Obligation current, long expectedVersion, ReportStatus to,
			String comment) {
		Instant now = clock.instant();
		long version = expectedVersion + 1;
		Update update = new Update().set("status", to)
			.set("version", version)
			.push("history", new ReportStep(version, to, actor.id(), actor.name(), now, current.report(), comment));
		if (to == ReportStatus.RETURNED) {
			update.set("returnComment", comment);
		}
		return mongo.findAndModify(Query.query(where("_id").is(current.id()).and("version").is(expectedVersion)), update,
				FindAndModifyOptions.options().returnNew(true), Obligation.class);
	}

	private boolean mayApproveAsHead(StaffActor actor, Obligation obligation) {
		if (actor.member() != null) {
			StaffMember member = members.find(actor.member().id()).orElse(actor.member());
			return member.active() && member.role() == StaffRole.HEAD && members.belongsTo(member, obligation.department());
		}
		Actor account = actor.account();
		if (account.staffRole() == StaffRole.HEAD) {
			return account.mayView(obligation.municipality()) && account.departments().stream()
				.anyMatch(d -> departments.same(obligation.municipality(), d, obligation.department()));
		}
		return account.mayEdit(obligation.municipality());
	}

	/** The city's coordinating staff (in LINE or signed in) and its editors review. */
	private boolean mayReview(StaffActor actor, String municipality) {
		if (actor.member() != null) {
			StaffMember member = members.find(actor.member().id()).orElse(actor.member());
			return member.active() && member.role() == StaffRole.COORDINATOR
					&& MunicipalityName.key(member.municipality()).equals(MunicipalityName.key(municipality));
		}
		return actor.account().mayReview(municipality);
	}

	private void requireReviewer(StaffActor actor, Obligation obligation) {
		if (!mayReview(actor, obligation.municipality())) {
			throw new ReportRefused(obligation.municipality() + "の報告を承認・差戻しできるのは、取りまとめ課の職員と編集者です。");
		}
	}

	private Obligation existing(String id) {
		return obligations.find(id).orElseThrow(() -> new ReportRefused("この報告依頼は見つかりません。"));
	}

	private Round roundOf(Obligation obligation) {
		return rounds.find(obligation.roundId()).orElseThrow(() -> new ReportRefused("この報告依頼は見つかりません。"));
	}
}
