package jp.shisakunavi.search;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What people write around a question: greetings, introducing themselves, apologies for asking, closings
 * (こんにちは、多治見に住んでいる者です。…よろしくお願いします). Cut before the question is read, so that neither
 * counts towards or against an answer. Works on normalized text, after the city has been taken out.
 */
final class Pleasantries {

	private static final List<Pattern> PATTERNS = List.of(
			// greetings and openers
			Pattern.compile("こんにちは|こんにちわ|こんばんは|こんばんわ|おはようございます|おはよう|はじめまして|初めまして"
					+ "|お世話になっております|お世話になります|お疲れ様です|お疲れさまです|失礼します|どうも|もしもし"),
			Pattern.compile("^(?:すみません|すいません|あの[ー-]*|えっと|えーと|ねえ|ねぇ)[、,。!! ]*"),
			Pattern.compile("(?:ちょっと)?(?:お聞きしたい|お伺いしたい|お尋ねしたい|伺いたい|聞きたい|質問したい)(?:こと|の)?が(?:ある|あり)?(?:のです|んです|ます)?(?:が|けど|けれど)[、,]?"),
			Pattern.compile("[^。、!?]{0,20}(?:のことで|の件で|について)?お尋ねします[。!]?|質問です[。!]?|質問があります[。!]?"),
			// introducing oneself
			Pattern.compile("(?:市?民|在住|の住民|住民)(?:の者)?(?:です|なんですが|ですが|なんですけど|ですけど)[。、,!!]?"),
			Pattern.compile("に住んで(?:いる|る|います|いて|おります)(?:者|もの)?(?:です|なんですが|ですが|が|けど)?[。、,!!]?"),
			Pattern.compile("に引っ越して(?:きた|来た)(?:ばかり)?(?:の者|もの)?(?:です|なんですが|ですが|なんですけど|ですけど|が|けど)?[。、,!!]?"),
			// hearsay openers
			Pattern.compile("(?:先日|この前|最近)?(?:ニュース|新聞|テレビ|広報)で(?:見|知|聞い)た(?:の|ん)?です(?:が|けど)[、,]?"),
			// closings
			Pattern.compile("(?:どうぞ)?(?:よろしく|宜しく)(?:お願い(?:いた)?します|お願いいたします|お願い申し上げます|です|ね)?[。!!]*"),
			Pattern.compile("(?:教えて(?:いただけると|もらえると|くれると)|お答えいただけると)(?:助かります|うれしいです|嬉しいです|幸いです)[。!!]*"),
			Pattern.compile("以上です[。!!]*|お願いします[。!!]*$"),
			Pattern.compile("(?:ありがとうございます|ありがとう)[。!!]*$"));

	private Pleasantries() {
	}

	static String cut(String text) {
		String rest = text;
		for (Pattern pattern : PATTERNS) {
			rest = pattern.matcher(rest).replaceAll(" ");
		}
		return rest.strip();
	}
}
