package jp.shisakunavi.staff;

import java.util.List;

/**
 * Who reports a unit: the departments that each owe a report ({@code reporting}: one, the lead, unless the plan
 * rates per department) and those that may comment (関係課). Names are as the plan or the mapping writes them;
 * {@link StaffDepartments#canonical} gives the current ones.
 */
public record Responsibility(List<String> reporting, List<String> commenting) {

	public Responsibility {
		reporting = List.copyOf(reporting);
		commenting = List.copyOf(commenting);
	}

	public boolean unassigned() {
		return reporting.isEmpty();
	}
}
