package jp.shisakunavi.faq;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * What a FAQ entry must be before it is stored, with the reasons in Japanese: a question and an answer, an answer
 * that fits in one LINE message as the bot sends it, a municipality that has plans, a web address, lengths that
 * citizens can read, and no question that another entry of the same city already asks (two answers to one
 * question: which one the bot gives would be chance).
 */
@Component
class FaqRules {

	static final int MAX_QUESTION = 200;
	static final int MAX_ALTERNATES = 100;
	static final int MAX_TAGS = 20;
	static final int MAX_TAG = 30;
	static final int MAX_CATEGORY = 50;
	static final int MAX_SOURCE = 200;
	static final int MAX_DEPARTMENT = 100;
	/** LINE's limit for a URI action, and more than any page address needs. */
	static final int MAX_URL = 1000;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

	private final PlanCatalog catalog;

	FaqRules(PlanCatalog catalog) {
		this.catalog = catalog;
	}

	/** The draft with its municipality named as the plan data names it (茅ケ崎 → 茅ヶ崎市), when one matches. */
	FaqDraft named(FaqDraft draft) {
		if (draft.municipality() == null) {
			return draft;
		}
		return catalog.municipality(draft.municipality()).map(draft::withMunicipality).orElse(draft);
	}

	/**
	 * Every problem of a draft that is to be stored as entry {@code id} (null: a new entry), among the other entries
	 * ({@code others}; the entry itself and deleted ones are skipped).
	 */
	List<FaqProblem> problems(String id, FaqDraft draft, Collection<FaqRecord> others) {
		return problems(id, draft, new Questions(others));
	}

	/** The same, among the questions asked so far (an import adds each of its rows to them). */
	List<FaqProblem> problems(String id, FaqDraft draft, Questions asked) {
		List<FaqProblem> problems = new ArrayList<>(fieldProblems(draft));
		if (draft.municipality() != null && catalog.municipality(draft.municipality()).isEmpty()) {
			problems.add(new FaqProblem("municipality", "自治体「" + draft.municipality() + "」は計画データにありません（選べるのは "
					+ String.join("・", catalog.municipalities()) + "、または全市共通）"));
		}
		problems.addAll(asked.duplicates(id, draft));
		return problems;
	}

	/** The problems a draft has on its own, without looking at other entries or the plan data (files use these too). */
	static List<FaqProblem> fieldProblems(FaqDraft draft) {
		List<FaqProblem> problems = new ArrayList<>();
		if (draft.question() == null) {
			problems.add(new FaqProblem("question", "質問を入れてください"));
		}
		else if (draft.question().length() > MAX_QUESTION) {
			problems.add(new FaqProblem("question", "質問は" + MAX_QUESTION + "文字までにしてください（今は" + draft.question().length() + "文字）"));
		}
		if (draft.alternates().size() > MAX_ALTERNATES) {
			problems.add(new FaqProblem("alternates", "言い換えは" + MAX_ALTERNATES + "個までにしてください（今は" + draft.alternates().size() + "個）"));
		}
		draft.alternates().stream().filter(a -> a.length() > MAX_QUESTION).findFirst().ifPresent(a -> problems.add(
				new FaqProblem("alternates", "言い換え「" + a.substring(0, 20) + "…」が長すぎます（" + MAX_QUESTION + "文字まで）")));
		if (draft.answer() == null) {
			problems.add(new FaqProblem("answer", "回答を入れてください"));
		}
		else {
			int length = longestReply(draft).length();
			if (length > FaqReply.MAX_LENGTH) {
				problems.add(new FaqProblem("answer", "回答が長すぎて、LINE の1通のメッセージ（" + FaqReply.MAX_LENGTH
						+ "文字）に収まりません（出典などを添えると" + length + "文字）。短くするか、いくつかの FAQ に分けてください"));
			}
		}
		if (draft.everyCity() && draft.municipality() == null) {
			problems.add(new FaqProblem("everyCity", "全市で答える用語には、その定義を載せている自治体を選んでください"));
		}
		if (draft.category() != null && draft.category().length() > MAX_CATEGORY) {
			problems.add(new FaqProblem("category", "分類は" + MAX_CATEGORY + "文字までにしてください"));
		}
		if (draft.tags().size() > MAX_TAGS || draft.tags().stream().anyMatch(t -> t.length() > MAX_TAG)) {
			problems.add(new FaqProblem("tags", "タグは" + MAX_TAGS + "個まで、1つ" + MAX_TAG + "文字までにしてください"));
		}
		if (draft.source() != null && draft.source().length() > MAX_SOURCE) {
			problems.add(new FaqProblem("source", "出典は" + MAX_SOURCE + "文字までにしてください"));
		}
		if (draft.department() != null && draft.department().length() > MAX_DEPARTMENT) {
			problems.add(new FaqProblem("department", "所管部署は" + MAX_DEPARTMENT + "文字までにしてください"));
		}
		if (draft.url() != null && !isWebAddress(draft.url())) {
			problems.add(new FaqProblem("url", "URL は http:// か https:// で始まるページのアドレス（" + MAX_URL + "文字まで）にしてください"));
		}
		if (texts(draft).anyMatch(t -> CONTROL.matcher(t).find())) {
			problems.add(new FaqProblem("answer", "使えない制御文字が含まれています（改行とタブのほかの制御文字は消してください）"));
		}
		return problems;
	}

	/** The longest message the bot may send for the draft: to someone asking about another city, when it says whose term it is. */
	static String longestReply(FaqDraft draft) {
		return FaqReply.text(draft.answer(), draft.everyCity() ? draft.municipality() : null, draft.source(), draft.url());
	}

	private static boolean isWebAddress(String url) {
		if (url.length() > MAX_URL) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static Stream<String> texts(FaqDraft draft) {
		return Stream.of(Stream.of(draft.question(), draft.answer(), draft.municipality(), draft.category(),
				draft.source(), draft.url(), draft.department()), draft.alternates().stream(), draft.tags().stream())
			.flatMap(s -> s)
			.filter(Objects::nonNull);
	}

	/** The questions and alternates of the entries, by municipality and {@link FaqDraft#key}. */
	static final class Questions {

		private final Map<String, Asked> asked = new HashMap<>();

		Questions(Collection<FaqRecord> records) {
			records.stream().filter(r -> !r.deleted()).forEach(r -> add(r.id(), r.content()));
		}

		void add(String id, FaqDraft draft) {
			ways(draft).forEach(way -> asked.putIfAbsent(scope(draft) + "\n" + FaqDraft.key(way), new Asked(id, draft.question())));
		}

		List<FaqProblem> duplicates(String id, FaqDraft draft) {
			List<FaqProblem> problems = new ArrayList<>();
			ways(draft).forEach(way -> {
				Asked other = asked.get(scope(draft) + "\n" + FaqDraft.key(way));
				if (other != null && !other.id().equals(id)) {
					String field = way.equals(draft.question()) ? "question" : "alternates";
					String where = draft.municipality() == null ? "全市共通の" : draft.municipality() + "の";
					problems.add(new FaqProblem(field, "「" + way + "」は、" + where + "別の FAQ「" + other.question()
							+ "」ですでに質問になっています。同じ質問に答えが二つあると、どちらが出るか決まりません"));
				}
			});
			return problems;
		}

		private static Stream<String> ways(FaqDraft draft) {
			return Stream.concat(Stream.ofNullable(draft.question()), draft.alternates().stream());
		}

		private static String scope(FaqDraft draft) {
			return draft.municipality() == null ? "" : MunicipalityName.key(draft.municipality());
		}

		private record Asked(String id, String question) {
		}
	}
}
