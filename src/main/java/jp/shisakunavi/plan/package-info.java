/**
 * Plans of municipalities — pillars, measures, items, evaluations and rating schemes — stored in MongoDB,
 * imported from data files, and published as open data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans")
package jp.shisakunavi.plan;
