/**
 * Cross-cutting configuration: the database (embedded or by URI), health, security, error answers, start-up.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package jp.shisakunavi.system;
