package jp.shisakunavi.staff.chat;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.line.Actions;
import jp.shisakunavi.line.Replies;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingSymbol;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.ReportDraft;
import jp.shisakunavi.staff.ReportRefused;
import jp.shisakunavi.staff.ReportStatus;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.StaffActor;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.staff.StaleReport;
import jp.shisakunavi.staff.chat.StaffDialogs.Step;

/**
 * Reporting one unit in the chat: the unit with last year's rating and progress → the rating from the plan's
 * legend (quick replies) → 実績 → 課題 → a confirmation card → 提出. Every answer is saved as the report's draft
 * at once, so the dialog may be left (「やめる」, or just gone quiet) and resumed where it stood. Buttons carry the
 * obligation (and 提出する the version it showed), so a double tap, or a tap on an old card, changes nothing twice.
 */
@Component
class ReportDialog {

	private static final String NO_ISSUES = "なし";

	private final Obligations obligations;
	private final Reports reports;
	private final StaffMembers members;
	private final StaffDialogs dialogs;

	ReportDialog(Obligations obligations, Reports reports, StaffMembers members, StaffDialogs dialogs) {
		this.obligations = obligations;
		this.reports = reports;
		this.members = members;
		this.dialogs = dialogs;
	}

	/** 報告する: the units the member's departments still owe, to choose one. */
	List<Message> choose(StaffMember member) {
		List<Obligation> owed = obligations.owedBy(member);
		if (owed.isEmpty()) {
			return new Replies().text(obligations.of(member).isEmpty() ? StaffChat.NOTHING_ASKED
					: "報告が必要な施策はありません。すべて提出済みです。ありがとうございます。").build();
		}
		return new Replies().flex(ReportCards.choiceText(owed), ReportCards.choice(owed)).build();
	}

	List<Message> postback(StaffMember member, StaffPostback postback) {
		Optional<Obligation> found = obligations.find(postback.obligationId());
		if (found.isEmpty()) {
			return new Replies().text("この報告依頼は見つかりません。「報告状況」から選び直してください。").build();
		}
		Obligation obligation = found.get();
		Optional<String> refusal = refusal(member, obligation);
		if (refusal.isPresent()) {
			return new Replies().text(refusal.get()).build();
		}
		return switch (postback.action()) {
			case StaffPostback.REPORT -> start(member, obligation, false);
			case StaffPostback.RESTART -> start(member, obligation, true);
			case StaffPostback.RATING -> rated(member, obligation, postback.value());
			case StaffPostback.SUBMIT -> submit(member, obligation, postback.value());
			default -> new Replies().text(StaffChat.NOT_UNDERSTOOD).build();
		};
	}

	/** A text while the dialog waits for one; empty when it waits for none (the text is a question to the bot). */
	Optional<List<Message>> text(StaffMember member, String text) {
		Optional<StaffDialogs.Dialog> dialog = dialogs.current(member.lineUser());
		if (dialog.isEmpty()) {
			return Optional.empty();
		}
		Optional<Obligation> obligation = obligations.find(dialog.get().obligationId())
			.filter(o -> refusal(member, o).isEmpty());
		if (obligation.isEmpty()) {
			dialogs.end(member.lineUser());
			return Optional.empty();
		}
		Obligation current = obligation.get();
		return Optional.of(switch (dialog.get().step()) {
			case RATING -> legendSymbol(current, text).map(symbol -> rated(member, current, symbol))
				.orElseGet(() -> ask(new Replies().text("評価は、下のボタンから選んでください。"), member, current, Step.RATING).build());
			case PROGRESS -> saved(member, current, new ReportDraft(current.report().rating(), text,
					current.report().issues(), current.report().attachmentUrl()));
			case ISSUES -> saved(member, current, new ReportDraft(current.report().rating(), current.report().progress(),
					text, current.report().attachmentUrl()));
			case CONFIRM -> next(member, current, new Replies().text("内容を確かめて、「提出する」を押してください。"));
		});
	}

	/** やめる: the dialog ends, the draft stays. */
	List<Message> stop(StaffMember member) {
		boolean active = dialogs.current(member.lineUser()).isPresent();
		dialogs.end(member.lineUser());
		return new Replies().text(active ? "報告の入力をやめました。ここまでの内容は下書きとして保存しています。「報告する」から続きを入力できます。"
				: "入力中の報告はありません。").build();
	}

