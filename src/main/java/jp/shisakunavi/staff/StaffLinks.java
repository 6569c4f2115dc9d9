package jp.shisakunavi.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.shisakunavi.system.LineCredentials;

/**
 * Links from LINE to a staff member's report page: the member's id and an expiry, signed with HMAC-SHA256, so
 * that the link itself is the credential until it expires, and whoever changes a character of it gets nothing. The
 * page still checks that the member is active: a revoked member's link opens nothing.
 */
@Component
public class StaffLinks {

	private static final Logger log = LoggerFactory.getLogger(StaffLinks.class);
	public static final String PATH = "/staff/report";
	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final StaffLinkProperties properties;
	private final Clock clock;
	private final byte[] key;
	private final String baseUrl;

	StaffLinks(StaffLinkProperties properties, LineCredentials line, Clock clock,
			@Value("${server.port:8080}") int port) {
		this.properties = properties;
		this.clock = clock;
		if (!properties.secret().isEmpty()) {
			key = properties.secret().getBytes(StandardCharsets.UTF_8);
		}
		else if (!line.configured()) {
			key = new byte[32];
			new SecureRandom().nextBytes(key);
		}
		else {
			key = null;
			log.warn("STAFF_LINK_SECRET is not set: staff get no links to their report page from LINE (they can sign in)");
		}
		this.baseUrl = properties.publicUrl().isEmpty() ? "http://localhost:" + port : properties.publicUrl();
	}

	/** The link that opens the member's report page; empty when links are off. */
	public Optional<String> linkFor(String memberId) {
		if (key == null) {
			return Optional.empty();
		}
		long expires = clock.instant().plus(properties.validity()).getEpochSecond();
		String payload = BASE64.encodeToString((memberId + "|" + expires).getBytes(StandardCharsets.UTF_8));
		return Optional.of(baseUrl + PATH + "?t=" + payload + "." + BASE64.encodeToString(mac(payload)));
	}

	/** The member a link's token stands for, if it is signed by this service and not expired. */
	public Optional<String> memberOf(String token) {
		if (key == null || token == null || token.length() > 500) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String payload = token.substring(0, dot);
		byte[] signature;
		String text;
		try {
			signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			text = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		if (!MessageDigest.isEqual(mac(payload), signature)) {
			return Optional.empty();
		}
		int bar = text.lastIndexOf('|');
		try {
			Instant expires = Instant.ofEpochSecond(Long.parseLong(text.substring(bar + 1)));
			return bar > 0 && clock.instant().isBefore(expires) ? Optional.of(text.substring(0, bar)) : Optional.empty();
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

	private byte[] mac(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}
}
