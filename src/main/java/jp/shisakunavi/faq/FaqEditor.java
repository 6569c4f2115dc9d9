package jp.shisakunavi.faq;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.faq.FaqRecord.Origin;
import jp.shisakunavi.faq.FaqVersion.Change;

/**
 * Changes people make to FAQ entries — in the console, through the admin API, from the review of citizens'
 * questions. Each change is checked (the account's role and municipalities: an entry of no city needs an editor of
 * every city), validated (reasons in Japanese, {@link InvalidFaq}), made only on the version the editor saw
 * ({@link FaqEditConflict} otherwise), kept in the entry's history and written to the audit log. Saved changes
 * reach the bot within seconds on every instance.
 */
@Service
public class FaqEditor {

	private final FaqRecords records;
	private final FaqStore store;
	private final FaqRules rules;
	private final FaqIds ids;
	private final Permissions permissions;
	private final AuditLog audit;
	private final FaqFolder folder;
	private final Clock clock;

	FaqEditor(FaqRecords records, FaqStore store, FaqRules rules, FaqIds ids, Permissions permissions, AuditLog audit,
			FaqFolder folder, Clock clock) {
		this.records = records;
		this.store = store;
		this.rules = rules;
		this.ids = ids;
		this.permissions = permissions;
		this.audit = audit;
		this.folder = folder;
		this.clock = clock;
	}

	/** The entry with its editing state (deleted ones too), for the console. */
	public Optional<FaqRecord> find(String id) {
		return records.find(id);
	}

	/** Every entry with its editing state, deleted ones too, by id. */
	public List<FaqRecord> all() {
		return records.all();
	}

	/** The entry's versions, newest first. */
	public List<FaqVersion> history(String id) {
		records.find(id).filter(r -> !records.hasVersion(id, r.version())).ifPresent(r -> store.repairHistory());
		return records.versions(id);
	}

	/** The seed files this instance could not read (file → line and reason); their entries keep what they had. */
	public Map<String, String> brokenSeedFiles() {
		return folder.brokenFiles();
	}

	/** The problems the draft would have as entry {@code id} (null: a new entry); empty when it may be saved. */
	public List<FaqProblem> check(String id, FaqDraft draft) {
		return rules.problems(id, rules.named(draft), records.all());
	}

	/** A new entry (its id is made from its municipality). */
	public FaqRecord create(FaqDraft draft) {
		FaqDraft named = rules.named(draft);
		Actor actor = requireEdit(named.municipality());
		require(null, named);
		FaqRecord created;
		do {
			created = new FaqRecord(ids.next(named.municipality()), named, 1, clock.instant(), actor.username(),
					Origin.EDITED, null, null, null, Change.CREATED);
		}
		while (!store.insert(created));
		store.publish();
		audit.record(AuditChange.of("faq.create", "FAQ「" + named.question() + "」を作成しました").target(created.id())
			.municipality(named.municipality()).after(named));
		return created;
	}

	/**
	 * The entry's new content. On an entry waiting for a choice about its changed seed file, this is the editor's
	 * merge of both: the file's version counts as seen.
	 */
	public FaqRecord update(String id, long version, FaqDraft draft) {
		FaqRecord before = live(id);
		FaqDraft named = rules.named(draft);
		Actor actor = requireEdit(before.municipality(), named.municipality());
		seen(before, version);
		if (named.equals(before.content()) && !before.inConflict()) {
			return before;
		}
		require(id, named);
		boolean merged = before.inConflict();
		FaqRecord next = before.next(named, Origin.EDITED, merged ? before.offer().checksum() : before.fileChecksum(),
				null, null, merged ? Change.MERGED : Change.EDITED, clock.instant(), actor.username());
		write(before, next, "faq.update", "FAQ「" + named.question() + "」を" + (merged ? "ファイルの版と統合して保存" : "更新") + "しました");
		return next;
	}

	/**
	 * Adds ways of asking (citizens' questions the bot could not answer) to the entry as it was when the editor
	 * chose it; those it has already are left out. A phrasing that another entry of the city asks is refused.
	 */
	public FaqRecord addAlternates(String id, long version, List<String> phrasings) {
		FaqRecord before = live(id);
		Actor actor = requireEdit(before.municipality());
		seen(before, version);
		FaqDraft content = before.content().withAlternates(phrasings);
		if (content.equals(before.content())) {
			return before;
		}
		require(id, content);
		FaqRecord next = before.next(content, Origin.EDITED, before.fileChecksum(), null, before.offer(),
				Change.ALTERNATES_ADDED, clock.instant(), actor.username());
		List<String> added = content.alternates().stream().filter(a -> !before.content().alternates().contains(a)).toList();
		write(before, next, "faq.alternates", "FAQ「" + content.question() + "」に言い換え " + added.size() + " 件（"
				+ String.join("、", added) + "）を加えました");
		return next;
	}

