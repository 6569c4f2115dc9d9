package jp.shisakunavi.staff;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The signed links that open a staff member's report page from LINE.
 *
 * @param secret the HMAC key ({@code STAFF_LINK_SECRET}, at least 32 characters); empty: a random one in local mode
 *        (no LINE credentials; links end with the process), no links at all with LINE
 * @param validity how long a link opens the page
 * @param publicUrl where staff reach the service ({@code PUBLIC_URL}, e.g. {@code https://navi.example.jp}); empty:
 *        {@code http://localhost:<port>}
 */
@ConfigurationProperties("shisaku.staff.link")
record StaffLinkProperties(String secret, Duration validity, String publicUrl) {

	StaffLinkProperties {
		secret = secret == null ? "" : secret.strip();
		validity = validity == null ? Duration.ofHours(24) : validity;
		publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
		if (!secret.isEmpty() && secret.length() < 32) {
			throw new IllegalArgumentException("STAFF_LINK_SECRET needs at least 32 characters");
		}
		if (validity.isNegative() || validity.isZero()) {
			throw new IllegalArgumentException("shisaku.staff.link.validity must be positive");
		}
	}
}
