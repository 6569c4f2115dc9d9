package jp.shisakunavi.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.text.Normalizer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import jp.shisakunavi.audit.AuditChange;
import jp.shisakunavi.audit.AuditLog;
import jp.shisakunavi.plan.Department;
import jp.shisakunavi.plan.Item;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.MunicipalityName;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Plans;
import jp.shisakunavi.plan.Project;
import jp.shisakunavi.plan.Rated;

/**
 * The departments of a municipality and which of them reports each unit of a plan: from the plan data (担当課 /
 * 主管課 / 関係課, per-department ratings), overridden by an administrator's mapping where the document names none,
 * and with former names read as the current ones (aliases).
 */
@Service
public class StaffDepartments {

	/** The longest department name accepted (names in the plans are at most about 20 characters). */
	public static final int MAX_NAME_LENGTH = 60;
	/** The most rows one mapping upload may hold. */
	public static final int MAX_MAPPING_ROWS = 5000;
	private static final int MAX_ALIAS_STEPS = 20;

	private final Plans plans;
	private final MongoTemplate mongo;
	private final AuditLog audit;
	private final Clock clock;

	StaffDepartments(Plans plans, MongoTemplate mongo, AuditLog audit, Clock clock) {
		this.plans = plans;
		this.mongo = mongo;
		this.audit = audit;
		this.clock = clock;
	}

	/** The name a department goes by now: its aliases followed (情報課 → デジタル推進課 after a renaming). */
	public String canonical(String municipality, String name) {
		if (name == null) {
			return null;
		}
		Map<String, String> aliases = aliasMap(municipality);
		String current = clean(name);
		for (int i = 0; i < MAX_ALIAS_STEPS && aliases.containsKey(current); i++) {
			current = aliases.get(current);
		}
		return current;
	}

	/** Whether two department names are the same department today. */
	public boolean same(String municipality, String a, String b) {
		return a != null && b != null && canonical(municipality, a).equals(canonical(municipality, b));
	}

	/** Every department of the municipality by its current name: those of its plans, mappings and aliases. */
	public List<String> of(String municipality) {
		Set<String> names = new TreeSet<>();
		Map<String, String> aliases = aliasMap(municipality);
		for (Plan plan : plansOf(municipality)) {
			for (Measure measure : plans.measuresOf(plan.id())) {
				measure.departmentNames().forEach(names::add);
			}
			mappings(plan.id()).forEach(m -> {
				names.add(m.department());
				names.addAll(m.related());
			});
		}
		names.addAll(aliases.values());
		return names.stream().map(n -> canonical(municipality, n)).distinct().sorted().toList();
	}

	/** The plans of a municipality whose import is complete. */
	List<Plan> plansOf(String municipality) {
		return plans.all().stream()
			.filter(p -> MunicipalityName.matches(municipality, p.municipality(), p.municipalityKana()))
			.toList();
	}

	/**
	 * Who reports one unit: the mapping if the administrator made one; where the plan rates per department, each
	 * department that rated it (in the latest year up to {@code fiscalYear}, else every department named for it);
	 * otherwise the lead department (主管課/担当課, or the first named where the document does not say which leads)
	 * with the others as 関係課. Names are as the plan or mapping writes them (see {@link #canonical}).
	 */
	public Responsibility responsibility(Plan plan, Measure measure, Rated unit, boolean perDepartment, int fiscalYear) {
		Optional<DepartmentMapping> mapping = Optional
			.ofNullable(mongo.findById(DepartmentMapping.idOf(plan.id(), unit.id()), DepartmentMapping.class));
		if (mapping.isPresent()) {
			return new Responsibility(List.of(clean(mapping.get().department())), written(mapping.get().related().stream()));
		}
		List<Department> named = namedFor(measure, unit);
		if (perDepartment) {
			List<String> rated = written(unit.evaluationsAsOf(fiscalYear).stream().map(e -> e.department()));
			return new Responsibility(rated.isEmpty() ? written(named.stream().map(Department::name)) : rated, List.of());
		}
		if (named.isEmpty()) {
			return new Responsibility(List.of(), List.of());
		}
		Department lead = named.stream().filter(d -> d.role() == Department.Role.LEAD).findFirst().orElse(named.getFirst());
		List<String> reporting = written(Stream.of(lead.name()));
		List<String> commenting = written(named.stream().map(Department::name)).stream()
			.filter(n -> !reporting.contains(n))
			.toList();
		return new Responsibility(reporting, commenting);
	}

