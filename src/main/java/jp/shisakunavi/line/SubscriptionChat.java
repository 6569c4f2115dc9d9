package jp.shisakunavi.line;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.QuickReplyItem;

import jp.shisakunavi.notify.Followed;
import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.notify.Topic;
import jp.shisakunavi.users.LineUserId;

/**
 * The conversation about notification settings (受信設定): the settings card, following and unfollowing from it
 * or from a measure's card, and clearing. Every answer offers the way back to the card.
 */
@Component
class SubscriptionChat {

	static final String CHOOSE_CITY_FIRST = "通知設定の前に、お住まいの市を選んでください。";
	static final String CLEARED = "すべての通知を解除しました。";
	static final String ALREADY_UNFOLLOWED = "その通知はすでに解除されています。";
	static final String UNKNOWN_TOPIC = "すみません、その通知先は見つかりませんでした。計画が更新された可能性があります。";
	static final String TOO_MANY = "登録できる数の上限に達しました。通知設定で不要なものを解除するか、市全体を登録してください。";

	private final Subscriptions subscriptions;
	private final Phrases phrases;

	SubscriptionChat(Subscriptions subscriptions, Phrases phrases) {
		this.subscriptions = subscriptions;
		this.phrases = phrases;
	}

	/** The settings card; before the user chose a city, the question which one (with what they follow, if any). */
	Replies settings(Replies replies, LineUserId userId, String city) {
		List<Followed> followed = subscriptions.of(userId);
		if (city == null && followed.isEmpty()) {
			return phrases.chooseCity(replies.text(CHOOSE_CITY_FIRST));
		}
		replies.flex(SettingsCard.altText(followed), SettingsCard.of(city, followed));
		return city == null ? phrases.chooseCity(replies) : replies;
	}

	List<Message> followMeasure(LineUserId userId, String unitId) {
		return follow(userId, Optional.of(Topic.measure(unitId)));
	}

	/** A tap on 市全体 or a row of a list: the id is resolved among everything any city offers. */
	List<Message> follow(LineUserId userId, String topicId) {
		return follow(userId, TopicIds.resolve(topicId, offered()));
	}

	List<Message> unfollow(LineUserId userId, String topicId) {
		Optional<Followed> followed = subscriptions.of(userId).stream()
			.filter(f -> TopicIds.of(f.topic()).equals(topicId))
			.findFirst();
		if (followed.isEmpty() || !subscriptions.unfollow(userId, followed.get().topic())) {
			return backToSettings(ALREADY_UNFOLLOWED);
		}
		return backToSettings("「" + followed.get().label() + "」の通知を解除しました。");
	}

	List<Message> clear(LineUserId userId) {
		subscriptions.clear(userId);
		return backToSettings(CLEARED);
	}

	/** One page of the city's themes, pillars or departments to choose from. */
	List<Message> choices(LineUserId userId, String city, String kind, int page) {
		Optional<TopicList> list = TopicList.of(kind);
		if (city == null || list.isEmpty()) {
			return settings(new Replies(), userId, city).build();
		}
		List<Followed> choices = list.get().in(subscriptions, city);
		if (choices.isEmpty()) {
			return backToSettings(city + "の計画には、選べる" + list.get().noun() + "がありません。");
		}
		int pages = (choices.size() + ChoiceCard.PAGE_SIZE - 1) / ChoiceCard.PAGE_SIZE;
		int shown = Math.min(page, pages);
		Set<String> followedKeys = subscriptions.of(userId).stream().map(f -> f.topic().key()).collect(Collectors.toSet());
		String heading = city + "の" + list.get().noun();
		return new Replies()
			.flex(ChoiceCard.altText(heading, choices),
					ChoiceCard.of(heading, choices, followedKeys, shown, list.get().page(shown + 1)))
			.quickReply(backButton())
			.build();
	}

	private List<Message> follow(LineUserId userId, Optional<Topic> topic) {
		Optional<String> label = topic.flatMap(subscriptions::label);
		if (label.isEmpty()) {
			return backToSettings(UNKNOWN_TOPIC);
		}
		return backToSettings(switch (subscriptions.follow(userId, topic.get())) {
			case ADDED -> "「" + label.get() + "」の通知を登録しました。評価が変わったときにお知らせします。";
			case ALREADY_FOLLOWED -> "「" + label.get() + "」はすでに登録されています。";
			case UNKNOWN_TOPIC -> UNKNOWN_TOPIC;
			case TOO_MANY -> TOO_MANY;
		});
	}

	private Set<Topic> offered() {
		return subscriptions.cities().stream()
			.flatMap(city -> Stream.concat(Stream.of(Topic.city(city)),
					Stream.of(TopicList.values()).flatMap(list -> list.in(subscriptions, city).stream().map(Followed::topic))))
			.collect(Collectors.toSet());
	}

	private static List<Message> backToSettings(String text) {
		return new Replies().text(text).quickReply(backButton()).build();
	}

	private static QuickReplyItem backButton() {
		return Actions.quick(Actions.say(SettingsCard.TITLE, Phrases.MENU_NOTIFY));
	}
}
