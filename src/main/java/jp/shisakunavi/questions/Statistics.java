package jp.shisakunavi.questions;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.delivery.Deliveries;
import jp.shisakunavi.delivery.DeliveryStatus;
import jp.shisakunavi.notify.Subscriptions;
import jp.shisakunavi.users.LineUsers;

/**
 * The figures of the statistics page for a period and a city (or every city the account may read): questions
 * per day and how they were answered, the share answered, feedback, the most asked questions and the words of
 * unanswered ones (from the question log); followers per topic (notify), deliveries per day (delivery) and blocks
 * per day (users).
 */
@Service
class Statistics {

	static final int MAX_DAYS = 366;
	private static final int TOP = 10;
	private static final int TOP_TERMS = 15;
	private static final int TOP_TOPICS = 20;
	private static final int RECENT_DELIVERIES = 2000;

	private final MongoTemplate mongo;
	private final Subscriptions subscriptions;
	private final Deliveries deliveries;
	private final LineUsers users;
	private final Clock clock;

	Statistics(MongoTemplate mongo, Subscriptions subscriptions, Deliveries deliveries, LineUsers users, Clock clock) {
		this.mongo = mongo;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.users = users;
		this.clock = clock;
	}

	/** The days and the city asked for; null city: every city the account may read. */
	record Period(LocalDate from, LocalDate to, String municipality) {

		Period {
			if (to.isBefore(from)) {
				throw new IllegalArgumentException("終わりの日は始まりの日より後にしてください");
			}
			if (from.plusDays(MAX_DAYS).isBefore(to)) {
				throw new IllegalArgumentException("期間は " + MAX_DAYS + " 日までにしてください");
			}
		}

		List<LocalDate> days() {
			return from.datesUntil(to.plusDays(1)).toList();
		}
	}

	/** The overall figures shown above the charts. */
	record Summary(long questions, long askers, long answered, long helpful, long notHelpful) {

		public long answeredPercent() {
			return questions == 0 ? 0 : Math.round(100.0 * answered / questions);
		}

		public long feedback() {
			return helpful + notHelpful;
		}

		public long helpfulPercent() {
			return feedback() == 0 ? 0 : Math.round(100.0 * helpful / feedback());
		}
	}

	record Figures(Summary summary, List<Chart> charts) {

		Chart chart(String key) {
			return charts.stream().filter(c -> c.key().equals(key)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("「" + key + "」というグラフはありません"));
		}
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	Figures of(Actor actor, Period period) {
		List<LoggedQuestion> questions = questions(actor, period);
		ZoneId zone = clock.getZone();
		Map<LocalDate, Map<Outcome, Long>> outcomes = new TreeMap<>();
		Map<LocalDate, Map<Feedback, Long>> feedback = new TreeMap<>();
		for (LoggedQuestion q : questions) {
			outcomes.computeIfAbsent(LocalDate.ofInstant(q.at(), zone), d -> new EnumMap<>(Outcome.class))
				.merge(q.outcome(), 1L, Long::sum);
			if (q.feedback() != null) {
				feedback.computeIfAbsent(LocalDate.ofInstant(q.feedbackAt() == null ? q.at() : q.feedbackAt(), zone),
						d -> new EnumMap<>(Feedback.class)).merge(q.feedback(), 1L, Long::sum);
			}
		}
		List<LocalDate> days = period.days();
		List<Chart> charts = new ArrayList<>();
		charts.add(new Chart("questions", "質問の数（1日ごと）", "stacked",
				List.of("日付", Outcome.ANSWERED.label(), Outcome.ASKED_BACK.label(), Outcome.NOT_ANSWERED.label()),
				days.stream().map(d -> row(d, Stream.of(Outcome.values())
					.map(o -> (Object) outcomes.getOrDefault(d, Map.of()).getOrDefault(o, 0L)))).toList(), null));
		charts.add(new Chart("answered-share", "回答できた割合（1日ごと、%）", "line", List.of("日付", "回答率（%）"),
				days.stream().map(d -> row(d, Stream.of((Object) share(outcomes.getOrDefault(d, Map.of()))))).toList(), null));
		charts.add(new Chart("feedback", "回答への評価（1日ごと）", "stacked",
				List.of("日付", Feedback.HELPFUL.label(), Feedback.NOT_HELPFUL.label()),
				days.stream().map(d -> row(d, Stream.of(Feedback.values())
					.map(f -> (Object) feedback.getOrDefault(d, Map.of()).getOrDefault(f, 0L)))).toList(), null));
		charts.add(new Chart("top-questions", "よく聞かれた質問", "ranking", List.of("質問", "件数"),
				top(questions.stream().collect(Collectors.groupingBy(LoggedQuestion::normalized, Collectors.toList())), TOP)
					.map(e -> List.<Object>of(mostAsked(e.getValue()), (long) e.getValue().size())).toList(), null));
		charts.add(new Chart("unanswered-terms", "回答できなかった質問の言葉", "ranking", List.of("言葉", "件数"),
				top(questions.stream().filter(q -> q.outcome() != Outcome.ANSWERED).flatMap(q -> q.terms().stream())
					.collect(Collectors.groupingBy(Function.identity(), Collectors.toList())), TOP_TERMS)
					.map(e -> List.<Object>of(e.getKey(), (long) e.getValue().size())).toList(), null));
		charts.add(followers(actor, period));
		charts.add(deliveries(period));
		charts.add(unfollows(actor, period));
		long answered = questions.stream().filter(q -> q.outcome() == Outcome.ANSWERED).count();
		Summary summary = new Summary(questions.size(),
				questions.stream().map(LoggedQuestion::asker).filter(Objects::nonNull).distinct().count(), answered,
				questions.stream().filter(q -> q.feedback() == Feedback.HELPFUL).count(),
				questions.stream().filter(q -> q.feedback() == Feedback.NOT_HELPFUL).count());
		return new Figures(summary, charts);
	}

