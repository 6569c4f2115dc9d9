package jp.shisakunavi.plan;

/** A pillar of a plan (基本施策, 款, 基本方針, 基本目標, 施策展開の柱). */
public record Pillar(String number, String title, String description) {
}
