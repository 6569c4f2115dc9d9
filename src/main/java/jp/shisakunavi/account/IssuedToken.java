package jp.shisakunavi.account;

/** A token just issued: {@code secret} goes in {@code Authorization: Bearer …} and is never shown again. */
public record IssuedToken(String secret, ApiToken token) {
}
