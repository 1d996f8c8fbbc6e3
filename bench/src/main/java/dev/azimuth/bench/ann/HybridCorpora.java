package dev.azimuth.bench.ann;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads the shared data's text sets as {@link HybridCorpus}es (see the data README). */
final class HybridCorpora {
  /** The Fiori documentation set's folder. */
  static final String FIORI = "fiori-docs-minilm-384-angular";
  /** The WordNet set's folder. */
  static final String WORDNET = "wordnet-minilm-384-angular";

  private static final ObjectMapper JSON = new ObjectMapper();

  private HybridCorpora() {}

  /**
   * The Fiori documentation: 778 documents ({@code docs.jsonl.gz}), indexed as title, a blank
   * line, then content; the 772 title queries with their {@code relevant_ids}.
   */
  static HybridCorpus fiori(Path data) {
    Path dir = folder(data, FIORI);
    List<String> titles = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    readLines(dir.resolve("docs.jsonl.gz"), doc -> {
      checkId(doc, titles.size());
      titles.add(doc.get("title").asText());
      bodies.add(doc.get("title").asText() + "\n\n" + doc.get("content").asText());
    });
    Vectors base = VecFiles.readVectors(dir.resolve("base.fvecs"), Integer.MAX_VALUE);
    Vectors vectors = VecFiles.readVectors(dir.resolve("query_title.fvecs"), Integer.MAX_VALUE);
    List<HybridCorpus.Query> queries = new ArrayList<>();
    readLines(dir.resolve("queries.jsonl"), q -> {
      int id = q.get("id").asInt();
      Set<Integer> relevant = new HashSet<>();
      q.get("relevant_ids").forEach(r -> relevant.add(r.asInt()));
      queries.add(new HybridCorpus.Query(id, q.get("query").asText(), vectors.vector(id),
          relevant));
    });
    return new HybridCorpus("fiori", FIORI, titles, bodies, base, queries);
  }

  /**
   * WordNet: 40,000 glosses ({@code base.jsonl}, the whole text indexed, the lemmas as title);
   * the {@code definition} or {@code term} queries, each labelled with the base synsets that
   * share a lemma with it ({@link WordNetLemmas}); none for a query without such a synset.
   */
  static HybridCorpus wordnet(Path data, String querySet) {
    Path dir = folder(data, WORDNET);
    String qs = querySet.toLowerCase(Locale.ROOT);
    if (!qs.equals("definition") && !qs.equals("term")) {
      throw new IllegalArgumentException("WordNet query set must be definition or term: " + qs);
    }
    List<String> titles = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    WordNetLemmas lemmas = new WordNetLemmas();
    readLines(dir.resolve("base.jsonl"), doc -> {
      int id = titles.size();
      checkId(doc, id);
      String text = doc.get("text").asText();
      String pos = doc.get("pos").asText();
      titles.add(WordNetLemmas.title(text, pos));
      bodies.add(text);
      lemmas.add(id, text, pos);
    });
    Vectors base = VecFiles.readVectors(dir.resolve("base.fvecs"), Integer.MAX_VALUE);
    Vectors vectors = VecFiles.readVectors(dir.resolve("query_" + qs + ".fvecs"),
        Integer.MAX_VALUE);
    List<HybridCorpus.Query> queries = new ArrayList<>();
    readLines(dir.resolve("queries.jsonl"), q -> {
      int id = q.get("id").asInt();
      queries.add(new HybridCorpus.Query(id, q.get(qs + "_query").asText(), vectors.vector(id),
          lemmas.relevant(q.get("term_query").asText())));
    });
    return new HybridCorpus("wordnet-" + qs, WORDNET, titles, bodies, base, queries);
  }

  private static Path folder(Path data, String name) {
    Path dir = data.resolve(name);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("data folder " + dir + " not found; pass --data DIR");
    }
    return dir;
  }

  /** Row i of a base file is document i: the jsonl's ids must say so too. */
  private static void checkId(JsonNode doc, int expected) {
    if (doc.get("id").asInt() != expected) {
      throw new IllegalStateException("document " + doc.get("id") + " on line " + expected);
    }
  }

  private static void readLines(Path file, Consumer<JsonNode> each) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader lines = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (!line.isBlank()) {
          each.accept(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