	private List<Message> start(StaffMember member, Obligation obligation, boolean fromTheStart) {
		if (obligation.status() == ReportStatus.SUBMITTED && !fromTheStart) {
			dialogs.end(member.lineUser());
			return new Replies().text("「" + obligation.unitTitle() + "」は" + StaffTexts.time(obligation.submittedAt())
					+ "に提出済みです。内容を直すときは「修正する」を押してください（直した内容は、もう一度提出するまで下書きになります）。")
				.quickReply(Actions.quick(Actions.postback("修正する", StaffPostback.restart(obligation.id()))))
				.build();
		}
		Replies replies = new Replies().flex(ReportCards.unitText(obligation), ReportCards.unit(obligation));
		if (fromTheStart) {
			return ask(replies, member, obligation, Step.RATING).build();
		}
		boolean resumed = obligation.report().rating() != null;
		if (resumed) {
			replies.text("下書きの続きから入力します。最初から入力し直すときは「最初から」を押してください。");
			replies.quickReply(Actions.quick(Actions.postback("最初から", StaffPostback.restart(obligation.id()))));
		}
		return next(member, obligation, replies);
	}

	private List<Message> rated(StaffMember member, Obligation obligation, String symbol) {
		if (legendSymbol(obligation, symbol).isEmpty()) {
			return ask(new Replies().text("評価「" + symbol + "」はこの計画の凡例にありません。"), member, obligation, Step.RATING).build();
		}
		if (symbol.equals(obligation.report().rating())) {
			// the rating it has (a double tap, an old card, or kept when starting again): nothing to save
			boolean asked = dialogs.current(member.lineUser())
				.filter(d -> d.obligationId().equals(obligation.id()) && d.step() == Step.RATING)
				.isPresent();
			return asked ? ask(new Replies(), member, obligation, Step.PROGRESS).build()
					: next(member, obligation, new Replies());
		}
		return saved(member, obligation, new ReportDraft(symbol, obligation.report().progress(),
				obligation.report().issues(), obligation.report().attachmentUrl()), Step.RATING);
	}

	private List<Message> saved(StaffMember member, Obligation obligation, ReportDraft draft) {
		return saved(member, obligation, draft, dialogs.current(member.lineUser()).map(StaffDialogs.Dialog::step)
			.orElse(Step.RATING));
	}

	/** Saves the draft and asks for what comes after {@code answered}; a refusal asks the same again. */
	private List<Message> saved(StaffMember member, Obligation obligation, ReportDraft draft, Step answered) {
		Obligation saved;
		try {
			saved = reports.saveDraft(StaffActor.of(member), obligation.id(), obligation.version(), draft);
		}
		catch (ReportRefused e) {
			return ask(new Replies().text(e.getMessage()), member, obligation, answered).build();
		}
		catch (StaleReport e) {
			if (e.current().report().equals(draft)) {
				// the same answer, saved by a tap a moment earlier
				return ask(new Replies(), member, e.current(), after(answered)).build();
			}
			return next(member, e.current(), new Replies().text(e.getMessage()));
		}
		return ask(new Replies(), member, saved, after(answered)).build();
	}

	private List<Message> submit(StaffMember member, Obligation obligation, String version) {
		long read;
		try {
			read = Long.parseLong(version);
		}
		catch (NumberFormatException e) {
			return new Replies().text(StaffChat.NOT_UNDERSTOOD).build();
		}
		if (obligation.version() != read) {
			return submittedBefore(member, obligation, read)
				.orElseGet(() -> next(member, obligation, new Replies().text("この報告は、確認のあとで変わっています。最新の内容を確かめてください。")));
		}
		Obligation submitted;
		try {
			submitted = reports.submit(StaffActor.of(member), obligation.id(), read, obligation.report());
		}
		catch (ReportRefused e) {
			return next(member, obligation, new Replies().text(e.getMessage()));
		}
		catch (StaleReport e) {
			return submittedBefore(member, e.current(), read)
				.orElseGet(() -> next(member, e.current(), new Replies().text(e.getMessage())));
		}
		dialogs.end(member.lineUser());
		return new Replies().text("「" + submitted.unitTitle() + "」の報告を提出しました。取りまとめ課の確認をお待ちください。"
				+ (submitted.late() ? "締切を過ぎての提出として記録しました。" : ""))
			.quickReply(Actions.quick(Actions.say(StaffMenu.REPORT, StaffMenu.REPORT)))
			.quickReply(Actions.quick(Actions.say(StaffMenu.STATUS, StaffMenu.STATUS)))
			.build();
	}

