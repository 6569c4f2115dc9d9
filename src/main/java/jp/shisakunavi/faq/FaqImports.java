package jp.shisakunavi.faq;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.Permissions;
import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.faq.FaqImportPlan.Action;
import jp.shisakunavi.faq.FaqRecord.Origin;
import jp.shisakunavi.faq.FaqVersion.Change;
import jp.shisakunavi.plan.MunicipalityName;

/**
 * Many entries at once, from a file: first a preview of what every row would do (new, changed, unchanged, or
 * refused with its reasons), then, confirmed, all of it or nothing. A row is the entry its id names; without an id
 * (a CSV written by hand, open data) the live entry of its municipality that asks the same question; otherwise a
 * new entry. So sending the same file twice changes nothing the second time. The rows are checked as one editor's
 * changes would be (roles, municipalities, the rules of {@link FaqRules}, duplicate questions among the rows too),
 * written down before they are stored ({@link FaqImportJournal}; a crash in the middle is finished at the next
 * start), each stored as a new version ({@link Change#IMPORTED}) and the import written to the audit log.
 */
@Service
@Order(7)
public class FaqImports implements ApplicationRunner {

	/** More than the four cities' FAQ together (about 100 entries) will ever be; a 100,000-row file is refused. */
	public static final int MAX_ROWS = 3000;

