/**
 * FAQ entries in MongoDB, the source of truth for what administrators edit: people change them through
 * {@link jp.shisakunavi.faq.FaqEditor} (checked, validated, versioned, audited), the {@code faq/} folder is the
 * built-in seed, never overwriting what people made, and every instance follows changes within seconds. Published
 * read-only as open data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FAQ")
package jp.shisakunavi.faq;
