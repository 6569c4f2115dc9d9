/**
 * Answers citizens' questions: a Lucene index of measures, items and FAQ entries with Japanese analysis, query
 * understanding (municipality, department, rating, fiscal year, intent) and ranking with an honest "I don't know".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package jp.shisakunavi.search;
