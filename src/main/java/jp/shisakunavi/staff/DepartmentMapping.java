package jp.shisakunavi.staff;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which department reports a unit of a plan whose document names none (茅ヶ崎市's items, 多治見市 第4次), as an
 * administrator assigned it; kept with the plan (by its id) and preferred over what the document says.
 *
 * @param related departments that may comment (関係課)
 */
@Document("staff_department_mappings")
public record DepartmentMapping(@Id String id, String planId, String unitId, String department, List<String> related,
		Instant changedAt, String changedBy) {

	public DepartmentMapping {
		related = related == null ? List.of() : List.copyOf(related);
	}

	static String idOf(String planId, String unitId) {
		return planId + "|" + unitId;
	}
}
