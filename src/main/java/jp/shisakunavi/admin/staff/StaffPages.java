package jp.shisakunavi.admin.staff;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.shisakunavi.account.Actor;
import jp.shisakunavi.account.StaffRole;
import jp.shisakunavi.console.ConsoleController;
import jp.shisakunavi.console.ConsolePage;
import jp.shisakunavi.staff.Invitation;
import jp.shisakunavi.staff.InvitationRequest;
import jp.shisakunavi.staff.Invitations;
import jp.shisakunavi.staff.IssuedInvitation;
import jp.shisakunavi.staff.StaffMember;
import jp.shisakunavi.staff.StaffMembers;

/**
 * 職員 in the console: issue an invitation (its code, LINE link and QR shown once), the invitations with their
 * state (revoke, re-issue), and the registered staff (revoke). Only the cities the account may see are listed;
 * changes need an editor or administrator of the city.
 */
@ConsoleController
@RequestMapping("/admin/staff")
class StaffPages {

	private final StaffAccess access;
	private final Invitations invitations;
	private final StaffMembers members;

	/** This page in the console's navigation. */
	@Bean
	static ConsolePage staffNavigation() {
		return new ConsolePage("職員", "/admin/staff", 610, Actor::mayReadConsole);
	}

	StaffPages(StaffAccess access, Invitations invitations, StaffMembers members) {
		this.access = access;
		this.invitations = invitations;
		this.members = members;
	}

	@GetMapping
	String page(Model model) {
		return page(access.reader(null), model);
	}

	@PostMapping("/invitations")
	String invite(@RequestParam String municipality, @RequestParam(defaultValue = "") String departments,
			@RequestParam(required = false) StaffRole role, @RequestParam(defaultValue = "") String name, Model model) {
		Actor actor = access.editor(municipality);
		List<String> named = Arrays.stream(departments.split("[・、,，\\s]+")).filter(d -> !d.isBlank()).toList();
		try {
			IssuedInvitation issued = invitations.issue(new InvitationRequest(municipality, named, role, name),
					actor.username());
			shown(issued, model);
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("form", new InvitationRequest(municipality, named, role, name));
		}
		return page(actor, model);
	}

	@PostMapping("/invitations/{id}/revoke")
	String revoke(@PathVariable String id, RedirectAttributes redirect) {
		Invitation invitation = existing(id);
		access.editor(invitation.municipality());
		invitations.revoke(id);
		redirect.addFlashAttribute("message", "招待を取り消しました。"
				+ (invitation.memberId() != null ? "この招待で登録した職員も取り消しました。" : "このコードではもう登録できません。"));
		return "redirect:/admin/staff";
	}

	@PostMapping("/invitations/{id}/reissue")
	String reissue(@PathVariable String id, Model model) {
		Invitation invitation = existing(id);
		Actor actor = access.editor(invitation.municipality());
		shown(invitations.reissue(id), model);
		return page(actor, model);
	}

	@PostMapping("/members/{id}/revoke")
	String revokeMember(@PathVariable String id, RedirectAttributes redirect) {
		StaffMember member = members.find(id).orElseThrow(() -> new IllegalArgumentException("その職員はいません"));
		access.editor(member.municipality());
		members.revoke(id);
		redirect.addFlashAttribute("message", member.description() + "の登録を取り消しました。督促も報告もできなくなります。");
		return "redirect:/admin/staff";
	}

	private void shown(IssuedInvitation issued, Model model) {
		model.addAttribute("issued", issued);
		model.addAttribute("qr", issued.link() == null ? null : InvitationQr.dataUrl(issued.link()));
	}

	private String page(Actor actor, Model model) {
		Instant now = invitations.now();
		model.addAttribute("municipalities", access.municipalities(actor));
		model.addAttribute("roles", StaffRole.values());
		model.addAttribute("invitations", invitations.list(null).stream()
			.filter(i -> actor.mayView(i.municipality()))
			.map(i -> new InvitationRow(i, i.status(now), actor.mayEdit(i.municipality())))
			.toList());
		model.addAttribute("members", members.of(null).stream()
			.filter(m -> actor.mayView(m.municipality()))
			.map(m -> new MemberRow(m, actor.mayEdit(m.municipality())))
			.toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new InvitationRequest(null, List.of(), StaffRole.REPORTER, ""));
		}
		return "admin/staff/staff";
	}

	private Invitation existing(String id) {
		return invitations.find(id).orElseThrow(() -> new IllegalArgumentException("その招待はありません"));
	}

	/** An invitation as the list shows it. */
	record InvitationRow(Invitation invitation, Invitation.Status status, boolean mayChange) {

		public boolean revocable() {
			return mayChange && (status == Invitation.Status.OPEN || status == Invitation.Status.USED);
		}

		public boolean reissuable() {
			return mayChange && invitation.reissuedAs() == null;
		}
	}

	/** A staff member as the list shows it. */
	record MemberRow(StaffMember member, boolean mayChange) {
	}
}
