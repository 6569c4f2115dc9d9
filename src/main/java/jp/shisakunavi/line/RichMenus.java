package jp.shisakunavi.line;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import com.linecorp.bot.messaging.client.MessagingApiClient;

import jp.shisakunavi.system.LineCredentials;
import jp.shisakunavi.system.UserIds;
import jp.shisakunavi.users.LineUserId;
import jp.shisakunavi.users.PersonalData;

/**
 * Which rich menu each user sees. The citizens' menu is every user's default; a module shows its own menu
 * ({@link RichMenu} beans) to some users, and takes it away again. The choice is stored first and then linked
 * in LINE ({@code POST /v2/bot/user/{userId}/richmenu/{richMenuId}}, unlinked with {@code DELETE}); a link LINE
 * did not take, or a menu deployed anew, is linked again by a pass every minute. Simulator users are never sent
 * to LINE: the simulator page draws the menu it is told.
 */
@Service
public class RichMenus implements PersonalData {

	private static final Logger log = LoggerFactory.getLogger(RichMenus.class);

	private final MongoTemplate mongo;
	private final MessagingApiClient client;
	private final LineCredentials credentials;
	private final Clock clock;
	private final Map<String, RichMenu> menus = new LinkedHashMap<>();

	RichMenus(MongoTemplate mongo, MessagingApiClient client, LineCredentials credentials, Clock clock,
			ObjectProvider<RichMenu> others) {
		this.mongo = mongo;
		this.client = client;
		this.credentials = credentials;
		this.clock = clock;
		menus.put(RichMenu.CITIZENS_NAME, RichMenu.CITIZENS);
		others.orderedStream().forEach(menu -> {
			if (menus.putIfAbsent(menu.name(), menu) != null) {
				throw new IllegalStateException("Two rich menus are named " + menu.name());
			}
		});
	}

	/** Shows the user this menu from now on, in LINE and in the simulator. */
	public void show(LineUserId user, String name) {
		if (!menus.containsKey(name)) {
			throw new IllegalArgumentException("No rich menu is named " + name);
		}
		mongo.upsert(Query.query(where("_id").is(user.value())),
				Update.update("menu", name).set("updatedAt", clock.instant()), UserMenu.class);
		sync(user);
	}

	/** The user sees the citizens' menu again (the channel's default). */
	public void showDefault(LineUserId user) {
		if (mongo.exists(Query.query(where("_id").is(user.value())), UserMenu.class)) {
			show(user, RichMenu.CITIZENS_NAME);
		}
	}

	/** The menu the user sees. */
	public RichMenu menuOf(LineUserId user) {
		return Optional.ofNullable(mongo.findById(user.value(), UserMenu.class))
			.map(UserMenu::menu)
			.map(menus::get)
			.orElse(RichMenu.CITIZENS);
	}

	/** Every menu: the citizens' first. */
	List<RichMenu> all() {
		return List.copyOf(menus.values());
	}

	/** A menu is on the channel with this id (from {@link RichMenuDeployment}): its users are linked to it. */
	void deployed(String name, String richMenuId) {
		mongo.upsert(Query.query(where("_id").is(name)), Update.update("richMenuId", richMenuId).set("deployedAt", clock.instant()),
				DeployedMenu.class);
	}

	Optional<String> deployedId(String name) {
		return Optional.ofNullable(mongo.findById(name, DeployedMenu.class)).map(DeployedMenu::richMenuId);
	}

	/** Links again whoever LINE does not show the menu chosen for them yet. */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void resync() {
		if (!credentials.configured()) {
			return;
		}
		List<Criteria> stale = new ArrayList<>();
		stale.add(where("menu").is(RichMenu.CITIZENS_NAME));
		mongo.findAll(DeployedMenu.class).stream()
			.filter(menu -> !menu.id().equals(RichMenu.CITIZENS_NAME))
			.forEach(menu -> stale.add(where("menu").is(menu.id()).and("linkedRichMenuId").ne(menu.richMenuId())));
		Query query = Query.query(new Criteria().orOperator(stale)).limit(1000);
		query.fields().include("_id");
		mongo.find(query, UserMenu.class).forEach(menu -> sync(LineUserId.of(menu.id())));
	}

	@Override
	public void erase(LineUserId user) {
		mongo.remove(Query.query(where("_id").is(user.value())), UserMenu.class);
	}

	/** Brings LINE in line with the stored choice; a failure is left to the next pass. */
	private void sync(LineUserId user) {
		UserMenu menu = mongo.findById(user.value(), UserMenu.class);
		if (menu == null || user.simulator() || !credentials.configured()) {
			if (menu != null && RichMenu.CITIZENS_NAME.equals(menu.menu())) {
				erase(user);
			}
			return;
		}
		if (RichMenu.CITIZENS_NAME.equals(menu.menu())) {
			settled(client.unlinkRichMenuIdFromUser(user.value()), user, "unlink").thenRun(() -> mongo.remove(
					Query.query(where("_id").is(user.value()).and("menu").is(RichMenu.CITIZENS_NAME)), UserMenu.class));
			return;
		}
		Optional<String> id = deployedId(menu.menu());
		if (id.isEmpty()) {
			log.warn("Rich menu {} is not deployed yet (--richmenu.deploy): {} sees the default menu until it is",
					menu.menu(), user);
			return;
		}
		if (id.get().equals(menu.linkedRichMenuId())) {
			return;
		}
		settled(client.linkRichMenuIdToUser(user.value(), id.get()), user, "link").thenRun(() -> mongo.updateFirst(
				Query.query(where("_id").is(user.value()).and("menu").is(menu.menu())),
				Update.update("linkedRichMenuId", id.get()), UserMenu.class));
	}

	/** Completes when LINE took the call; never when it failed (logged, tried again by the next pass). */
	private static CompletableFuture<Void> settled(CompletableFuture<?> call, LineUserId user, String what) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		call.orTimeout(10, TimeUnit.SECONDS).whenComplete((result, error) -> {
			if (error == null) {
				done.complete(null);
			}
			else {
				log.warn("Rich menu {} for {} failed: {}", what, UserIds.masked(user.value()), error.getMessage());
			}
		});
		return done;
	}

	/** @param linkedRichMenuId the menu LINE was last told to show the user (null: none linked yet) */
	@Document("user_menus")
	record UserMenu(@Id String id, String menu, String linkedRichMenuId) {
	}

	@Document("rich_menus")
	record DeployedMenu(@Id String id, String richMenuId) {
	}
}