	/** An item's own departments, else its project's, else the measure's; for the measure itself its own. */
	private static List<Department> namedFor(Measure measure, Rated unit) {
		if (unit instanceof Item item) {
			if (!item.departments().isEmpty()) {
				return item.departments();
			}
			Optional<Project> project = measure.projects().stream()
				.filter(p -> p.items().stream().anyMatch(i -> i.id().equals(item.id())))
				.findFirst();
			if (project.isPresent() && !project.get().departments().isEmpty()) {
				return project.get().departments();
			}
		}
		return measure.departments();
	}

	private static List<String> written(Stream<String> names) {
		return names.filter(n -> n != null && !n.isBlank())
			.map(StaffDepartments::clean)
			.collect(LinkedHashSet<String>::new, Set::add, Set::addAll)
			.stream()
			.toList();
	}

	public List<DepartmentMapping> mappings(String planId) {
		return mongo.find(Query.query(where("planId").is(planId)), DepartmentMapping.class)
			.stream()
			.sorted((a, b) -> a.unitId().compareTo(b.unitId()))
			.toList();
	}

	/**
	 * Takes an uploaded mapping of a plan's units to departments: every row is checked first (the unit exists in
	 * the plan, a department is given, names are not too long, no unit twice), then all are stored, or none.
	 *
	 * @return the mappings stored
	 */
	public List<DepartmentMapping> importMapping(String planId, List<MappingRow> rows, String by) {
		Plan plan = plans.plan(planId).orElseThrow(() -> new IllegalArgumentException("計画「" + planId + "」はありません"));
		if (rows.isEmpty()) {
			throw new IllegalArgumentException("割り当ての行がありません");
		}
		if (rows.size() > MAX_MAPPING_ROWS) {
			throw new IllegalArgumentException("一度に登録できるのは" + MAX_MAPPING_ROWS + "行までです（" + rows.size() + "行）");
		}
		Map<String, Rated> units = new HashMap<>();
		Map<String, List<Rated>> byTitle = new HashMap<>();
		plans.measuresOf(planId).forEach(m -> m.ratedUnits().forEach(u -> {
			units.put(u.id(), u);
			byTitle.computeIfAbsent(clean(u.title()), t -> new ArrayList<>()).add(u);
		}));
		List<InvalidRows.Problem> problems = new ArrayList<>();
		Map<String, Integer> seen = new HashMap<>();
		List<DepartmentMapping> mappings = new ArrayList<>();
		for (MappingRow row : rows) {
			Rated unit = unitOf(row, units, byTitle, plan, problems);
			String department = clean(row.department());
			List<String> related = row.related() == null ? List.of()
					: Arrays.stream(row.related().split("[・、,，]")).map(StaffDepartments::clean)
						.filter(n -> !n.isEmpty()).distinct().toList();
			if (department.isEmpty()) {
				problems.add(new InvalidRows.Problem(row.row(), "department", "担当課がありません"));
			}
			Stream.concat(Stream.of(department), related.stream())
				.filter(n -> n.length() > MAX_NAME_LENGTH)
				.findFirst()
				.ifPresent(n -> problems.add(new InvalidRows.Problem(row.row(), "department",
						"課の名前は" + MAX_NAME_LENGTH + "文字までです（" + n.length() + "文字）")));
			if (unit == null) {
				continue;
			}
			Integer earlier = seen.putIfAbsent(unit.id(), row.row());
			if (earlier != null) {
				problems.add(new InvalidRows.Problem(row.row(), "unitId", "行" + earlier + "と同じ施策（" + unit.id() + "）です"));
				continue;
			}
			mappings.add(new DepartmentMapping(DepartmentMapping.idOf(planId, unit.id()), planId, unit.id(), department,
					related.stream().filter(n -> !n.equals(department)).toList(), clock.instant(), by));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRows(problems);
		}
		mappings.forEach(mongo::save);
		audit.record(AuditChange.of("staff.mapping.import", plan.title() + "の担当課の割り当てを" + mappings.size() + "件登録しました")
			.target(planId)
			.municipality(plan.municipality())
			.after(mappings));
		return mappings;
	}

