package jp.shisakunavi.staff;

import java.util.List;

import jp.shisakunavi.account.StaffRole;

/**
 * What an administrator fills in to invite a staff member.
 *
 * @param departments one or more (担当 and 所属長 need one; 取りまとめ names the coordinating department)
 * @param name the person's name, to recognise them in the console (optional)
 */
public record InvitationRequest(String municipality, List<String> departments, StaffRole role, String name) {
}
