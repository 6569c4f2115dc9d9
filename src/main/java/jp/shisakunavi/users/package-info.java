/**
 * LINE users: one record per person who talks to the bot (in LINE or in the chat simulator), with the city they
 * chose and whether they can be sent to; and the erasure of everything kept about one of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Users")
package jp.shisakunavi.users;