	/** The answer to a second tap of 提出する: the first one submitted the version shown. */
	private Optional<List<Message>> submittedBefore(StaffMember member, Obligation obligation, long read) {
		if (obligation.status() != ReportStatus.SUBMITTED || obligation.version() != read + 1) {
			return Optional.empty();
		}
		dialogs.end(member.lineUser());
		return Optional.of(new Replies().text("「" + obligation.unitTitle() + "」は" + StaffTexts.time(obligation.submittedAt())
				+ "に提出済みです。").build());
	}

	/** Asks for the first thing the draft lacks (or shows the confirmation when it lacks nothing). */
	private List<Message> next(StaffMember member, Obligation obligation, Replies replies) {
		ReportDraft report = obligation.report();
		Step step = report.rating() == null ? Step.RATING : report.progress() == null ? Step.PROGRESS
				: report.issues() == null ? Step.ISSUES : Step.CONFIRM;
		return ask(replies, member, obligation, step).build();
	}

	/** Asks for one step; the dialog then waits for it. */
	private Replies ask(Replies replies, StaffMember member, Obligation obligation, Step step) {
		dialogs.at(member.lineUser(), obligation.id(), step);
		return switch (step) {
			case RATING -> askRating(replies, obligation);
			case PROGRESS -> replies.text("今年度の実績（取り組んだこと・成果）を送ってください。" + limit())
				.quickReply(Actions.quick(Actions.say(StaffMenu.STOP, StaffMenu.STOP)));
			case ISSUES -> replies.text("課題（残っていること・今後の予定）を送ってください。ないときは「" + NO_ISSUES + "」と送ってください。"
					+ limit())
				.quickReply(Actions.quick(Actions.say(NO_ISSUES, NO_ISSUES)))
				.quickReply(Actions.quick(Actions.say(StaffMenu.STOP, StaffMenu.STOP)));
			case CONFIRM -> replies.flex(ReportCards.confirmationText(obligation),
					ReportCards.confirmation(obligation, obligations.legend(obligation)));
		};
	}

	private Replies askRating(Replies replies, Obligation obligation) {
		RatingScheme legend = obligations.legend(obligation);
		replies.text("今年度の評価を選んでください。");
		for (RatingSymbol symbol : legend.symbols()) {
			replies.quickReply(Actions.quick(Actions.postback(symbol.symbol() + " " + symbol.meaning(),
					StaffPostback.rating(obligation.id(), symbol.symbol()))));
		}
		return replies.quickReply(Actions.quick(Actions.say(StaffMenu.STOP, StaffMenu.STOP)));
	}

	private static String limit() {
		return "（" + String.format("%,d", Reports.MAX_TEXT_LENGTH) + "文字まで）";
	}

	private static Step after(Step step) {
		return switch (step) {
			case RATING -> Step.PROGRESS;
			case PROGRESS -> Step.ISSUES;
			case ISSUES, CONFIRM -> Step.CONFIRM;
		};
	}

	private Optional<String> legendSymbol(Obligation obligation, String text) {
		String typed = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().toUpperCase();
		return obligations.legend(obligation).symbols().stream()
			.map(RatingSymbol::symbol)
			.filter(s -> Normalizer.normalize(s, Normalizer.Form.NFKC).toUpperCase().equals(typed))
			.findFirst();
	}

	/**
	 * Why the member may not report this unit (another city or department, withdrawn, reviewed already), told
	 * before anything is asked; nothing is stored.
	 */
	private Optional<String> refusal(StaffMember member, Obligation obligation) {
		boolean city = MunicipalityName.key(member.municipality()).equals(MunicipalityName.key(obligation.municipality()));
		if (!city || member.role() != StaffRole.COORDINATOR && !members.belongsTo(member, obligation.department())) {
			return Optional.of("「" + obligation.unitTitle() + "」は" + obligation.department() + "の報告です。"
					+ String.join("・", member.departments()) + "の施策だけ報告できます。");
		}
		if (obligation.withdrawn()) {
			return Optional.of("「" + obligation.unitTitle() + "」は報告依頼の対象から外れました。報告は不要です。");
		}
		if (!obligation.status().editable()) {
			return Optional.of("「" + obligation.unitTitle() + "」の報告は" + obligation.status().label()
					+ "です。変更が必要なときは、取りまとめ課に差戻しを依頼してください。");
		}
		return Optional.empty();
	}
}
