package jp.shisakunavi.line;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.linecorp.bot.messaging.model.Message;

import jp.shisakunavi.faq.FaqEntries;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.questions.AskedQuestion;
import jp.shisakunavi.questions.Feedback;
import jp.shisakunavi.questions.QuestionLog;
import jp.shisakunavi.search.Answer;
import jp.shisakunavi.search.Hit;
import jp.shisakunavi.search.Intent;
import jp.shisakunavi.search.Question;
import jp.shisakunavi.search.Search;
import jp.shisakunavi.users.LineUser;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.LineUsers;

/**
 * From what a user did to the messages that answer it. The same for LINE and for the simulator. Texts and
 * postbacks go to the other modules' {@link ChatHandler}s first.
 */
@Service
class Conversation {

	private static final int MAX_QUESTION_LENGTH = 1000;
	private static final int CANDIDATES = 6;

	private final Search search;
	private final PlanCatalog plans;
	private final FaqEntries faq;
	private final LineUsers users;
	private final Phrases phrases;
	private final SubscriptionChat subscriptionChat;
	private final Erasure erasure;
	private final ObjectProvider<ChatHandler> handlers;
	private final QuestionLog questions;

	Conversation(Search search, PlanCatalog plans, FaqEntries faq, LineUsers users, Phrases phrases,
			SubscriptionChat subscriptionChat, Erasure erasure, ObjectProvider<ChatHandler> handlers,
			QuestionLog questions) {
		this.search = search;
		this.plans = plans;
		this.faq = faq;
		this.users = users;
		this.phrases = phrases;
		this.subscriptionChat = subscriptionChat;
		this.erasure = erasure;
		this.handlers = handlers;
		this.questions = questions;
	}

	List<Message> answer(Incoming incoming) {
		LineUserId user = LineUserId.of(incoming.userId());
		return switch (incoming.kind()) {
			case FOLLOW -> {
				users.followed(user);
				yield phrases.chooseCity(new Replies().text(Phrases.WELCOME)).build();
			}
			case UNFOLLOW -> {
				users.unfollowed(user);
				yield List.of();
			}
			case JOIN -> new Replies().text(Phrases.GROUP_INTRODUCTION).build();
			case OTHER_MESSAGE -> phrases.examples(new Replies().text(Phrases.TEXT_ONLY), chosen(user)).build();
			case POSTBACK -> handled(new ChatInput(user, ChatInput.Kind.POSTBACK, incoming.text()))
				.orElseGet(() -> postback(user, incoming.text()));
			case TEXT -> handled(new ChatInput(user, ChatInput.Kind.TEXT, incoming.text().strip()))
				.orElseGet(() -> text(user, LineLimits.cut(incoming.text().strip(), MAX_QUESTION_LENGTH)));
		};
	}

	private Optional<List<Message>> handled(ChatInput input) {
		return handlers.orderedStream().map(handler -> handler.answer(input)).flatMap(Optional::stream).findFirst();
	}

	private List<Message> text(LineUserId userId, String text) {
		if (text.isEmpty()) {
			return phrases.examples(new Replies().text(Phrases.TEXT_ONLY), chosen(userId)).build();
		}
		switch (text) {
			case Phrases.MENU_SEARCH -> {
				return phrases.examples(new Replies().text(Phrases.ASK_IN_YOUR_WORDS), chosen(userId)).build();
			}
			case Phrases.MENU_NOTIFY -> {
				return subscriptionChat.settings(new Replies(), userId, chosen(userId)).build();
			}
			case Phrases.STOP_NOTIFICATIONS, "通知停止" -> {
				return subscriptionChat.settings(new Replies().text(Phrases.HOW_TO_STOP), userId, chosen(userId)).build();
			}
			case Phrases.LEAVE, "データ削除" -> {
				return erasure.ask();
			}
			case Phrases.MENU_HELP, "ヘルプ" -> {
				return phrases.examples(new Replies().text(phrases.help()), chosen(userId)).build();
			}
			default -> {
			}
		}
		String chosen = chosen(userId);
		Optional<String> city = cityNamedAlone(text);
		if (city.isPresent()) {
			if (!city.get().equals(chosen)) {
				users.chooseMunicipality(userId, city.get());
			}
			return phrases.examples(new Replies().text(city.get() + "を選びました。" + city.get()
					+ "の施策について質問してください。"), city.get()).build();
		}
		Answer answer = search.answer(new Question(text, chosen, CANDIDATES));
		String asked = answer.understood() != null && answer.understood().municipality() != null
				? answer.understood().municipality() : chosen;
		if (!Objects.equals(asked, chosen)) {
			users.chooseMunicipality(userId, asked);
		}
		String questionId = questions.asked(new AskedQuestion(text, userId, asked, answer));
		return switch (answer.intent()) {
			case GREETING -> phrases.examples(new Replies().text(Phrases.HELLO), asked).build();
			case THANKS -> new Replies().text(Phrases.YOU_ARE_WELCOME).build();
			case HELP -> phrases.examples(new Replies().text(phrases.help()), asked).build();
			case RATING_MEANING -> phrases.examples(new Replies().text(RatingLegend.of(answer, plansOf(asked))), asked)
				.build();
			case LIST -> answer.results().isEmpty() ? noneListed(answer, asked) : answered(answer, asked, questionId);
			default -> answer.askBack() ? phrases.askBack(new Replies(), answer).build()
					: answer.answered() && !answer.results().isEmpty() ? answered(answer, asked, questionId)
							: phrases.unknown(new Replies(), answer, chosen).build();
		};
	}

