package jp.shisakunavi.plan;

/** Published after a plan and its measures were written, so that whatever derives from them can follow. */
public record PlanDataChanged(String planId) {
}
