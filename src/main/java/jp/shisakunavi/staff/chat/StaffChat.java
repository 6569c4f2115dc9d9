package jp.shisakunavi.staff.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.line.Actions;
import jp.shisakunavi.line.ChatHandler;
import jp.shisakunavi.line.ChatInput;
import jp.shisakunavi.line.Replies;
import jp.shisakunavi.plan.FiscalYear;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Registration;
import jp.shisakunavi.staff.Reports;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffLinks;
import jp.shisakunavi.staff.StaffMembers;

/**
 * The staff side of the chat, before the citizens' conversation: 「職員登録 123456」, the staff menu's four
 * actions, the report dialog and its buttons. Everything else a staff member sends (a question about a measure)
 * goes on to the citizens' conversation, which answers them like anyone.
 */
@Component
@Order(0)
class StaffChat implements ChatHandler {

	static final String NOT_UNDERSTOOD = "すみません、その操作にはお答えできませんでした。「報告状況」からやり直してください。";
	static final String NOTHING_ASKED = "いま報告をお願いしている施策はありません。報告依頼が始まると、お知らせします。";
	private static final String NOT_STAFF = "職員として登録されていません（登録が取り消された場合も含みます）。"
			+ "登録するには、管理者から届いた登録コードを「" + Invitations.COMMAND + " 123456」のように送ってください。";
	private static final Set<String> STAFF_WORDS = Set.of(StaffMenu.STATUS, StaffMenu.REPORT, StaffMenu.DUE,
			StaffMenu.HELP);

	private final Invitations invitations;
	private final StaffMembers members;
	private final Obligations obligations;
	private final Rounds rounds;
	private final ReportDialog dialog;
	private final StaffLinks links;
	private final Clock clock;

	StaffChat(Invitations invitations, StaffMembers members, Obligations obligations, Rounds rounds,
			ReportDialog dialog, StaffLinks links, Clock clock) {
		this.invitations = invitations;
		this.members = members;
		this.obligations = obligations;
		this.rounds = rounds;
		this.dialog = dialog;
		this.links = links;
		this.clock = clock;
	}

	@Override
	public Optional<List<Message>> answer(ChatInput input) {
		if (input.postback()) {
			return StaffPostback.parse(input.text()).map(postback -> members.active(input.user())
				.map(member -> dialog.postback(member, postback))
				.orElseGet(() -> new Replies().text(NOT_STAFF).build()));
		}
		String text = input.text();
		if (text.startsWith(Invitations.COMMAND)) {
			return Optional.of(register(input, text.substring(Invitations.COMMAND.length())));
		}
		Optional<StaffMember> member = members.active(input.user());
		if (member.isEmpty()) {
			return STAFF_WORDS.contains(text) ? Optional.of(new Replies().text(NOT_STAFF).build()) : Optional.empty();
		}
		return switch (text) {
			case StaffMenu.STATUS -> Optional.of(status(member.get()));
			case StaffMenu.REPORT -> Optional.of(dialog.choose(member.get()));
			case StaffMenu.DUE -> Optional.of(due(member.get()));
			case StaffMenu.HELP -> Optional.of(help(member.get()));
			case StaffMenu.STOP -> Optional.of(dialog.stop(member.get()));
			default -> dialog.text(member.get(), text);
		};
	}

	private List<Message> register(ChatInput input, String code) {
		return switch (invitations.register(input.user(), code)) {
			case Registration.Registered registered -> new Replies()
				.text("職員として登録しました。\n登録内容：" + registered.member().description()
						+ "\n下のメニューが職員用に変わりました。「報告状況」で、部署が報告する施策と締切を確かめられます。"
						+ "市の施策についての質問も、これまでどおり送れます。")
				.quickReply(Actions.quick(Actions.say(StaffMenu.STATUS, StaffMenu.STATUS)))
				.quickReply(Actions.quick(Actions.say(StaffMenu.REPORT, StaffMenu.REPORT)))
				.build();
			case Registration.Refused refused -> new Replies().text(refused.message()).build();
		};
	}