	/**
	 * The answer to a question about {@code city} (the one named in it or chosen before; null: none); a measure or
	 * FAQ answer ends with the feedback buttons for the logged question {@code questionId}.
	 */
	private List<Message> answered(Answer answer, String city, String questionId) {
		if (answer.intent() == Intent.LIST && answer.results().size() > 1) {
			return list(answer.query(), answer.results(), 1);
		}
		Hit top = answer.results().getFirst();
		List<Hit> others = answer.results().subList(1, answer.results().size());
		Optional<Replies> shown = show(top.type(), top.id(), city, answer.understood().fiscalYear(),
				others.isEmpty() ? null : answer.query(), top.excerpt());
		if (shown.isEmpty()) {
			return phrases.unknown(new Replies(), answer, null).build();
		}
		Replies replies = shown.get();
		others.stream().limit(3).forEach(hit -> replies.quickReply(Actions.quick(Actions.postback(hit.title(),
				Phrases.show(hit)))));
		return replies.closingQuickReplies(List.of(
				Actions.quick(Actions.postback(Phrases.HELPFUL, Postback.of(Postback.FEEDBACK, "id", questionId, "v", "y"))),
				Actions.quick(Actions.postback(Phrases.NOT_HELPFUL, Postback.of(Postback.FEEDBACK, "id", questionId, "v", "n")))))
			.build();
	}

	/** A tap on 役に立った / 役に立たなかった: stored once with the question, thanked for once. */
	private List<Message> feedback(String questionId, String value) {
		if (!"y".equals(value) && !"n".equals(value)) {
			return new Replies().text(Phrases.NOT_UNDERSTOOD).build();
		}
		Feedback given = "y".equals(value) ? Feedback.HELPFUL : Feedback.NOT_HELPFUL;
		return new Replies().text(switch (questions.feedback(questionId, given)) {
			case RECORDED -> given == Feedback.HELPFUL ? Phrases.THANKS_FOR_FEEDBACK : Phrases.SORRY_NOT_HELPFUL;
			case ALREADY_GIVEN -> Phrases.FEEDBACK_GIVEN;
			case UNKNOWN -> Phrases.FEEDBACK_CLOSED;
		}).build();
	}

	/**
	 * A measure or item as its card (the rating of the year asked first, the excerpt that answers), a FAQ entry
	 * as its answer.
	 */
	private Optional<Replies> show(String type, String id, String city, Integer askedYear, String query,
			String excerpt) {
		if ("faq".equals(type)) {
			return faq.find(id).map(entry -> new Replies().text(entry.reply(city)));
		}
		return view(id).map(view -> {
			Replies replies = new Replies().flex(MeasureCard.altText(view), MeasureCard.of(view, query, askedYear, excerpt));
			// the terms its text marks (footnotes), to look up
			view.terms().forEach(term -> replies.quickReply(Actions.quick(Actions.say(term.question(), term.question()))));
			return replies;
		});
	}

