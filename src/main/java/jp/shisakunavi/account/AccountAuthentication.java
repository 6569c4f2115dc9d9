package jp.shisakunavi.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated as an account, by a session or an API token. {@code passwordStamp} is when the
 * password was last set when the session began: a later change or reset ends the session.
 */
final class AccountAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final Actor actor;
	private final Instant passwordStamp;
	private final String tokenName;

	private AccountAuthentication(Actor actor, Instant passwordStamp, String tokenName) {
		super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
		this.actor = actor;
		this.passwordStamp = passwordStamp;
		this.tokenName = tokenName;
		setAuthenticated(true);
	}

	static AccountAuthentication session(Account account, Instant passwordStamp) {
		return new AccountAuthentication(Actor.of(account), passwordStamp, null);
	}

	static AccountAuthentication token(Account account, String tokenName) {
		return new AccountAuthentication(Actor.of(account), null, tokenName);
	}

	Actor actor() {
		return actor;
	}

	Instant passwordStamp() {
		return passwordStamp;
	}

	/** The API token's name when the request came with one; null for a browser session. */
	String tokenName() {
		return tokenName;
	}

	AccountAuthentication refreshed(Account account) {
		return new AccountAuthentication(Actor.of(account), passwordStamp, tokenName);
	}

	AccountAuthentication stamped(Instant newStamp) {
		return new AccountAuthentication(actor, newStamp, tokenName);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public Object getPrincipal() {
		return actor;
	}

	@Override
	public String getName() {
		return actor.username();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountAuthentication that && actor.equals(that.actor)
				&& Objects.equals(passwordStamp, that.passwordStamp) && Objects.equals(tokenName, that.tokenName);
	}

	@Override
	public int hashCode() {
		return actor.hashCode();
	}
}