	/** 報告状況: each open round's obligations of the member's departments with their status. */
	private List<Message> status(StaffMember member) {
		List<Obligation> all = obligations.of(member);
		if (all.isEmpty()) {
			return new Replies().text(NOTHING_ASKED).build();
		}
		StringBuilder text = new StringBuilder(String.join("・", member.departments())).append("の報告状況");
		byRound(all).forEach((round, owed) -> {
			long open = owed.stream().filter(o -> o.status().owed()).count();
			text.append("\n\n【").append(title(round)).append("】締切 ").append(StaffTexts.day(round.dueOn()))
				.append("\n未提出 ").append(open).append("件／全").append(owed.size()).append("件");
			owed.stream().sorted((a, b) -> Boolean.compare(b.status().owed(), a.status().owed()))
				.forEach(o -> text.append("\n・").append(o.unitTitle()).append("：").append(o.status().label())
					.append(o.late() ? "（締切後）" : ""));
		});
		links.linkFor(member.id()).ifPresent(link -> text.append("\n\nWebで報告する：").append(link));
		return new Replies().text(text.toString())
			.quickReply(Actions.quick(Actions.say(StaffMenu.REPORT, StaffMenu.REPORT)))
			.quickReply(Actions.quick(Actions.say(StaffMenu.DUE, StaffMenu.DUE)))
			.build();
	}

	/** 締切: each open round's due date, how far off it is, and how much is still owed. */
	private List<Message> due(StaffMember member) {
		List<Obligation> all = obligations.of(member);
		if (all.isEmpty()) {
			return new Replies().text(NOTHING_ASKED).build();
		}
		LocalDate today = clock.instant().atZone(StaffTexts.TOKYO).toLocalDate();
		StringBuilder text = new StringBuilder("報告の締切");
		byRound(all).forEach((round, owed) -> {
			long days = ChronoUnit.DAYS.between(today, round.dueOn());
			long open = owed.stream().filter(o -> o.status().owed()).count();
			text.append("\n・").append(title(round)).append("：").append(StaffTexts.day(round.dueOn()))
				.append(days > 0 ? "（あと" + days + "日）" : days == 0 ? "（今日まで）" : "（" + -days + "日過ぎています）")
				.append(open == 0 ? " すべて提出済み" : " 未提出 " + open + "件");
		});
		return new Replies().text(text.toString())
			.quickReply(Actions.quick(Actions.say(StaffMenu.REPORT, StaffMenu.REPORT)))
			.build();
	}

	private List<Message> help(StaffMember member) {
		String link = links.linkFor(member.id()).map(l -> "\nパソコンからは、次のページでも報告できます（リンクは一定時間で切れます）：\n" + l)
			.orElse("");
		return new Replies().text("職員メニューの使い方です。\n"
				+ "・報告状況：部署が報告する施策と、その状況を表示します。\n"
				+ "・報告する：施策を選び、評価・実績・課題を入力して提出します。入力中に「やめる」と送ると中断でき、"
				+ "続きは「報告する」から再開できます。\n"
				+ "・締切：報告の締切日を表示します。\n"
				+ "実績と課題は、それぞれ" + String.format("%,d", Reports.MAX_TEXT_LENGTH) + "文字までです。"
				+ "提出した報告は、取りまとめ課が確認してから公開されます。" + link)
			.quickReply(Actions.quick(Actions.say(StaffMenu.STATUS, StaffMenu.STATUS)))
			.quickReply(Actions.quick(Actions.say(StaffMenu.REPORT, StaffMenu.REPORT)))
			.build();
	}

	private Map<Round, List<Obligation>> byRound(List<Obligation> all) {
		Map<Round, List<Obligation>> byRound = new LinkedHashMap<>();
		all.stream().map(Obligation::roundId).distinct().forEach(id -> rounds.find(id)
			.ifPresent(round -> byRound.put(round, all.stream().filter(o -> o.roundId().equals(id)).toList())));
		return byRound;
	}

	private static String title(Round round) {
		return round.planTitle() + " " + FiscalYear.format(round.fiscalYear());
	}
}
