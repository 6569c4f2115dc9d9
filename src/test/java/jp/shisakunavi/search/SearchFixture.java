package jp.shisakunavi.search;

import java.util.List;
import java.util.Map;

import jp.shisakunavi.faq.FaqEntry;
import jp.shisakunavi.plan.Department;
import jp.shisakunavi.plan.Evaluation;
import jp.shisakunavi.plan.Item;
import jp.shisakunavi.plan.Measure;
import jp.shisakunavi.plan.Pillar;
import jp.shisakunavi.plan.Plan;
import jp.shisakunavi.plan.Project;
import jp.shisakunavi.plan.RatingScheme;
import jp.shisakunavi.plan.RatingState;
import jp.shisakunavi.plan.RatingSymbol;
import jp.shisakunavi.plan.Section;

/** Two small cities with the shapes of the real data: a city with two plans, and a city rating items. */
final class SearchFixture {

	static final RatingScheme TAJIMI = new RatingScheme(List.of(
			new RatingSymbol("A", "目標以上に実施", RatingState.ONGOING),
			new RatingSymbol("B", "目標どおりに実施", RatingState.ONGOING),
			new RatingSymbol("C", "目標に向けて実施", RatingState.ONGOING),
			new RatingSymbol("○", "目標どおりに達成", RatingState.COMPLETED),
			new RatingSymbol("▲", "廃止・中止", RatingState.ABOLISHED)));

	static final RatingScheme CHIGASAKI = new RatingScheme(List.of(
			new RatingSymbol("A", "達成できた", RatingState.ONGOING),
			new RatingSymbol("B", "一部達成できなかった", RatingState.ONGOING),
			new RatingSymbol("C", "達成できなかった", RatingState.ONGOING),
			new RatingSymbol("—", "評価なし", RatingState.UNRATED)));

	static final Plan TAJIMI_NEW = plan("t-4", "多治見市", "たじみし", "第4次多治見市情報化計画", 2020, 2023, TAJIMI);
	static final Plan TAJIMI_OLD = plan("t-3", "多治見市", "たじみし", "第3次多治見市情報化計画", 2016, 2019, TAJIMI);
	static final Plan CHIGASAKI_PLAN = plan("c-1", "茅ヶ崎市", "ちがさきし", "茅ヶ崎市地域情報化計画", 2018, 2022,
			CHIGASAKI);

	static final Map<String, List<Measure>> MEASURES = Map.of(
			"t-4", List.of(
					measure("t-4-1-01", "t-4", "多治見市", "防災情報伝達の多重化(戸別受信機・防災アプリ導入関連)に関する取組み",
							"企画防災課", "新たな防災情報伝達手段の多重化として令和3年1月に防災アプリを導入しました。", "B"),
					measure("t-4-2-01", "t-4", "多治見市", "観光拠点における Wi-Fi 環境の整備", "産業観光課",
							"展示解説等、Wi-Fi 環境を活用した情報ツールを整備しました。", "C"),
					measure("t-4-3-01", "t-4", "多治見市", "マイナンバーカードを活用したサービスの検討", "市民課",
							"高齢者等を対象としたマイナンバーカードに関する講座を開催しました。", "C"),
					measure("t-4-3-02", "t-4", "多治見市", "証明書のコンビニ交付サービスの導入", "市民課",
							"住民票の写しなどをコンビニエンスストアで受け取れるようにしました。", "A"),
					measure("t-4-4-01", "t-4", "多治見市", "保育業務支援システム導入による保育業務の効率化", "保育課",
							"試行園での導入を取りやめました。", "▲")),
			"t-3", List.of(
					measure("t-3-1-01", "t-3", "多治見市", "観光拠点におけるWi-Fi環境の整備", "産業観光課",
							"主要な観光拠点などにおいてWi-Fi環境が整備されている。", "B")),
			"c-1", List.of(chigasakiMeasure()));

	static final List<FaqEntry> FAQ = List.of(
			new FaqEntry("common/glossary/rpa", "RPAとは何ですか？", List.of("RPAって何", "アールピーエーとは"),
					"RPA（ロボティック・プロセス・オートメーション）は、パソコンの定型作業をソフトウェアのロボットが自動で行う仕組みです。",
					null, false, "用語解説", List.of("用語"), "各務原市 用語解説", null, null, 1, null));

	private SearchFixture() {
	}

	static IndexSnapshot snapshot() {
		return SearchIndex.build(List.of(TAJIMI_OLD, TAJIMI_NEW, CHIGASAKI_PLAN), MEASURES::get, FAQ,
				Vocabulary.defaults());
	}

	private static Plan plan(String id, String city, String kana, String title, int from, int to, RatingScheme scheme) {
		return new Plan(id, city, kana, null, title, null, new Plan.Period(from, to), null, null, "基本施策", "施策", null,
				null, scheme, List.of(new Pillar("1", "安全・安心", null, List.of())), null, null, true);
	}

	private static Measure measure(String id, String plan, String city, String title, String department,
			String progress, String rating) {
		int year = plan.equals("t-3") ? 2019 : 2022;
		return new Measure(id, plan, city, "1", null, title, List.of(new Department(department, Department.Role.LEAD)),
				List.of(), null, false, List.of(), List.of(new Section("実績", progress)), List.of(),
				List.of(new Evaluation(year, rating, null, null, null, null)), List.of(), List.of());
	}

	private static Measure chigasakiMeasure() {
		Item records = item("c-1-1-01-1-1", "電子カルテシステムの導入", "B", "A");
		Item disasters = item("c-1-1-01-2-1", "災害情報の管理システムの導入検討", "C", "B");
		Item videos = item("c-1-1-01-3-1", "防災研修の動画配信の検討", "A", "A");
		List<Project> projects = List.of(
				new Project("1", "電子カルテを含む医療情報システムの導入", List.of(), List.of(records)),
				new Project("2", "ICTを活用した災害応急対策の効率化", List.of(), List.of(disasters)),
				new Project("3", "防災研修の動画配信", List.of(), List.of(videos)));
		return new Measure("c-1-1-01", "c-1", "茅ヶ崎市", "1", null, "ICTによる防災・減災力の強化", List.of(), List.of(),
				null, false, List.of(), List.of(), List.of(), List.of(), projects, List.of());
	}

	private static Item item(String id, String title, String in2018, String in2022) {
		return new Item(id, "1", title, List.of(new Department("デジタル推進課", Department.Role.LEAD)), List.of(),
				List.of(new Evaluation(2018, in2018, null, null, null, null),
						new Evaluation(2022, in2022, null, null, null, null)));
	}
}
