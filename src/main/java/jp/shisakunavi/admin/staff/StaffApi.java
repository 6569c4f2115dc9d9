package jp.shisakunavi.admin.staff;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.plan.PlanCatalog;
import jp.shisakunavi.staff.DepartmentAlias;
import jp.shisakunavi.staff.DepartmentMapping;
import jp.shisakunavi.staff.InvalidRows;
import jp.shisakunavi.staff.Invitation;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.IssuedInvitation;
import jp.shisakunavi.staff.Obligation;
import jp.shisakunavi.staff.Obligations;
import jp.shisakunavi.staff.Publication;
import jp.shisakunavi.staff.Review;
import jp.shisakunavi.staff.Round;
import jp.shisakunavi.staff.RoundDraft;
import jp.shisakunavi.staff.RoundProgress;
import jp.shisakunavi.staff.Rounds;
import jp.shisakunavi.staff.StaffDepartments;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;
import jp.shisakunavi.staff.StaleReport;
import jp.shisakunavi.staff.StaleRound;

/**
 * The staff side for scripts, with an API token: departments (mapping upload, aliases), invitations, staff
 * members, rounds with their obligations and progress, review, publication and the export — with the same checks
 * (role, municipalities, the version read) and audit log as the console's pages.
 */
@RestController
@RequestMapping("/admin/api/staff")
class StaffApi {

	private final StaffAccess access;
	private final StaffDepartments departments;
	private final Invitations invitations;
	private final StaffMembers members;
	private final Rounds rounds;
	private final Obligations obligations;
	private final Review review;
	private final PlanCatalog catalog;

	StaffApi(StaffAccess access, StaffDepartments departments, Invitations invitations, StaffMembers members,
			Rounds rounds, Obligations obligations, Review review, PlanCatalog catalog) {
		this.access = access;
		this.departments = departments;
		this.invitations = invitations;
		this.members = members;
		this.rounds = rounds;
		this.obligations = obligations;
		this.review = review;
		this.catalog = catalog;
	}

	@GetMapping("/departments")
	DepartmentsJson departments(@RequestParam String municipality) {
		access.reader(municipality);
		return new DepartmentsJson(departments.of(municipality), departments.aliases(municipality));
	}

	@GetMapping("/mappings")
	List<DepartmentMapping> mappings(@RequestParam String plan) {
		access.reader(planMunicipality(plan));
		return departments.mappings(plan);
	}

