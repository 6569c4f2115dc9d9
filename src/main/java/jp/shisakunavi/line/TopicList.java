package jp.shisakunavi.line;

import java.util.List;
import java.util.Optional;

import jp.shisakunavi.notify.Followed;
import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.notify.Topic;

/** The kinds of topic a user picks from a list for their city: themes, pillars, departments. */
enum TopicList {

	THEME("theme", "分野から選ぶ", "分野"),
	PILLAR("pillar", "基本施策から選ぶ", "基本施策"),
	DEPARTMENT("department", "担当課から選ぶ", "担当課");

	private final String param;
	private final String button;
	private final String noun;

	TopicList(String param, String button, String noun) {
		this.param = param;
		this.button = button;
		this.noun = noun;
	}

	String button() {
		return button;
	}

	String noun() {
		return noun;
	}

	Postback page(int page) {
		return Postback.of(Postback.TOPICS, "k", param, "p", String.valueOf(page));
	}

	static Optional<TopicList> of(String param) {
		for (TopicList list : values()) {
			if (list.param.equals(param)) {
				return Optional.of(list);
			}
		}
		return Optional.empty();
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
