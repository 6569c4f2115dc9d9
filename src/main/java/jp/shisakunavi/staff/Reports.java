package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Role;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingSymbol;

/**
 * Reports of staff: drafts and submissions, each stating the version it read. A report is refused with nothing
 * stored when it is for another department's unit, gives a rating outside the plan's legend, has a text over
 * {@value #MAX_TEXT_LENGTH} characters, comes before the round opens, or its report is approved already. A report
 * after the due date is taken and marked late.
 */
@Service
public class Reports {

	/** The most characters of 実績 and of 課題, each. */
	public static final int MAX_TEXT_LENGTH = 2000;
	/** The most characters of an attachment link. */
	public static final int MAX_URL_LENGTH = 500;

	private final MongoTemplate mongo;
	private final Obligations obligations;
	private final Rounds rounds;
	private final StaffMembers members;
	private final StaffDepartments departments;
	private final AuditLog audit;
	private final Clock clock;

	Reports(MongoTemplate mongo, Obligations obligations, Rounds rounds, StaffMembers members,
			StaffDepartments departments, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.obligations = obligations;
		this.rounds = rounds;
		this.members = members;
		this.departments = departments;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Saves a draft (下書き): every field may be empty, what is given is checked.
	 *
	 * @throws ReportRefused when it may not be saved (nothing stored)
	 * @throws StaleReport when the report changed since {@code expectedVersion}
	 */
	public Obligation saveDraft(StaffActor actor, String obligationId, long expectedVersion, ReportDraft draft) {
		return save(actor, obligationId, expectedVersion, draft, false);
	}

	/**
	 * Submits a report (提出): a rating of the legend and the progress (実績) are needed.
	 *
	 * @throws ReportRefused when it may not be submitted (nothing stored)
	 * @throws StaleReport when the report changed since {@code expectedVersion}
	 */
	public Obligation submit(StaffActor actor, String obligationId, long expectedVersion, ReportDraft report) {
		return save(actor, obligationId, expectedVersion, report, true);
	}

	/**
	 * A related department (関係課) comments on a unit's report; the comment is kept beside the report for the
	 * review and does not change its version (the reporting department's save is never refused because of it).
	 *
	 * @throws ReportRefused when the actor is not staff of a related department (or the coordinating department
	 *         or an editor), or the text is empty or over {@value #MAX_TEXT_LENGTH} characters
	 */
	public Obligation remark(StaffActor actor, String obligationId, String text) {
		Obligation current = obligations.find(obligationId)
			.orElseThrow(() -> new ReportRefused("この報告依頼は見つかりません。報告状況から選び直してください。"));
		String remark = ReportTexts.text(text);
		if (remark == null) {
			throw new ReportRefused("remark", "意見を書いてください。");
		}
		ReportTexts.checkText("remark", "意見", remark, MAX_TEXT_LENGTH);
		String department = relatedDepartmentOf(actor, current);
		Obligation.Remark added = new Obligation.Remark(department, actor.id(), actor.name(), clock.instant(), remark);
		Obligation saved = mongo.findAndModify(Query.query(where("_id").is(obligationId)), new Update().push("remarks", added),
				FindAndModifyOptions.options().returnNew(true), Obligation.class);
		audit.record(AuditChange.of("staff.report.remark", department + "が「" + current.unitTitle() + "」に意見を書きました")
			.target(obligationId)
			.municipality(current.municipality())
			.after(added));
		return saved;
	}

	/** The related department the actor comments for (a reviewer: their own or 取りまとめ), or refused. */
	private String relatedDepartmentOf(StaffActor actor, Obligation obligation) {
		String city = obligation.municipality();
		List<String> own;
		boolean reviewer;
		if (actor.member() != null) {
			StaffMember member = members.find(actor.member().id()).filter(StaffMember::active)
				.orElseThrow(() -> new ReportRefused("職員登録が取り消されているため、意見を書けません。"));
			boolean sameCity = MunicipalityName.key(member.municipality()).equals(MunicipalityName.key(city));
			own = sameCity ? member.departments() : List.of();
			reviewer = sameCity && member.role() == StaffRole.COORDINATOR;
		}
		else {
			own = actor.account().role() == Role.STAFF && actor.account().mayView(city) ? actor.account().departments()
					: List.of();
			reviewer = actor.account().mayReview(city);
		}
		for (String department : obligation.commenting()) {
			if (own.stream().anyMatch(d -> departments.same(city, d, department))) {
				return department;
			}
		}
		if (reviewer) {
			return own.isEmpty() ? "取りまとめ" : own.getFirst();
		}
		throw new ReportRefused("「" + obligation.unitTitle() + "」に意見を書けるのは関係課（"
				+ (obligation.commenting().isEmpty() ? "なし" : String.join("・", obligation.commenting())) + "）の職員です。");
	}

	private Obligation save(StaffActor actor, String obligationId, long expectedVersion, ReportDraft given,
			boolean submit) {
		Obligation current = obligations.find(obligationId)
			.orElseThrow(() -> new ReportRefused("この報告依頼は見つかりません。報告状況から選び直してください。"));
		Round round = rounds.find(current.roundId())
			.orElseThrow(() -> new ReportRefused("この報告依頼は見つかりません。報告状況から選び直してください。"));
		requireReporter(actor, current);
		if (current.withdrawn()) {
			throw new ReportRefused("「" + current.unitTitle() + "」はこの報告依頼の対象から外れました。報告は不要です。");
		}
		if (!round.openOn(obligations.today())) {
			throw new ReportRefused("この報告依頼の受付は" + ReportTexts.day(round.opensOn()) + "からです。");
		}
		if (current.version() != expectedVersion) {
			throw stale(current, expectedVersion);
		}
		if (!current.status().editable()) {
			throw new ReportRefused("「" + current.unitTitle() + "」の報告は" + current.status().label()
					+ "のため、変更できません。変更が必要なときは取りまとめ課に差戻しを依頼してください。");
		}
		ReportDraft report = checked(given, obligations.legend(current), submit);
		Instant now = clock.instant();
		ReportStatus status = submit ? ReportStatus.SUBMITTED : ReportStatus.DRAFT;
		long version = expectedVersion + 1;
		ReportStep step = new ReportStep(version, status, actor.id(), actor.name(), now, report, null);
		Update update = new Update().set("report", report)
			.set("status", status)
			.set("version", version)
			.push("history", step);
		if (submit) {
			update.set("submittedAt", now).set("late", ObligationDerivation.after(now, round.dueOn()));
		}
		if (actor.member() != null) {
			update.set("reporterLineUserId", actor.member().lineUserId());
		}
		else {
			update.unset("reporterLineUserId");
		}
		Obligation saved = mongo.findAndModify(Query.query(where("_id").is(obligationId).and("version").is(expectedVersion)),
				update, FindAndModifyOptions.options().returnNew(true), Obligation.class);
		if (saved == null) {
			throw stale(obligations.find(obligationId).orElseThrow(), expectedVersion);
		}
		audit.record(AuditChange.of(submit ? "staff.report.submit" : "staff.report.draft",
				current.department() + "が「" + current.unitTitle() + "」の報告を" + (submit ? "提出しました" : "下書き保存しました")
						+ (saved.late() && submit ? "（締切後）" : ""))
			.target(obligationId)
			.municipality(current.municipality())
			.before(current.report())
			.after(report));
		return saved;
	}

	/** Refused unless the actor is staff of the unit's department (or its city's coordinator or editor). */
	private void requireReporter(StaffActor actor, Obligation obligation) {
		if (actor.member() != null) {
			StaffMember member = members.find(actor.member().id()).orElse(actor.member());
			if (!member.active()) {
				throw new ReportRefused("職員登録が取り消されているため、報告できません。");
			}
			if (!MunicipalityName.key(member.municipality()).equals(MunicipalityName.key(obligation.municipality()))) {
				throw notYours(obligation, member.departments());
			}
			if (member.role() != StaffRole.COORDINATOR && !members.belongsTo(member, obligation.department())) {
				throw notYours(obligation, member.departments());
			}
			return;
		}
		Actor account = actor.account();
		if (account.role() == Role.STAFF) {
			boolean city = account.mayView(obligation.municipality());
			boolean department = account.staffRole() == StaffRole.COORDINATOR || account.departments().stream()
				.anyMatch(d -> departments.same(obligation.municipality(), d, obligation.department()));
			if (!city || !department) {
				throw notYours(obligation, account.departments());
			}
			return;
		}
		if (!account.mayEdit(obligation.municipality())) {
			throw new ReportRefused(obligation.municipality() + "の報告を変更する権限がありません。");
		}
	}

	private static ReportRefused notYours(Obligation obligation, List<String> own) {
		return new ReportRefused("「" + obligation.unitTitle() + "」は" + obligation.department() + "の報告です。"
				+ (own.isEmpty() ? "" : String.join("・", own) + "の") + "施策だけ報告できます。");
	}

	/** The report with its texts trimmed and the rating as the legend writes it (ａ, a and A are A). */
	static ReportDraft checked(ReportDraft given, RatingScheme legend, boolean submit) {
		ReportDraft draft = given == null ? ReportDraft.EMPTY : given;
		String rating = ReportTexts.normalized(draft.rating());
		String symbol = null;
		if (rating != null) {
			symbol = legend.symbols().stream()
				.map(RatingSymbol::symbol)
				.filter(s -> rating.equalsIgnoreCase(ReportTexts.normalized(s)))
				.findFirst()
				.orElseThrow(() -> new ReportRefused("rating", "評価「" + rating + "」はこの計画の凡例にありません。"
						+ legend.symbols().stream().map(s -> s.symbol() + "（" + s.meaning() + "）").reduce((a, b) -> a + "、" + b)
							.map(s -> "使える評価: " + s).orElse("")));
		}
		String progress = ReportTexts.text(draft.progress());
		String issues = ReportTexts.text(draft.issues());
		String url = ReportTexts.text(draft.attachmentUrl());
		ReportTexts.checkText("progress", "実績", progress, MAX_TEXT_LENGTH);
		ReportTexts.checkText("issues", "課題", issues, MAX_TEXT_LENGTH);
		if (url != null) {
			checkUrl(url);
		}
		if (submit) {
			if (symbol == null) {
				throw new ReportRefused("rating", "評価を選んでください。");
			}
			if (progress == null) {
				throw new ReportRefused("progress", "実績を書いてください。");
			}
		}
		return new ReportDraft(symbol, progress, issues, url);
	}

	private static void checkUrl(String url) {
		if (url.length() > MAX_URL_LENGTH) {
			throw new ReportRefused("attachmentUrl", "添付のリンクは" + MAX_URL_LENGTH + "文字までです。");
		}
		try {
			URI uri = URI.create(url);
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
				throw new IllegalArgumentException(url);
			}
		}
		catch (IllegalArgumentException e) {
			throw new ReportRefused("attachmentUrl", "添付のリンクは https:// で始まるアドレスにしてください。");
		}
	}

	/** The refusal of a save based on an old version, naming what changed since. */
	static StaleReport stale(Obligation current, long seenVersion) {
		ReportDraft seen = current.reportAt(seenVersion);
		ReportDraft now = current.report();
		List<String> changed = new ArrayList<>();
		if (!Objects.equals(seen.rating(), now.rating())) {
			changed.add("評価");
		}
		if (!Objects.equals(seen.progress(), now.progress())) {
			changed.add("実績");
		}
		if (!Objects.equals(seen.issues(), now.issues())) {
			changed.add("課題");
		}
		if (!Objects.equals(seen.attachmentUrl(), now.attachmentUrl())) {
			changed.add("添付");
		}
		ReportStatus seenStatus = current.history().stream()
			.filter(s -> s.version() <= seenVersion)
			.reduce((a, b) -> b)
			.map(ReportStep::status)
			.orElse(ReportStatus.NOT_STARTED);
		if (seenStatus != current.status()) {
			changed.add("状況（" + current.status().label() + "）");
		}
		return new StaleReport(current, seenVersion, changed);
	}
}
