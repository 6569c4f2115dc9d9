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
	static final String WHICH_ONE = "次のどれについてですか？";
	static final String HELPFUL = "役に立った";
	static final String NOT_HELPFUL = "役に立たなかった";
	static final String THANKS_FOR_FEEDBACK = "ありがとうございます。今後の改善に役立てます。";
	static final String SORRY_NOT_HELPFUL = "ご意見ありがとうございます。お答えできるよう改善します。言葉を変えて質問していただくこともできます。";
	static final String FEEDBACK_GIVEN = "この回答へのご意見はすでにいただいています。ありがとうございます。";
	static final String FEEDBACK_CLOSED = "この回答へのご意見の受け付けは終了しました。";
	private static final String UNKNOWN = "申し訳ありません。お答えできる情報が見つかりませんでした。";
	private static final String COVERS = "施策ナビは、市の情報化計画（ICT・DXの取り組み）の進み具合や評価についてお答えしています。";
	private static final String HELP_ENTRY = "common/usage/what-can-i-ask";

	private final PlanCatalog plans;
	private final FaqEntries faq;
	private final Examples examples;

	Phrases(PlanCatalog plans, FaqEntries faq, Examples examples) {
		this.plans = plans;
		this.faq = faq;
		this.examples = examples;
	}

	Replies chooseCity(Replies replies) {
		cities().keySet().forEach(city -> replies.quickReply(Actions.quick(
				Actions.postback(city, Postback.of(Postback.CITY, "c", city)))));
		return replies.quickReply(Actions.quick(Actions.say("使い方", "使い方")));
	}

	/** Example questions that work for the city (or for any, before one is chosen). */
	Replies examples(Replies replies, String city) {
		examples.forCity(city).forEach(example -> replies.quickReply(Actions.quick(Actions.say(example, example))));
		return replies;
	}

	String help() {
		return faq.find(HELP_ENTRY).map(FaqEntry::answer).orElse(HELLO);
	}

	/** 次のどれについてですか？ with the candidates as buttons that show each. */
	Replies askBack(Replies replies, Answer answer) {
		replies.text(WHICH_ONE);
		answer.suggestions().forEach(hit -> replies.quickReply(Actions.quick(Actions.postback(hit.title(), show(hit)))));
		return replies.quickReply(Actions.quick(Actions.say("使い方", "使い方")));
	}

	/**
	 * "I don't know" for the city the question is about: where to ask instead, and near misses to try — or,
	 * when there are none, what the bot covers, so that a question about ごみ or 住民票 gets a plain answer.
	 */
	Replies unknown(Replies replies, Answer answer, String chosen) {
		String city = answer != null && answer.understood() != null && answer.understood().municipality() != null
				? answer.understood().municipality() : chosen;
		String otherPlace = answer == null || answer.understood() == null ? null : answer.understood().otherPlace();
		Map<String, String> contacts = cities();
		List<Hit> suggestions = answer == null ? List.of() : answer.suggestions();
		StringBuilder text = new StringBuilder();
		if (otherPlace != null && (city == null || city.equals(chosen))) {
			text.append(otherPlace).append("の計画は、施策ナビには入っていません。対応している市：")
				.append(String.join("、", contacts.keySet())).append("。");
		}
		else if (suggestions.isEmpty()) {
			text.append(COVERS).append(city != null && contacts.containsKey(city)
					? "それ以外の" + city + "のサービスや手続きについては、" + city + "役所の窓口か" + city + "のホームページでご確認ください。"
					: "それ以外の市のサービスや手続きについては、お住まいの市役所の窓口かホームページでご確認ください。");
			if (city != null && contacts.containsKey(city)) {
				text.append("\n計画については、").append(city).append("役所の").append(contacts.get(city)).append("にお問い合わせください。");
			}
		}
		else {
			text.append(UNKNOWN).append('\n').append(city != null && contacts.containsKey(city)
					? city + "の施策については、" + city + "役所の" + contacts.get(city) + "にお問い合わせください。"
					: everyContact(contacts));
			text.append("\nもしかして、次のことですか？");
		}
		replies.text(text.toString());
		suggestions.stream().limit(3).forEach(hit -> replies.quickReply(Actions.quick(Actions.postback(hit.title(), show(hit)))));
		return replies.quickReply(Actions.quick(Actions.say("使い方", "使い方")));
	}

	private static String everyContact(Map<String, String> contacts) {
		StringBuilder text = new StringBuilder("市の施策については、各市役所の情報化担当課にお問い合わせください。");
		contacts.forEach((city, contact) -> text.append("\n・").append(city).append("：").append(contact));
		return text.toString();
	}

	/** A button that shows this measure, item or FAQ entry. */
	static Postback show(Hit hit) {
		return Postback.of(Postback.SHOW, "id", hit.id(), "t", hit.type());
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
