package jp.shisakunavi.line;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import jp.shisakunavi.faq.FaqEntries;
import jp.shisakunavi.faq.FaqEntry;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.Hit;

/** What the bot says in its own words: short, polite, plain. */
@Component
class Phrases {

	static final String MENU_SEARCH = "施策をさがす";
	static final String MENU_RATINGS = "評価の見方";
	static final String MENU_NOTIFY = "通知設定";
	static final String MENU_HELP = "使い方";
	static final String STOP_NOTIFICATIONS = "配信停止";
	static final String LEAVE = "退会";
	static final String HOW_TO_STOP = "通知を止めるには、通知設定の「すべて解除」を押してください。このアカウントからのメッセージをすべて止めるには、ブロックしてください。";
	static final String ASK_IN_YOUR_WORDS = "知りたい施策や分野を、ふだんの言葉で送ってください。市の名前を入れると、その市についてお答えします。";
	static final String WELCOME = """
			友だち追加ありがとうございます。施策ナビです。
			市の情報化計画（ICT・DXの取り組み）の進み具合や評価について、自動でお答えします。
			はじめに、お住まいの市を選んでください。""";
	static final String HELLO = "こんにちは。施策ナビです。市の情報化計画について、知りたいことを文章で送ってください。";
	static final String YOU_ARE_WELCOME = "どういたしまして。ほかにも気になる施策があれば、いつでも聞いてください。";
	static final String GROUP_INTRODUCTION = "施策ナビです。市の情報化計画の進み具合や評価について、質問にお答えします。";
	static final String TEXT_ONLY = "ありがとうございます。スタンプや画像などにはお答えできません。質問を文字で送ってください。";
	static final String NOT_UNDERSTOOD = "すみません、その操作にはお答えできませんでした。質問を文字で送ってください。";
	static final String GONE = "すみません、その施策は見つかりませんでした。計画が更新された可能性があります。";
	static final String NO_OTHER_CANDIDATES = "ほかの候補は見つかりませんでした。言葉を変えて質問してみてください。";
	private static final String UNKNOWN = "申し訳ありません。お答えできる情報が見つかりませんでした。";
	private static final String HELP_ENTRY = "common/usage/what-can-i-ask";
	private static final List<String> EXAMPLES = List.of("防災アプリはいつから？", "評価Cの施策は？", "RPAとは？", "使い方");

	private final PlanCatalog plans;
	private final FaqEntries faq;

	Phrases(PlanCatalog plans, FaqEntries faq) {
		this.plans = plans;
		this.faq = faq;
	}

	/**
	 * A FAQ answer with its source. A term one city defines, asked about another city (or none), first says whose
	 * definition it is.
	 */
	static String faqAnswer(FaqEntry entry, String city) {
		String from = entry.definedElsewhere(city) ? entry.municipality() + "の用語解説より：\n" : "";
		return from + entry.answer() + (entry.source() == null ? "" : "\n（出典：" + entry.source() + "）");
	}

	Replies chooseCity(Replies replies) {
		cities().keySet().forEach(city -> replies.quickReply(Actions.quick(
				Actions.postback(city, Postback.of(Postback.CITY, "c", city)))));
		return replies.quickReply(Actions.quick(Actions.say("使い方", "使い方")));
	}

	Replies examples(Replies replies) {
		EXAMPLES.forEach(example -> replies.quickReply(Actions.quick(Actions.say(example, example))));
		return replies;
	}

	String help() {
		return faq.find(HELP_ENTRY).map(FaqEntry::answer).orElse(HELLO);
	}

	/** "I don't know", where to ask instead, and near misses to try. */
	Replies unknown(Replies replies, Answer answer, String municipality) {
		Map<String, String> contacts = cities();
		String where;
		if (municipality != null && contacts.containsKey(municipality)) {
			where = municipality + "の施策については、" + municipality + "役所の" + contacts.get(municipality) + "にお問い合わせください。";
		}
		else {
			StringBuilder text = new StringBuilder("市の施策については、各市役所の情報化担当課にお問い合わせください。");
			contacts.forEach((city, contact) -> text.append("\n・").append(city).append("：").append(contact));
			where = text.toString();
		}
		List<Hit> suggestions = answer == null ? List.of() : answer.suggestions();
		replies.text(UNKNOWN + "\n" + where + (suggestions.isEmpty() ? "" : "\nもしかして、次のことですか？"));
		suggestions.stream().limit(3).forEach(hit -> replies.quickReply(Actions.quick(Actions.say(hit.title(), hit.title()))));
		return replies.quickReply(Actions.quick(Actions.say("使い方", "使い方")));
	}

	/** Each city with the department to ask, from the newest plan that names one. */
	private Map<String, String> cities() {
		Map<String, String> contacts = new LinkedHashMap<>();
		plans.plans().stream()
			.sorted((a, b) -> Integer.compare(b.period().from(), a.period().from()))
			.forEach(p -> contacts.putIfAbsent(p.municipality(), p.contact() == null ? "情報化担当課" : p.contact()));
		return contacts;
	}
}