	private static final Logger log = LoggerFactory.getLogger(FaqImports.class);
	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*){0,4}");

	private final FaqRecords records;
	private final FaqStore store;
	private final FaqRules rules;
	private final FaqIds ids;
	private final FaqImportJournal journal;
	private final Permissions permissions;
	private final AuditLog audit;
	private final Clock clock;

	FaqImports(FaqRecords records, FaqStore store, FaqRules rules, FaqIds ids, FaqImportJournal journal,
			Permissions permissions, AuditLog audit, Clock clock) {
		this.records = records;
		this.store = store;
		this.rules = rules;
		this.ids = ids;
		this.journal = journal;
		this.permissions = permissions;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the rows would do; nothing is stored. */
	public FaqImportPlan preview(List<FaqImportRow> rows) {
		return planned(rows, permissions.current()).plan();
	}

	/**
	 * Stores every row, or none when one is refused ({@link InvalidFaqImport}) or when the entries changed since
	 * the preview the editor confirmed ({@link FaqImportChanged}).
	 *
	 * @param confirmed the preview the editor saw; null to take the rows as they are now (the admin API)
	 * @param source what was imported, for the audit log, e.g. {@code ファイル「faq.csv」}
	 */
	public FaqImportPlan apply(List<FaqImportRow> rows, FaqImportPlan confirmed, String source) {
		Actor actor = permissions.current();
		Planned planned = planned(rows, actor);
		if (!planned.plan().acceptable()) {
			throw new InvalidFaqImport(planned.plan());
		}
		if (confirmed != null && !confirmed.rows().equals(planned.plan().rows())) {
			throw new FaqImportChanged(planned.plan());
		}
		Instant now = clock.instant();
		List<Write> writes = planned.changes().stream().map(c -> c.write(now, actor.username(), ids)).toList();
		if (!writes.isEmpty()) {
			store(writes, rows);
			store.publish();
		}
		FaqImportPlan plan = planned.plan().asApplied();
		audit.record(AuditChange.of("faq.import", source + "から FAQ を取り込みました（新規 " + plan.count(Action.CREATE)
				+ "、更新 " + plan.count(Action.UPDATE) + "、変更なし " + plan.count(Action.UNCHANGED) + "）")
			.municipalities(writes.stream().flatMap(w -> w.municipalities().stream()).collect(Collectors.toCollection(LinkedHashSet::new)))
			.after(writes.stream().map(w -> w.next().id()).toList()));
		return plan;
	}

	/** Finishes imports that a crash interrupted, before the seed folder is read and the service is ready. */
	@Override
	public void run(ApplicationArguments args) {
		for (FaqImportJournal.Import begun : journal.unfinished()) {
			List<FaqRecord> writes = journal.writes(begun.id());
			if (writes.size() == begun.writes()) {
				long finished = writes.stream().filter(this::storeAgain).count();
				log.info("FAQ import {} was interrupted and is finished now ({} of its {} entries stored)", begun.id(), finished, writes.size());
			}
			journal.forget(begun.id());
		}
		store.repairHistory();
	}

	/**
	 * Stores one entry of an import; true also when it is stored already (an instance starting meanwhile finished
	 * the import, writing the same).
	 */
	private boolean storeAgain(FaqRecord next) {
		if (next.version() == 1 ? store.insert(next) : store.replace(next)) {
			return true;
		}
		return records.find(next.id()).filter(r -> r.version() == next.version() && r.content().equals(next.content())).isPresent();
	}

	private void store(List<Write> writes, List<FaqImportRow> rows) {
		String importId = UUID.randomUUID().toString();
		journal.begin(importId, writes.stream().map(Write::next).toList(), clock.instant());
		List<Write> stored = new ArrayList<>();
		for (Write write : writes) {
			if (!storeAgain(write.next())) {
				stored.reversed().forEach(w -> store.undo(w.next(), w.before()));
				journal.forget(importId);
				throw new FaqImportChanged(planned(rows, permissions.current()).plan());
			}
			stored.add(write);
		}
		journal.forget(importId);
	}

	private Planned planned(List<FaqImportRow> rows, Actor actor) {
		List<FaqRecord> all = records.all();
		Map<String, FaqRecord> byId = all.stream().collect(Collectors.toMap(FaqRecord::id, Function.identity()));
		Map<String, FaqRecord> byQuestion = new HashMap<>();
		all.stream().filter(r -> !r.deleted()).forEach(r -> byQuestion.putIfAbsent(questionKey(r.content()), r));
		FaqRules.Questions asked = new FaqRules.Questions(all);
		Map<String, FaqImportRow> taken = new HashMap<>();
		List<FaqImportPlan.Row> planRows = new ArrayList<>();
		List<Planned.Step> changes = new ArrayList<>();
		for (FaqImportRow row : rows) {
			if (row.draft() == null) {
				planRows.add(new FaqImportPlan.Row(row.line(), row.place(), Action.REFUSED, row.id(), 0, null, null,
						row.readingProblems()));
				continue;
			}
			FaqDraft written = rules.named(row.draft());
			FaqRecord target = row.id() != null ? byId.get(row.id()) : byQuestion.get(questionKey(written));
			FaqDraft draft = rules.named(row.over(target == null ? null : target.content()));
			String id = target != null ? target.id() : row.id();
			String provisional = id != null ? id : "import:" + row.line();
			List<FaqProblem> problems = new ArrayList<>();
			if (id != null && target == null && !ID.matcher(id).matches()) {
				problems.add(new FaqProblem("id", "ID「" + id + "」は、英小文字・数字・- _ を / で区切った形（例 tajimi/faq-wifi）にしてください"));
			}
			FaqImportRow earlier = taken.putIfAbsent(provisional, row);
			if (earlier != null) {
				problems.add(new FaqProblem("id", "同じ FAQ が " + earlier.place() + " にもあります（1つの FAQ は1行にしてください）"));
			}
			for (String municipality : municipalities(target, draft)) {
				if (!actor.mayEdit(municipality)) {
					problems.add(new FaqProblem("municipality", (municipality == null ? "全市共通" : municipality)
							+ "の FAQ は、このアカウントでは変えられません"));
				}
			}
			problems.addAll(rules.problems(provisional, draft, asked));
			asked.add(provisional, draft);
			Action action = !problems.isEmpty() ? Action.REFUSED
					: target == null ? Action.CREATE
					: draft.equals(target.content()) && !target.deleted() ? Action.UNCHANGED : Action.UPDATE;
			planRows.add(new FaqImportPlan.Row(row.line(), row.place(), action, id, target == null ? 0 : target.version(),
					draft.question(), draft.municipality(), List.copyOf(problems)));
			if (action == Action.CREATE || action == Action.UPDATE) {
				changes.add(new Planned.Step(id, target, draft));
			}
		}
		return new Planned(new FaqImportPlan(planRows, false), changes);
	}

	private static Set<String> municipalities(FaqRecord target, FaqDraft draft) {
		Set<String> municipalities = new LinkedHashSet<>();
		if (target != null) {
			municipalities.add(target.municipality());
		}
		municipalities.add(draft.municipality());
		return municipalities;
	}

	private static String questionKey(FaqDraft draft) {
		return (draft.municipality() == null ? "" : MunicipalityName.key(draft.municipality())) + "\n"
				+ FaqDraft.key(draft.question());
	}

	/** The plan, and the entries it creates or changes. */
	private record Planned(FaqImportPlan plan, List<Step> changes) {

		/** @param id the entry's id (null: a new one, named when it is stored) */
		record Step(String id, FaqRecord before, FaqDraft content) {

			Write write(Instant at, String by, FaqIds ids) {
				if (before == null) {
					String named = id != null ? id : ids.next(content.municipality());
					return new Write(null, new FaqRecord(named, content, 1, at, by, Origin.EDITED, null, null, null,
							Change.IMPORTED));
				}
				return new Write(before, before.next(content, Origin.EDITED, before.fileChecksum(), null, before.offer(),
						Change.IMPORTED, at, by));
			}
		}
	}

	/** One entry as it is stored: {@code next} replaces {@code before} (null: a new entry). */
	private record Write(FaqRecord before, FaqRecord next) {

		Set<String> municipalities() {
			Set<String> municipalities = new LinkedHashSet<>();
			if (before != null && before.municipality() != null) {
				municipalities.add(before.municipality());
			}
			if (next.municipality() != null) {
				municipalities.add(next.municipality());
			}
			return municipalities;
		}
	}
}