	private List<LoggedQuestion> questions(Actor actor, Period period) {
		ZoneId zone = clock.getZone();
		Criteria criteria = where("at").gte(period.from().atStartOfDay(zone).toInstant())
			.lt(period.to().plusDays(1).atStartOfDay(zone).toInstant());
		if (period.municipality() != null) {
			criteria = criteria.and("municipality").is(period.municipality());
		}
		Query query = Query.query(criteria);
		query.fields().exclude("runnersUp").exclude("first").exclude("review");
		return mongo.find(query, LoggedQuestion.class).stream().filter(q -> actor.mayView(q.municipality())).toList();
	}

	private Chart followers(Actor actor, Period period) {
		return new Chart("followers", "受信設定ごとの登録者数（現在）", "ranking", List.of("受信設定", "人数"),
				subscriptions.followerCounts().stream()
					.filter(f -> actor.mayView(f.municipality()))
					.filter(f -> period.municipality() == null || f.municipality().equals(period.municipality()))
					.limit(TOP_TOPICS)
					.map(f -> List.<Object>of(f.label(), f.followers()))
					.toList(), "いま登録している人の数です（期間によりません）。");
	}

	private Chart deliveries(Period period) {
		ZoneId zone = clock.getZone();
		Map<LocalDate, long[]> perDay = new HashMap<>();
		for (DeliveryStatus delivery : deliveries.recent(RECENT_DELIVERIES)) {
			LocalDate day = LocalDate.ofInstant(delivery.createdAt(), zone);
			long[] counts = perDay.computeIfAbsent(day, d -> new long[2]);
			counts[0]++;
			counts[1] += delivery.recipientsSent();
		}
		return new Chart("deliveries", "配信（1日ごと）", "days", List.of("日付", "配信の数", "送った人数"),
				period.days().stream().map(d -> row(d, Stream.of((Object) perDay.getOrDefault(d, new long[2])[0],
						(Object) perDay.getOrDefault(d, new long[2])[1]))).toList(),
				"配信はすべての自治体の合計です（配信の記録は自治体を持ちません）。");
	}

	private Chart unfollows(Actor actor, Period period) {
		Map<LocalDate, Long> perDay = new TreeMap<>();
		if (period.municipality() != null || !actor.limited()) {
			perDay.putAll(users.unfollowsPerDay(period.from(), period.to(), period.municipality()));
		}
		else {
			actor.municipalities().forEach(city -> users.unfollowsPerDay(period.from(), period.to(), city)
				.forEach((day, count) -> perDay.merge(day, count, Long::sum)));
		}
		return new Chart("unfollows", "ブロック（1日ごと）", "days", List.of("日付", "ブロック数"),
				period.days().stream().map(d -> row(d, Stream.of((Object) perDay.getOrDefault(d, 0L)))).toList(),
				"ブロックした人が選んでいた市で数えています（市を選ぶ前のブロックは「すべて」にだけ入ります）。");
	}

	private static List<Object> row(LocalDate day, Stream<Object> values) {
		List<Object> row = new ArrayList<>();
		row.add(day.toString());
		values.forEach(row::add);
		return row;
	}

	/** The share answered in percent; null on a day without questions (no point on the line). */
	private static Long share(Map<Outcome, Long> outcomes) {
		long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
		return total == 0 ? null : Math.round(100.0 * outcomes.getOrDefault(Outcome.ANSWERED, 0L) / total);
	}

	private static <T> Stream<Map.Entry<String, List<T>>> top(Map<String, List<T>> groups, int limit) {
		return groups.entrySet().stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, List<T>> e) -> e.getValue().size()).reversed()
				.thenComparing(Map.Entry::getKey))
			.limit(limit);
	}

	private static String mostAsked(List<LoggedQuestion> questions) {
		Map<String, Long> texts = questions.stream()
			.collect(Collectors.groupingBy(LoggedQuestion::text, LinkedHashMap::new, Collectors.counting()));
		return texts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
	}
}
