package jp.shisakunavi.plan;

/** A text section of a measure, headed as in the document (実績, 課題, 現状・課題, 施策内容 …). */
public record Section(String kind, String text) {
}