	/**
	 * Uploads a mapping of units to departments (CSV or Excel): every row stored, or none with every row's reason;
	 * the plan's rounds then owe by the new mapping (reports made are kept).
	 */
	@PostMapping(path = "/mappings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	List<DepartmentMapping> importMappings(@RequestParam String plan, @RequestPart("file") MultipartFile file)
			throws IOException {
		String municipality = planMunicipality(plan);
		Actor actor = access.editor(municipality);
		List<DepartmentMapping> stored;
		try (InputStream content = file.getInputStream()) {
			stored = departments.importMapping(plan, MappingUpload.read(file.getOriginalFilename(), content), actor.username());
		}
		rounds.rederive(municipality, plan);
		return stored;
	}

	@PostMapping("/aliases")
	DepartmentAlias addAlias(@RequestBody AliasJson alias) {
		Actor actor = access.editor(alias.municipality());
		DepartmentAlias added = departments.addAlias(alias.municipality(), alias.from(), alias.to(), actor.username());
		rounds.rederive(alias.municipality(), null);
		return added;
	}

	@DeleteMapping("/aliases")
	void removeAlias(@RequestParam String municipality, @RequestParam String from) {
		access.editor(municipality);
		departments.removeAlias(municipality, from);
		rounds.rederive(municipality, null);
	}

	@GetMapping("/invitations")
	List<InvitationJson> invitations(@RequestParam(required = false) String municipality) {
		Actor actor = access.reader(municipality);
		Instant now = invitations.now();
		return invitations.list(municipality).stream()
			.filter(i -> actor.mayView(i.municipality()))
			.map(i -> new InvitationJson(i, i.status(now), i.status(now).label()))
			.toList();
	}

	/** Issues an invitation; its code is in this answer only. */
	@PostMapping("/invitations")
	ResponseEntity<IssuedInvitation> invite(@RequestBody InvitationRequest request) {
		Actor actor = access.editor(request.municipality());
		IssuedInvitation issued = invitations.issue(request, actor.username());
		return ResponseEntity.created(URI.create("/admin/api/staff/invitations/" + issued.invitation().id())).body(issued);
	}

	@PostMapping("/invitations/{id}/revoke")
	Invitation revokeInvitation(@PathVariable String id) {
		access.editor(existingInvitation(id).municipality());
		return invitations.revoke(id);
	}

	@PostMapping("/invitations/{id}/reissue")
	IssuedInvitation reissue(@PathVariable String id) {
		access.editor(existingInvitation(id).municipality());
		return invitations.reissue(id);
	}

	@GetMapping("/members")
	List<StaffMember> members(@RequestParam(required = false) String municipality) {
		Actor actor = access.reader(municipality);
		return members.of(municipality).stream().filter(m -> actor.mayView(m.municipality())).toList();
	}

	@PostMapping("/members/{id}/revoke")
	StaffMember revokeMember(@PathVariable String id) {
		StaffMember member = members.find(id).orElseThrow(() -> new IllegalArgumentException("職員「" + id + "」はいません"));
		access.editor(member.municipality());
		return members.revoke(id);
	}

	@GetMapping("/rounds")
	List<Round> rounds(@RequestParam(required = false) String municipality) {
		Actor actor = access.reader(municipality);
		return rounds.of(municipality).stream().filter(r -> actor.mayView(r.municipality())).toList();
	}

	@PostMapping("/rounds")
	ResponseEntity<Round> open(@RequestBody RoundDraft draft) {
		Actor actor = access.editor(draft.municipality());
		Round round = rounds.open(draft, actor.username());
		return ResponseEntity.created(URI.create("/admin/api/staff/rounds/" + round.id())).body(round);
	}

	@GetMapping("/rounds/{id}")
	RoundProgress round(@PathVariable String id) {
		return obligations.progress(access.round(id));
	}

	@PutMapping("/rounds/{id}")
	Round change(@PathVariable String id, @RequestParam long version, @RequestBody RoundDraft draft) {
		Actor actor = access.editor(access.round(id).municipality());
		return rounds.change(id, version, draft, actor.username());
	}

	/** The round's obligations, optionally of one department. */
	@GetMapping("/rounds/{id}/obligations")
	List<Obligation> obligations(@PathVariable String id, @RequestParam(required = false) String department) {
		Round round = access.round(id);
		return department == null ? obligations.ofRound(round.id()) : obligations.ofDepartment(round.id(), department);
	}

	@PostMapping("/obligations/{id}/head-approve")
	Obligation approveAsHead(@PathVariable String id, @RequestParam long version) {
		Obligation obligation = existingObligation(id);
		return review.approveAsHead(access.reviewer(obligation.municipality()), id, version);
	}

	@PostMapping("/obligations/{id}/approve")
	Obligation approve(@PathVariable String id, @RequestParam long version) {
		Obligation obligation = existingObligation(id);
		return review.approve(access.reviewer(obligation.municipality()), id, version);
	}

	@PostMapping("/obligations/{id}/return")
	Obligation returnReport(@PathVariable String id, @RequestParam long version, @RequestBody CommentJson comment) {
		Obligation obligation = existingObligation(id);
		return review.returnReport(access.reviewer(obligation.municipality()), id, version, comment.comment());
	}

	/** Publishes every approved report of the round through the evaluation intake. */
	@PostMapping("/rounds/{id}/publish")
	Publication publish(@PathVariable String id) {
		Round round = access.round(id);
		return review.publish(access.reviewer(round.municipality()), id);
	}

	/** The round as a file: {@code format} csv or xlsx, one row per unit and department. */
	@GetMapping("/rounds/{id}/export")
	void export(@PathVariable String id, @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response)
			throws IOException {
		RoundExport export = RoundExport.named(format);
		Round round = access.round(id);
		export.send(round, obligations.ofRound(id), response);
	}

	@ExceptionHandler(InvalidRows.class)
	ProblemDetail invalidRows(InvalidRows e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
		problem.setProperty("errors", e.problems());
		return problem;
	}

	@ExceptionHandler(StaleReport.class)
	ProblemDetail staleReport(StaleReport e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setProperty("current", e.current());
		problem.setProperty("changed", e.changed());
		return problem;
	}

	@ExceptionHandler(StaleRound.class)
	ProblemDetail staleRound(StaleRound e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setProperty("current", e.current());
		return problem;
	}

	private Invitation existingInvitation(String id) {
		return invitations.find(id).orElseThrow(() -> new IllegalArgumentException("招待「" + id + "」はありません"));
	}

	private Obligation existingObligation(String id) {
		return obligations.find(id).orElseThrow(() -> new IllegalArgumentException("報告「" + id + "」はありません"));
	}

	private String planMunicipality(String planId) {
		return catalog.plan(planId).map(p -> p.municipality())
			.orElseThrow(() -> new IllegalArgumentException("計画「" + planId + "」はありません"));
	}

	record DepartmentsJson(List<String> departments, List<DepartmentAlias> aliases) {
	}

	record AliasJson(String municipality, String from, String to) {
	}

	record InvitationJson(Invitation invitation, Invitation.Status status, String statusLabel) {
	}

	record CommentJson(String comment) {
	}
}
