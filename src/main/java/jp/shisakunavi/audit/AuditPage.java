package jp.shisakunavi.audit;

import java.util.List;

/** One page of audit entries, newest first; {@code more}: an older page follows. */
public record AuditPage(List<AuditEntry> entries, int page, boolean more) {
}
