package jp.shisakunavi.faq;

/**
 * The text message a FAQ answer becomes. One place, so that the bot's reply and the check that an answer fits in
 * one LINE message ({@value #MAX_LENGTH} UTF-16 units) cannot disagree.
 */
final class FaqReply {

	/** LINE's limit for one text message. */
	static final int MAX_LENGTH = 5000;

	private FaqReply() {
	}

	/** @param definedBy the city whose definition is quoted, when the asker is about another city; else null */
	static String text(String answer, String definedBy, String source, String url) {
		return (definedBy == null ? "" : definedBy + "の用語解説より：\n") + answer
				+ (source == null ? "" : "\n（出典：" + source + "）")
				+ (url == null ? "" : "\n詳しくは：" + url);
	}
}