	private static Rated unitOf(MappingRow row, Map<String, Rated> units, Map<String, List<Rated>> byTitle, Plan plan,
			List<InvalidRows.Problem> problems) {
		String id = clean(row.unitId());
		if (!id.isEmpty()) {
			Rated unit = units.get(id);
			if (unit == null) {
				problems.add(new InvalidRows.Problem(row.row(), "unitId", "施策ID「" + id + "」は" + plan.title()
						+ "の評価の単位にありません（細目のある施策は細目のIDで指定してください）"));
			}
			return unit;
		}
		String title = clean(row.unitTitle());
		if (title.isEmpty()) {
			problems.add(new InvalidRows.Problem(row.row(), "unitId", "施策ID か施策名が必要です"));
			return null;
		}
		List<Rated> found = byTitle.getOrDefault(title, List.of());
		if (found.size() != 1) {
			problems.add(new InvalidRows.Problem(row.row(), "unitTitle", found.isEmpty()
					? "施策名「" + title + "」は" + plan.title() + "にありません（名前は一字一句同じに書いてください）"
					: "「" + title + "」という施策が複数あります。施策ID で指定してください"));
			return null;
		}
		return found.getFirst();
	}

	public List<DepartmentAlias> aliases(String municipality) {
		String key = MunicipalityName.key(municipality);
		return mongo.findAll(DepartmentAlias.class).stream()
			.filter(a -> MunicipalityName.key(a.municipality()).equals(key))
			.sorted((a, b) -> a.from().compareTo(b.from()))
			.toList();
	}

	/**
	 * Records that department {@code from} is now called {@code to} (renamed, or merged into it). Refused when it
	 * would make a loop.
	 */
	public DepartmentAlias addAlias(String municipality, String from, String to, String by) {
		String old = clean(from);
		String current = clean(to);
		if (old.isEmpty() || current.isEmpty()) {
			throw new IllegalArgumentException("元の課名と新しい課名の両方を入れてください");
		}
		if (old.length() > MAX_NAME_LENGTH || current.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("課の名前は" + MAX_NAME_LENGTH + "文字までです");
		}
		if (canonical(municipality, current).equals(old)) {
			throw new IllegalArgumentException("「" + current + "」はすでに「" + old + "」と読み替えられているため、逆の読み替えはできません");
		}
		DepartmentAlias alias = new DepartmentAlias(MunicipalityName.key(municipality) + "|" + old, municipality, old,
				current, clock.instant(), by);
		mongo.save(alias);
		audit.record(AuditChange.of("staff.alias.add", "課名「" + old + "」を「" + current + "」と読み替えます")
			.target(old)
			.municipality(municipality)
			.after(alias));
		return alias;
	}

	public void removeAlias(String municipality, String from) {
		String id = MunicipalityName.key(municipality) + "|" + clean(from);
		DepartmentAlias removed = mongo.findAndRemove(Query.query(where("_id").is(id)), DepartmentAlias.class);
		if (removed == null) {
			throw new IllegalArgumentException("課名「" + clean(from) + "」の読み替えはありません");
		}
		audit.record(AuditChange.of("staff.alias.remove", "課名「" + removed.from() + "」の読み替えをやめました")
			.target(removed.from())
			.municipality(municipality)
			.before(removed));
	}

	private Map<String, String> aliasMap(String municipality) {
		Map<String, String> map = new HashMap<>();
		aliases(municipality).forEach(a -> map.put(a.from(), a.to()));
		return map;
	}

	static String clean(String name) {
		return name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
	}
}
