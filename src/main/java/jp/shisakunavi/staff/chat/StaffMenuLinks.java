package jp.shisakunavi.staff.chat;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jp.shisakunavi.line.RichMenus;
import jp.shisakunavi.staff.StaffRegistered;
import jp.shisakunavi.staff.StaffRevoked;

/** A registered staff member sees the staff menu; a revoked one the citizens' menu again. */
@Component
class StaffMenuLinks {

	private final RichMenus menus;
	private final StaffDialogs dialogs;

	StaffMenuLinks(RichMenus menus, StaffDialogs dialogs) {
		this.menus = menus;
		this.dialogs = dialogs;
	}

	@EventListener
	void registered(StaffRegistered registered) {
		menus.show(registered.lineUser(), StaffMenu.NAME);
	}

	@EventListener
	void revoked(StaffRevoked revoked) {
		if (!revoked.stillStaff()) {
			dialogs.end(revoked.lineUser());
			menus.showDefault(revoked.lineUser());
		}
	}
}
