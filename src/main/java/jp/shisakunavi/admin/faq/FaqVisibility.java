package jp.shisakunavi.admin.faq;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Forbidden;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.faq.FaqEditor;
import jp.shisakunavi.faq.FaqFilter;
import jp.shisakunavi.faq.FaqRecord;
import jp.shisakunavi.plan.PlanCatalog;

/**
 * Which entries an account may read: every console role but staff reads the entries of its municipalities and
 * those common to every city (which are public: the open-data API publishes them all).
 */
@Component
class FaqVisibility {

	private final FaqEditor editor;
	private final Permissions permissions;
	private final PlanCatalog catalog;

	FaqVisibility(FaqEditor editor, Permissions permissions, PlanCatalog catalog) {
		this.editor = editor;
		this.permissions = permissions;
		this.catalog = catalog;
	}

	Actor requireReader() {
		Actor actor = permissions.current();
		if (!actor.mayReadConsole()) {
			throw new Forbidden("FAQ を見られるのは管理者・編集者・閲覧者のアカウントです");
		}
		return actor;
	}

	/** An account that may change the FAQ of at least one municipality (to import, say). */
	Actor requireEditor() {
		Actor actor = requireReader();
		if (!mayEditAny(actor)) {
			throw new Forbidden("FAQ を変えられるのは管理者と編集者のアカウントです");
		}
		return actor;
	}

	boolean mayEditAny(Actor actor) {
		return actor.mayEdit(null) || catalog.municipalities().stream().anyMatch(actor::mayEdit);
	}

	List<FaqRecord> find(FaqFilter filter) {
		Actor actor = requireReader();
		return editor.all().stream().filter(filter::matches).filter(r -> readable(actor, r)).toList();
	}

	FaqRecord existing(String id) {
		Actor actor = requireReader();
		FaqRecord record = editor.existing(id);
		if (!readable(actor, record)) {
			permissions.requireView(record.municipality());
		}
		return record;
	}

	static boolean readable(Actor actor, FaqRecord record) {
		return record.municipality() == null || actor.mayView(record.municipality());
	}
}
