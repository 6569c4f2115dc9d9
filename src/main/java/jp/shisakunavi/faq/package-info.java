/**
 * FAQ entries written as files in the {@code faq/} folder, loaded into MongoDB at start-up and whenever a file
 * changes, and published read-only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FAQ")
package jp.shisakunavi.faq;
