package jp.shisakunavi.admin.announcements;

import org.springframework.stereotype.Component;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.account.Role;

/**
 * Who may use the announcement and delivery pages: every console role but staff reads them; administrators and
 * editors send (each municipality they announce to is checked where it is known).
 */
@Component
class Announcers {

	private final Permissions permissions;

	Announcers(Permissions permissions) {
		this.permissions = permissions;
	}

	Actor requireReader() {
		Actor actor = permissions.current();
		if (!actor.mayReadConsole()) {
			throw new Forbidden("お知らせと配信を見られるのは管理者・編集者・閲覧者のアカウントです");
		}
		return actor;
	}

	Actor requireAnnouncer() {
		Actor actor = requireReader();
		if (!mayAnnounce(actor)) {
			throw new Forbidden(actor.role().label() + "のアカウントではお知らせを送ったり配信を変えたりできません（編集者と管理者の操作です）");
		}
		return actor;
	}

	static boolean mayAnnounce(Actor actor) {
		return actor.role() == Role.ADMIN || actor.role() == Role.EDITOR;
	}
}
