/**
 * Accounts of administrators, editors, viewers and staff: roles and municipality limits, the permission checks
 * every page and API call uses, sign-in with throttling and lockout, API tokens, sessions and the web's security
 * rules (CSRF, cookies, security headers).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package jp.shisakunavi.account;
