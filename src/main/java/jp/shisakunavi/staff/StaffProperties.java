package jp.shisakunavi.staff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the staff side (see .env.example).
 *
 * @param invitationValidity how long an invitation's code can be used
 * @param lineBasicId the LINE official account's basic id ({@code @123abcde}); with it an invitation also gets a
 *        link that opens the chat with 「職員登録 123456」 typed in; empty: the code as text only
 */
@ConfigurationProperties("shisaku.staff")
record StaffProperties(Duration invitationValidity, String lineBasicId) {

	StaffProperties {
		invitationValidity = invitationValidity == null ? Duration.ofDays(14) : invitationValidity;
		lineBasicId = lineBasicId == null ? "" : lineBasicId.strip();
		if (invitationValidity.isNegative() || invitationValidity.isZero()) {
			throw new IllegalArgumentException("shisaku.staff.invitation-validity must be positive");
		}
	}
}
