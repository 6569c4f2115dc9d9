package jp.shisakunavi.staff;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department's former name (課の統合・改称): {@code from} is read as {@code to} wherever staff, obligations and
 * reminders name departments, while plan data and published history keep the name they were written with.
 */
@Document("staff_department_aliases")
public record DepartmentAlias(@Id String id, String municipality, String from, String to, Instant changedAt,
		String changedBy) {
}
