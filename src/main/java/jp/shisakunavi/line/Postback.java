package jp.shisakunavi.line;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The data a button carries back when tapped ({@code a=detail&id=tajimi-4-1-01}), at most 300 characters as
 * LINE allows; a long query is cut to fit.
 */
record Postback(String action, Map<String, String> params) {

	static final int MAX_DATA_LENGTH = 300;
	private static final int MAX_QUERY_LENGTH = 80;

	static final String DETAIL = "detail";
	static final String SHOW = "show";
	static final String MORE = "more";
	static final String LIST = "list";
	static final String FOLLOW = "follow";
	static final String CITY = "city";
	static final String ADD = "add";
	static final String UNFOLLOW = "unfollow";
	static final String CLEAR = "clear";
	static final String TOPICS = "topics";
	static final String ERASE = "erase";
	static final String KEEP = "keep";
	static final String FEEDBACK = "fb";

	static Postback of(String action, String... keyValues) {
		Map<String, String> params = new LinkedHashMap<>();
		for (int i = 0; i + 1 < keyValues.length; i += 2) {
			String value = keyValues[i + 1];
			params.put(keyValues[i], "q".equals(keyValues[i]) && value.length() > MAX_QUERY_LENGTH
					? value.substring(0, MAX_QUERY_LENGTH) : value);
		}
		return new Postback(action, params);
	}

	String data() {
		StringBuilder data = new StringBuilder("a=").append(encode(action));
		params.forEach((key, value) -> data.append('&').append(encode(key)).append('=').append(encode(value)));
		return data.length() <= MAX_DATA_LENGTH ? data.toString() : data.substring(0, MAX_DATA_LENGTH);
	}

	String param(String name) {
		return params.getOrDefault(name, "");
	}

	static Optional<Postback> parse(String data) {
		if (data == null || !data.startsWith("a=")) {
			return Optional.empty();
		}
		Map<String, String> params = new LinkedHashMap<>();
		String action = null;
		for (String pair : data.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String key = decode(pair.substring(0, eq));
			String value = decode(pair.substring(eq + 1));
			if (key.equals("a")) {
				action = value;
			}
			else {
				params.put(key, value);
			}
		}
		return Optional.ofNullable(action).map(a -> new Postback(a, params));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return text;
		}
	}
}
