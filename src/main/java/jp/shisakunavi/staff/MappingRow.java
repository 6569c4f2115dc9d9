package jp.shisakunavi.staff;

/**
 * One row of an uploaded department mapping: a unit by id (or exact title) and the department that reports it,
 * optionally the related departments (関係課) separated by 「・」 or 「、」.
 */
public record MappingRow(int row, String unitId, String unitTitle, String department, String related) {
}