	/** A list question whose list is empty: say so, for the city and plan asked. */
	private List<Message> noneListed(Answer answer, String city) {
		boolean rated = plansOf(city).stream().anyMatch(p -> !p.ratingScheme().isEmpty());
		String where = city == null ? "" : city + "の";
		String text = answer.understood().rating() != null && !rated
				? where + "計画書には、施策ごとの評価は載っていません。"
				: where + "計画に、お尋ねの条件に当てはまる施策はありません。";
		return phrases.examples(new Replies().text(text), city).build();
	}

	private List<Message> list(String query, List<Hit> hits, int page) {
		String heading = "「" + LineLimits.cut(query, 30) + "」";
		Postback next = Postback.of(Postback.LIST, "q", query, "p", String.valueOf(page + 1));
		return new Replies().flex(ListCard.altText(heading, hits), ListCard.of(heading, hits, page, next)).build();
	}

	private List<Message> postback(LineUserId userId, String data) {
		Optional<Postback> parsed = Postback.parse(data);
		if (parsed.isEmpty()) {
			return phrases.examples(new Replies().text(Phrases.NOT_UNDERSTOOD), chosen(userId)).build();
		}
		Postback postback = parsed.get();
		return switch (postback.action()) {
			case Postback.DETAIL -> view(postback.param("id"))
				.map(view -> new Replies().text(DetailText.of(view)).build())
				.orElseGet(() -> new Replies().text(Phrases.GONE).build());
			case Postback.SHOW -> show(postback.param("t"), postback.param("id"), chosen(userId), null, null, null)
				.map(Replies::build)
				.orElseGet(() -> new Replies().text(Phrases.GONE).build());
			case Postback.MORE -> {
				Answer answer = search.answer(new Question(postback.param("q"), chosen(userId), CANDIDATES));
				List<Hit> others = answer.results().size() > 1 ? answer.results().subList(1, answer.results().size())
						: answer.suggestions();
				yield others.isEmpty() ? new Replies().text(Phrases.NO_OTHER_CANDIDATES).build()
						: new Replies().flex(ListCard.altText("ほかの候補", others), ListCard.of("ほかの候補", others, 1, null)).build();
			}
			case Postback.LIST -> {
				Answer answer = search.answer(new Question(postback.param("q"), chosen(userId), CANDIDATES));
				yield list(postback.param("q"), answer.results(), parsePage(postback.param("p")));
			}
			case Postback.CITY -> text(userId, postback.param("c"));
			case Postback.FOLLOW -> subscriptionChat.followMeasure(userId, postback.param("id"));
			case Postback.ADD -> subscriptionChat.follow(userId, postback.param("t"));
			case Postback.UNFOLLOW -> subscriptionChat.unfollow(userId, postback.param("t"));
			case Postback.CLEAR -> subscriptionChat.clear(userId);
			case Postback.TOPICS -> subscriptionChat.choices(userId, chosen(userId), postback.param("k"), parsePage(postback.param("p")));
			case Postback.ERASE -> erasure.erase(userId);
			case Postback.KEEP -> erasure.keep();
			case Postback.FEEDBACK -> feedback(postback.param("id"), postback.param("v"));
			default -> phrases.examples(new Replies().text(Phrases.NOT_UNDERSTOOD), chosen(userId)).build();
		};
	}

	private String chosen(LineUserId userId) {
		return users.find(userId).map(LineUser::municipality).orElse(null);
	}

	/** The plans of the city, newest first; every plan when no city is known. */
	private List<Plan> plansOf(String city) {
		return plans.plans().stream()
			.filter(p -> city == null || p.municipality().equals(city))
			.sorted((a, b) -> Integer.compare(b.period().from(), a.period().from()))
			.toList();
	}

	private Optional<MeasureView> view(String unitId) {
		Optional<Measure> measure = plans.measureHolding(unitId);
		Optional<Plan> plan = measure.flatMap(m -> plans.plan(m.planId()));
		return plan.flatMap(p -> MeasureView.of(p, measure.get(), unitId,
				measure.get().terms().stream().map(faq::find).flatMap(Optional::stream).toList()));
	}

	private Optional<String> cityNamedAlone(String text) {
		String bare = text.replaceFirst("(を選ぶ|にする|について)$", "");
		return plans.plans().stream()
			.filter(p -> MunicipalityName.matches(bare, p.municipality(), p.municipalityKana()))
			.map(Plan::municipality)
			.findFirst();
	}

	private static int parsePage(String page) {
		try {
			return Math.max(1, Integer.parseInt(page));
		}
		catch (NumberFormatException e) {
			return 1;
		}
	}
}
