package jp.shisakunavi.line;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.shisakunavi.notify.Followed;
import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.notify.Topic;

/** The kinds of topic a user picks from a list for their city: themes, pillars, departments. */
enum TopicList {

	THEME("分野"),
	PILLAR("基本施策"),
	DEPARTMENT("担当課");

	private final String noun;

	TopicList(String noun) {
		this.noun = noun;
	}

	String button() {
		return noun + "から選ぶ";
	}

	String noun() {
		return noun;
	}

	/** The postback of a page of this list; its name in lower case says which list. */
	Postback page(int page) {
		return Postback.of(Postback.TOPICS, "k", name().toLowerCase(Locale.ROOT), "p", String.valueOf(page));
	}

	static Optional<TopicList> of(String param) {
		return Arrays.stream(values()).filter(list -> list.name().toLowerCase(Locale.ROOT).equals(param)).findFirst();
	}

	/** The topics of this kind in the city, labelled without the city's name that the whole list shares. */
	List<Followed> in(Subscriptions subscriptions, String city) {
		return switch (this) {
			case THEME -> subscriptions.themes(city).stream()
				.map(theme -> new Followed(Topic.theme(city, theme), theme)).toList();
			case PILLAR -> subscriptions.pillars(city).stream()
				.map(p -> new Followed(p.topic(), p.label().startsWith(city + "・")
						? p.label().substring(city.length() + 1) : p.label()))
				.toList();
			case DEPARTMENT -> subscriptions.departments(city).stream()
				.map(department -> new Followed(Topic.department(city, department), department)).toList();
		};
	}
}