	/**
	 * Deletes the entry; it stays in the database as deleted, so that its seed file, left as it is, does not bring
	 * it back (a changed file is offered instead). Deleting an entry with a changed file waiting decides for the
	 * console's side.
	 */
	public FaqRecord delete(String id, long version) {
		FaqRecord before = live(id);
		Actor actor = requireEdit(before.municipality());
		seen(before, version);
		FaqRecord next = before.next(before.content(), Origin.EDITED,
				before.inConflict() ? before.offer().checksum() : before.fileChecksum(), clock.instant(), null,
				Change.DELETED, clock.instant(), actor.username());
		write(before, next, "faq.delete", "FAQ「" + before.content().question() + "」を削除しました");
		return next;
	}

	/** Makes version {@code number} the entry's content again (a deleted entry is answered again). */
	public FaqRecord restore(String id, long version, long number) {
		FaqRecord before = existing(id);
		FaqVersion restored = records.version(id, number)
			.orElseThrow(() -> new IllegalArgumentException("FAQ「" + id + "」に第" + number + "版はありません"));
		if (restored.content() == null) {
			throw new IllegalArgumentException("第" + number + "版はファイルが削除された記録なので、戻す内容がありません");
		}
		FaqDraft content = rules.named(restored.content());
		Actor actor = requireEdit(before.municipality(), content.municipality());
		seen(before, version);
		require(id, content);
		FaqRecord next = before.next(content, Origin.EDITED, before.fileChecksum(), null, before.offer(),
				Change.RESTORED, clock.instant(), actor.username());
		write(before, next, "faq.restore", "FAQ「" + content.question() + "」を第" + number + "版の内容に戻しました");
		return next;
	}

	/** Keeps what people made of the entry (its content, or its deletion); the changed file counts as seen. */
	public FaqRecord keepConsoleVersion(String id, long version) {
		FaqRecord before = inConflict(id);
		Actor actor = requireEdit(before.municipality());
		seen(before, version);
		FaqRecord next = before.next(before.content(), Origin.EDITED, before.offer().checksum(), before.deletedAt(),
				null, Change.KEPT, clock.instant(), actor.username());
		write(before, next, "faq.conflict.keep", "FAQ「" + before.content().question()
				+ "」は管理画面の版を残し、ファイル " + before.offer().file() + " の変更は取り込みませんでした");
		return next;
	}

	/** Takes the changed seed file's version (a removed file: the entry is deleted); the entry follows its file again. */
	public FaqRecord takeFileVersion(String id, long version) {
		FaqRecord before = inConflict(id);
		FileOffer offer = before.offer();
		Actor actor = offer.removed() ? requireEdit(before.municipality())
				: requireEdit(before.municipality(), offer.content().municipality());
		seen(before, version);
		FaqRecord next = offer.removed()
				? before.next(before.content(), Origin.FILE, null, clock.instant(), null, Change.FILE_TAKEN,
						clock.instant(), actor.username())
				: before.next(offer.content(), Origin.FILE, offer.checksum(), null, null, Change.FILE_TAKEN,
						clock.instant(), actor.username());
		write(before, next, "faq.conflict.take", "FAQ「" + before.content().question() + "」をファイル " + offer.file()
				+ (offer.removed() ? " の削除に合わせて削除しました" : " の版にしました"));
		return next;
	}

	private void write(FaqRecord before, FaqRecord next, String action, String summary) {
		if (!store.replace(next)) {
			throw new FaqEditConflict(records.find(before.id()).orElse(before), before.version());
		}
		store.publish();
		Set<String> municipalities = new LinkedHashSet<>();
		Arrays.asList(before.municipality(), next.municipality()).stream().filter(Objects::nonNull).forEach(municipalities::add);
		audit.record(AuditChange.of(action, summary).target(next.id()).municipalities(municipalities)
			.before(before.content()).after(next.deleted() ? null : next.content()));
	}

	/** The entry with its editing state (a deleted one too); {@link FaqEntryGone} when there is none. */
	public FaqRecord existing(String id) {
		return records.find(id).orElseThrow(() -> new FaqEntryGone(id, false));
	}

	private FaqRecord live(String id) {
		FaqRecord record = existing(id);
		if (record.deleted()) {
			throw new FaqEntryGone(id, true);
		}
		return record;
	}

	private FaqRecord inConflict(String id) {
		FaqRecord record = existing(id);
		if (!record.inConflict()) {
			throw new IllegalArgumentException("FAQ「" + record.content().question() + "」には、選ぶのを待っているファイルの変更はありません");
		}
		return record;
	}

	private static void seen(FaqRecord current, long version) {
		if (current.version() != version) {
			throw new FaqEditConflict(current, version);
		}
	}

	private void require(String id, FaqDraft draft) {
		List<FaqProblem> problems = rules.problems(id, draft, records.all());
		if (!problems.isEmpty()) {
			throw new InvalidFaq(problems);
		}
	}

	/** Each municipality the change touches (null: the entry is common to every city, which needs an editor of all). */
	private Actor requireEdit(String... municipalities) {
		Actor actor = null;
		for (String municipality : new LinkedHashSet<>(Arrays.asList(municipalities))) {
			actor = permissions.requireEdit(municipality);
		}
		return actor;
	}
}
