package jp.shisakunavi.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The permission rules every page and API endpoint asks. */
class ActorTest {

	static Actor actor(Role role, List<String> municipalities, List<String> departments, StaffRole staffRole) {
		return new Actor("id", "user", "user", role, municipalities, departments, staffRole);
	}

	@Test
	void anEditorOfChigasakiEditsChigasakiHoweverItIsWrittenAndNothingElse() {
		Actor editor = actor(Role.EDITOR, List.of("茅ヶ崎市"), List.of(), null);

		assertThat(editor.mayEdit("茅ヶ崎市")).isTrue();
		assertThat(editor.mayEdit("茅ケ崎市")).isTrue();
		assertThat(editor.mayEdit("多治見市")).isFalse();
		assertThat(editor.mayEdit(null)).as("common content").isFalse();
		assertThat(editor.mayEditEverywhere()).isFalse();
		assertThat(editor.mayEditAll(List.of("茅ヶ崎市", "多治見市"))).isFalse();
		assertThat(editor.mayView("多治見市")).isFalse();
		assertThat(editor.mayManageAccounts()).isFalse();
	}

	@Test
	void anUnrestrictedEditorEditsEverywhereAndAdministratorsAlsoManageAccounts() {
		Actor editor = actor(Role.EDITOR, List.of(), List.of(), null);
		Actor admin = actor(Role.ADMIN, List.of(), List.of(), null);

		assertThat(editor.mayEditEverywhere()).isTrue();
		assertThat(editor.mayEditAll(List.of())).isTrue();
		assertThat(editor.mayManageAccounts()).isFalse();
		assertThat(admin.mayManageAccounts()).isTrue();
		assertThat(admin.mayEdit("小山市")).isTrue();
	}

	@Test
	void aViewerSeesItsCitiesAndChangesNothing() {
		Actor viewer = actor(Role.VIEWER, List.of("多治見市"), List.of(), null);

		assertThat(viewer.mayView("多治見市")).isTrue();
		assertThat(viewer.mayView("小山市")).isFalse();
		assertThat(viewer.mayEdit("多治見市")).isFalse();
		assertThat(viewer.mayReadConsole()).isTrue();
	}

	@Test
	void staffReportForTheirDepartmentAndTheCoordinatorReviewsTheCity() {
		Actor reporter = actor(Role.STAFF, List.of("多治見市"), List.of("情報政策課"), StaffRole.REPORTER);
		Actor coordinator = actor(Role.STAFF, List.of("多治見市"), List.of("企画防災課"), StaffRole.COORDINATOR);

		assertThat(reporter.mayReport("多治見市", "情報政策課")).isTrue();
		assertThat(reporter.mayReport("多治見市", "危機管理課")).isFalse();
		assertThat(reporter.mayReport("小山市", "情報政策課")).isFalse();
		assertThat(reporter.mayReview("多治見市")).isFalse();
		assertThat(reporter.mayEdit("多治見市")).isFalse();
		assertThat(reporter.mayReadConsole()).isFalse();
		assertThat(reporter.mayView(null)).isFalse();
		assertThat(coordinator.mayReport("多治見市", "危機管理課")).isTrue();
		assertThat(coordinator.mayReview("多治見市")).isTrue();
		assertThat(coordinator.mayReview("小山市")).isFalse();
	}
}
