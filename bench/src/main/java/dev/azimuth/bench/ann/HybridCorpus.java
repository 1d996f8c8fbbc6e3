package dev.azimuth.bench.ann;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A text corpus with embeddings and labelled queries, for hybrid search: document {@code i} has
 * id {@code i}, a title, the text that is indexed for BM25 ({@code body}) and the embedding
 * {@code base.vector(i)}; each query has words, an embedding and its relevant document ids
 * (none for a query that has no relevant document: such a query is timed but not scored).
 *
 * @param name a short name for reports, e.g. {@code fiori} or {@code wordnet-definition}
 * @param folder the data folder's name, which also names the work folder
 */
record HybridCorpus(String name, String folder, List<String> titles, List<String> bodies,
    Vectors base, List<Query> queries) {
  HybridCorpus {
    requireNonNull(name, "name");
    requireNonNull(folder, "folder");
    titles = List.copyOf(titles);
    bodies = List.copyOf(bodies);
    requireNonNull(base, "base");
    queries = List.copyOf(queries);
    if (titles.size() != base.count() || bodies.size() != base.count()) {
      throw new IllegalArgumentException(titles.size() + " titles and " + bodies.size()
          + " bodies for " + base.count() + " vectors");
    }
  }

  /**
   * A labelled query.
   *
   * @param id the query's id in its source file
   * @param words the text bound to {@code TEXT_MATCH} and {@code BM25}
   * @param vector the embedding bound to {@code <=>}
   * @param relevant ids of the relevant documents; empty if none is relevant
   */
  record Query(int id, String words, float[] vector, Set<Integer> relevant) {
    Query {
      requireNonNull(words, "words");
      requireNonNull(vector, "vector");
      relevant = Set.copyOf(relevant);
    }
  }

  /** The queries that have at least one relevant document: those quality is scored on. */
  List<Query> labelled() {
    return queries.stream().filter(q -> !q.relevant().isEmpty()).toList();
  }

  /** The same corpus with only the first {@code n} of its queries. */
  HybridCorpus firstQueries(int n) {
    return n >= queries.size() ? this : new HybridCorpus(name, folder, titles, bodies, base,
        queries.subList(0, n));
  }
}
