package jp.shisakunavi.notify;

import java.util.Optional;

/**
 * Something a citizen can follow: a whole city, a theme of a city (防災, 子育て …), a pillar of a plan, a
 * department of a city, or one measure or item. Stored as its {@link #key()}.
 *
 * @param value the city; {@code city/theme}; {@code planId/pillarNumber}; {@code city/department}; or the
 *        measure or item id
 */
public record Topic(Type type, String value) {

	public enum Type {
		CITY, THEME, PILLAR, DEPARTMENT, MEASURE
	}

	public static Topic city(String municipality) {
		return new Topic(Type.CITY, municipality);
	}

	public static Topic theme(String municipality, String theme) {
		return new Topic(Type.THEME, municipality + "/" + theme);
	}

	public static Topic pillar(String planId, String pillarNumber) {
		return new Topic(Type.PILLAR, planId + "/" + pillarNumber);
	}

	public static Topic department(String municipality, String department) {
		return new Topic(Type.DEPARTMENT, municipality + "/" + department);
	}

	public static Topic measure(String measureOrItemId) {
		return new Topic(Type.MEASURE, measureOrItemId);
	}

	public String key() {
		return type.name().toLowerCase() + ":" + value;
	}

	/** The topic a stored or posted key names; empty for anything else. */
	public static Optional<Topic> parse(String key) {
		if (key == null) {
			return Optional.empty();
		}
		int colon = key.indexOf(':');
		if (colon <= 0 || colon == key.length() - 1) {
			return Optional.empty();
		}
		String value = key.substring(colon + 1);
		for (Type type : Type.values()) {
			if (type.name().equalsIgnoreCase(key.substring(0, colon))) {
				boolean scoped = type == Type.THEME || type == Type.PILLAR || type == Type.DEPARTMENT;
				return scoped && !value.contains("/") ? Optional.empty() : Optional.of(new Topic(type, value));
			}
		}
		return Optional.empty();
	}

	/** The part after the city or plan: the theme, pillar number or department; the value itself otherwise. */
	String local() {
		int slash = value.indexOf('/');
		return type == Type.CITY || type == Type.MEASURE || slash < 0 ? value : value.substring(slash + 1);
	}

	/** The city or plan id a scoped topic belongs to; the value itself for a city. */
	String scope() {
		int slash = value.indexOf('/');
		return slash < 0 ? value : value.substring(0, slash);
	}
}
