package jp.shisakunavi.users;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The LINE users: one document each, changed by single atomic upserts, so that a follow, an unfollow or a chosen
 * city never needs a second record kept in step.
 */
@Service
public class LineUsers {

	static final String COLLECTION = "line_users";

	private final MongoTemplate mongo;
	private final Clock clock;
	private final ObjectProvider<PersonalData> stores;
	private final Unfollows unfollows;

	LineUsers(MongoTemplate mongo, Clock clock, ObjectProvider<PersonalData> stores, Unfollows unfollows) {
		this.mongo = mongo;
		this.clock = clock;
		this.stores = stores;
		this.unfollows = unfollows;
	}

	public Optional<LineUser> find(LineUserId id) {
		return Optional.ofNullable(mongo.findById(id.value(), Stored.class)).map(Stored::user);
	}

	/** The user chose a city; writing to the bot, they follow it. */
	public void chooseMunicipality(LineUserId id, String municipality) {
		upsert(id, new Update().set("municipality", municipality).set("following", true));
	}

	/** The user added the account (again): they can be sent to. */
	public void followed(LineUserId id) {
		upsert(id, new Update().set("following", true));
	}

	/**
	 * The user blocked the account: nothing is sent to them, whoever sends, until they add it again. Counted per
	 * day and the city they had chosen (no user id in the count), for the statistics of blocks.
	 */
	public void unfollowed(LineUserId id) {
		Instant now = clock.instant();
		Stored before = mongo.findAndModify(Query.query(where("_id").is(id.value())),
				new Update().set("following", false).set("updatedAt", now).setOnInsert("createdAt", now),
				FindAndModifyOptions.options().upsert(true), Stored.class);
		if (before == null || before.following()) {
			unfollows.count(LocalDate.ofInstant(now, clock.getZone()), before == null ? null : before.municipality());
		}
	}

	/** Blocks per day from {@code from} to {@code to} (inclusive), of one city's users or (null) of all. */
	public Map<LocalDate, Long> unfollowsPerDay(LocalDate from, LocalDate to, String municipality) {
		return unfollows.perDay(from, to, municipality);
	}

	/**
	 * Forgets the user (退会 / データ削除): every store of personal data first, then the record itself, so that an
	 * erasure interrupted by a crash is finished when the user confirms again.
	 */
	public void erase(LineUserId id) {
		stores.orderedStream().forEach(store -> store.erase(id));
		mongo.remove(Query.query(where("_id").is(id.value())), Stored.class);
	}

	/** The users that cannot be sent to, walked beside recipients in ascending id order after {@code after}. */
	public Reachability reachability(LineUserId after) {
		return new Reachability(mongo, COLLECTION, after);
	}

	private void upsert(LineUserId id, Update update) {
		Instant now = clock.instant();
		mongo.upsert(Query.query(where("_id").is(id.value())), update.set("updatedAt", now).setOnInsert("createdAt", now),
				Stored.class);
	}

	@Document(COLLECTION)
	record Stored(@Id String id, String municipality, boolean following, Instant createdAt, Instant updatedAt) {

		LineUser user() {
			return new LineUser(new LineUserId(id), municipality, following, createdAt, updatedAt);
		}
	}
}
