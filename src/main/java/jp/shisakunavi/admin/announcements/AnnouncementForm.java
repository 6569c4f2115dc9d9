package jp.shisakunavi.admin.announcements;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The announcement as the editor composes it: a text, an optional link (put on a line of its own under the text,
 * where LINE makes it tappable), the segment as topic keys, and for a scheduled one the local time to send it.
 *
 * @param id the announcement's id from its dry run on: sending the same form twice sends it once
 * @param everyone sent to every citizen who follows anything, instead of a segment (an unticked box is not sent:
 *        null is no)
 * @param sendAt a local time in Asia/Tokyo as the browser's date and time field gives it (2026-12-03T09:00)
 */
record AnnouncementForm(String id, String city, String text, String link, List<String> topics, Boolean everyone,
		String sendAt) {

	/** LINE's text message holds 5000 characters; the announcement's heading and link need some of them. */
	static final int MAX_TEXT = 2000;
	static final int MAX_LINK = 1000;
	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	AnnouncementForm {
		text = text == null ? "" : text.strip();
		link = link == null ? "" : link.strip();
		topics = topics == null ? List.of() : topics.stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
		sendAt = sendAt == null ? "" : sendAt.strip();
		everyone = Boolean.TRUE.equals(everyone);
	}

	static AnnouncementForm empty(String city) {
		return new AnnouncementForm(null, city, "", "", List.of(), false, "");
	}

	AnnouncementForm withId(String newId) {
		return new AnnouncementForm(newId, city, text, link, topics, everyone, sendAt);
	}

	/** The text citizens get (after the heading the delivery adds): the text, then the link. */
	String composed() {
		return link.isEmpty() ? text : text + "\n" + link;
	}

	/** The segment for the delivery: empty for everyone. */
	List<String> segment() {
		return everyone() ? List.of() : topics;
	}

	/** What is wrong, by field; empty when it can be sent. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (text.isEmpty()) {
			problems.put("text", "お知らせの文を入れてください");
		}
		else if (composed().length() > MAX_TEXT) {
			problems.put("text", "お知らせは " + MAX_TEXT + " 文字までです（リンクを含めて " + composed().length() + " 文字）");
		}
		if (!link.isEmpty() && !isWebAddress(link)) {
			problems.put("link", "リンクは https:// か http:// で始まるアドレスにしてください");
		}
		if (!everyone() && topics.isEmpty()) {
			problems.put("topics", "届ける相手を選んでください");
		}
		return problems;
	}

	/** When to send it; the reason when the field holds no future time. */
	LocalDateTime scheduled(LocalDateTime now) {
		LocalDateTime at;
		try {
			at = LocalDateTime.parse(sendAt);
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("予約する日時を入れてください（例 2026-12-03 09:00）");
		}
		if (!at.isAfter(now)) {
			throw new IllegalArgumentException("予約する日時は今より後にしてください");
		}
		return at;
	}

	private static boolean isWebAddress(String value) {
		if (value.length() > MAX_LINK || value.chars().anyMatch(Character::isWhitespace)) {
			return false;
		}
		try {
			URI uri = URI.create(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
