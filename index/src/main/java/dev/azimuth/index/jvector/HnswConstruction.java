package dev.azimuth.index.jvector;

import dev.azimuth.index.graph.BuildControl;
import dev.azimuth.index.graph.GraphOptions;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex.NodeAtLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Builds an HNSW graph straight into {@link CsrGraph} arrays: nodes inserted concurrently, each
 * found by a beam search of {@code ef_construction} from the current entry, linked to a diverse
 * subset of what the beam found (the Vamana rule with alpha 1.2, as JVector's builder uses) and
 * linked back from it, lists pruned the same way when they overflow.
 *
 * <p>Why not JVector's builder: on our data it spent more than half of a build in its own
 * bookkeeping (hash sets of visited nodes, boxed heaps, concurrent neighbour maps), and HNSW
 * searches walk our {@link CsrGraph} anyway. Here visited nodes are stamps in a per-thread int
 * array, heaps are primitive ({@link ScoreHeap}), a node's lists are plain arrays guarded by a
 * striped lock, and candidates are scored four at a time through {@link ExactScorer}.
 *
 * <p>The settings match what JVector's builder was given: degree {@code 2m} on layer 0 and
 * {@code m} above, levels drawn with {@code mL = 1 / ln m} from a seed per node (so a build is
 * reproducible up to the order of concurrent insertions), lists allowed to overflow by 20 %
 * before they are pruned, and pruned to their degree at the end. Stateless.
 */
final class HnswConstruction {
  static final float ALPHA = 1.2f;
  static final float OVERFLOW = 1.2f;
  private static final int LOCKS = 1 << 12;
  private static final int REPORT_INTERVAL = 256;

  private final ArraySimilarity similarity;
  private final int m;
  private final int beamWidth;
  private final int[] levels;
  /** links[node][level], null when the node is not on that level or not in the graph. */
  private final Links[][] links;
  private final Object[] locks = new Object[LOCKS];
  private final ThreadLocal<Scratch> scratch;
  private volatile NodeAtLevel entry;

  private HnswConstruction(ArraySimilarity similarity, int count, int m, int beamWidth) {
    this.similarity = similarity;
    this.m = m;
    this.beamWidth = beamWidth;
    this.levels = new int[count];
    this.links = new Links[count][];
    for (int i = 0; i < LOCKS; i++) {
      locks[i] = new Object();
    }
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(count));
  }

  /**
   * The graph over {@code nodes} (ordinals below {@code count}) in {@code similarity}'s space,
   * for vectors of {@code dimension} (the space may be a projection of them).
   *
   * @throws CancellationException when {@code control} asked to stop
   */
  static CsrGraph build(ArraySimilarity similarity, int[] nodes, int count, int dimension,
      GraphOptions options, BuildControl control, ForkJoinPool pool) {
    HnswConstruction c = new HnswConstruction(similarity, count, options.m(),
        options.efConstruction());
    double ml = 1 / Math.log(Math.max(2, options.m()));
    for (int node : nodes) {
      double u = new SplittableRandom(0x9E3779B97F4A7C15L ^ node).nextDouble();
      int level = (int) Math.min(16, Math.floor(-Math.log(1 - u) * ml));
      c.levels[node] = level;
      Links[] own = new Links[level + 1];
      for (int l = 0; l <= level; l++) {
        own[l] = new Links(c.capacity(l));
      }
      c.links[node] = own;
    }
    // The first node alone, so that every other insertion has an entry to start from.
    c.entry = new NodeAtLevel(c.levels[nodes[0]], nodes[0]);
    AtomicLong inserted = new AtomicLong(1);
    AtomicBoolean stop = new AtomicBoolean(control.cancelled());
    pool.submit(() -> IntStream.range(1, nodes.length).parallel().forEach(i -> {
      if (stop.get()) {
        return;
      }
      c.insert(nodes[i]);
      long done = inserted.incrementAndGet();
      if (done % REPORT_INTERVAL == 0) {
        control.progress(done, nodes.length);
        if (control.cancelled()) {
          stop.set(true);
        }
      }
    })).join();
    if (stop.get() || control.cancelled()) {
      throw new CancellationException("graph index build cancelled");
    }
    pool.submit(() -> IntStream.range(0, nodes.length).parallel()
        .forEach(i -> c.enforceDegrees(nodes[i]))).join();
    c.linkUnreachable(nodes);
    return c.toCsr(nodes, count, dimension);
  }

  private int degree(int level) {
    return level == 0 ? 2 * m : m;
  }

  private int capacity(int level) {
    return (int) Math.ceil(degree(level) * OVERFLOW) + 1;
  }

  private Object lock(int node) {
    return locks[node & (LOCKS - 1)];
  }

  private void insert(int node) {
    Scratch s = scratch.get();
    ExactScorer scorer = ExactScorer.forNode(similarity, node);
    NodeAtLevel top = entry;
    int level = levels[node];
    int current = top.node;
    s.batch[0] = current;
    scorer.scoreAll(s.batch, 1, s.scores);
    float best = s.scores[0];
    for (int l = top.level; l > level; l--) {
      for (boolean moved = true; moved; ) {
        moved = false;
        int n = s.neighbours(this, current, l);
        scorer.scoreAll(s.batch, n, s.scores);
        for (int i = 0; i < n; i++) {
          if (s.scores[i] > best && s.batch[i] != node) {
            best = s.scores[i];
            current = s.batch[i];
            moved = true;
          }
        }
      }
    }
    int[] seeds = {current};
    float[] seedScores = {best};
    for (int l = Math.min(level, top.level); l >= 0; l--) {
      // Each level's search starts from everything the level above found, as JVector's does.
      ScoreHeap beam = s.search(this, scorer, node, seeds, seedScores, l);
      int found = beam.size();
      int[] ids = new int[found];
      float[] scores = new float[found];
      // The beam is a min-heap: popping yields worst first, so fill from the end.
      for (int i = found - 1; i >= 0; i--) {
        ids[i] = beam.topNode();
        scores[i] = beam.topScore();
        beam.pop();
      }
      seeds = ids.clone();
      seedScores = scores.clone();
      int kept = diverse(ids, scores, found, degree(l));
      Links own = links[node][l];
      synchronized (lock(node)) {
        // Merged, not replaced: a concurrent insertion may already have linked itself here.
        for (int i = 0; i < kept; i++) {
          own.insert(ids[i], scores[i]);
          if (own.size == own.ids.length) {
            own.size = diverse(own.ids, own.scores, own.size, degree(l));
          }
        }
      }
      for (int i = 0; i < kept; i++) {
        link(ids[i], node, scores[i], l);
      }
    }
    if (level > top.level) {
      synchronized (this) {
        if (level > entry.level) {
          entry = new NodeAtLevel(level, node);
        }
      }
    }
  }

  /**
   * Links every node that no walk from the entry can reach on a level from its best reachable
   * neighbour, replacing that neighbour's worst edge if its list is full. Concurrent
   * insertions leave a few such nodes (a diverse pruning may drop the only edge to a node
   * inserted at the same time); a node no walk reaches could never be returned. Runs after
   * the inserts, on one thread; repeats while it still finds some, eight times at most.
   */
  private void linkUnreachable(int[] nodes) {
    // Edges this pass adds are never the ones it drops to make room, or two nodes competing
    // for one full list would take turns being unreachable.
    Set<Long> added = new HashSet<>();
    for (int level = entry.level; level >= 0; level--) {
      for (int round = 0; round < 8; round++) {
        boolean[] reached = reachable(level);
        int fixed = 0;
        for (int node : nodes) {
          if (levels[node] < level || reached[node]) {
            continue;
          }
          fixed++;
          Links own = links[node][level];
          int from = -1;
          float score = 0;
          for (int i = 0; i < own.size && from < 0; i++) {
            if (reached[own.ids[i]]) {
              from = own.ids[i];
              score = own.scores[i];
            }
          }
          if (from < 0) {
            from = entry.node;
            score = ExactScorer.forNode(similarity, node).similarityTo(from);
          }
          Links list = links[from][level];
          if (list.size >= degree(level)) {
            dropWorstOriginal(list, from, level, added);
          }
          if (list.size < list.ids.length) {
            list.insert(node, score);
            added.add(edgeKey(from, node, level));
          }
        }
        if (fixed == 0) {
          break;
        }
      }
    }
  }

  /** Removes the worst edge of {@code list} that this pass did not add, if there is one. */
  private static void dropWorstOriginal(Links list, int from, int level, Set<Long> added) {
    for (int i = list.size - 1; i >= 0; i--) {
      if (!added.contains(edgeKey(from, list.ids[i], level))) {
        System.arraycopy(list.ids, i + 1, list.ids, i, list.size - i - 1);
        System.arraycopy(list.scores, i + 1, list.scores, i, list.size - i - 1);
        list.size--;
        return;
      }
    }
  }

  private static long edgeKey(int from, int to, int level) {
    return ((long) level << 58) ^ ((long) from << 29) ^ to;
  }

  /** Which nodes a walk from the entry reaches on {@code level}, by a breadth-first search. */
  private boolean[] reachable(int level) {
    boolean[] reached = new boolean[levels.length];
    int[] queue = new int[levels.length];
    int head = 0;
    int tail = 0;
    queue[tail++] = entry.node;
    reached[entry.node] = true;
    while (head < tail) {
      Links list = links[queue[head++]][level];
      for (int i = 0; i < list.size; i++) {
        int next = list.ids[i];
        if (!reached[next]) {
          reached[next] = true;
          queue[tail++] = next;
        }
      }
    }
    return reached;
  }

  /**
   * Adds the edge {@code from → to}; prunes {@code from}'s list to its degree once it is full,
   * so that a list always has room for the next edge.
   */
  private void link(int from, int to, float score, int level) {
    synchronized (lock(from)) {
      Links list = links[from][level];
      list.insert(to, score);
      if (list.size == list.ids.length) {
        list.size = diverse(list.ids, list.scores, list.size, degree(level));
      }
    }
  }

  private void enforceDegrees(int node) {
    Links[] own = links[node];
    for (int l = 0; l < own.length; l++) {
      synchronized (lock(node)) {
        Links list = own[l];
        if (list.size > degree(l)) {
          list.size = diverse(list.ids, list.scores, list.size, degree(l));
        }
      }
    }
  }

  /**
   * Moves to the front of {@code ids}/{@code scores} (sorted best first, scores to the node
   * they are candidates for) at most {@code max} candidates that no better kept one covers: a
   * candidate is dropped when a kept one is nearer to it than alpha times its own score. A
   * strict pass (alpha 1) runs first, then a relaxed one fills the free places. Returns how many
   * were kept; their order stays best first.
   */
  private int diverse(int[] ids, float[] scores, int n, int max) {
    if (n <= max && n <= 1) {
      return n;
    }
    boolean[] keep = new boolean[n];
    int kept = 0;
    for (float alpha = 1f; alpha <= ALPHA + 1e-6f && kept < max; alpha += ALPHA - 1f) {
      for (int i = 0; i < n && kept < max; i++) {
        if (keep[i]) {
          continue;
        }
        ExactScorer candidate = ExactScorer.forNode(similarity, ids[i]);
        boolean covered = false;
        for (int j = 0; j < n && !covered; j++) {
          covered = keep[j] && candidate.similarityTo(ids[j]) > scores[i] * alpha;
        }
        if (!covered) {
          keep[i] = true;
          kept++;
        }
      }
    }
    int w = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        ids[w] = ids[i];
        scores[w] = scores[i];
        w++;
      }
    }
    return w;
  }

  private CsrGraph toCsr(int[] nodes, int count, int dimension) {
    int maxLevel = entry.level;
    List<CsrGraph.Layer> layers = new ArrayList<>();
    for (int l = 0; l <= maxLevel; l++) {
      int level = l;
      int[] onLevel = Arrays.stream(nodes).filter(n -> levels[n] >= level).sorted().toArray();
      int[] offsets = new int[onLevel.length + 1];
      int total = 0;
      for (int p = 0; p < onLevel.length; p++) {
        total += links[onLevel[p]][l].size;
        offsets[p + 1] = total;
      }
      int[] edges = new int[total];
      for (int p = 0; p < onLevel.length; p++) {
        Links list = links[onLevel[p]][l];
        System.arraycopy(list.ids, 0, edges, offsets[p], list.size);
      }
      layers.add(new CsrGraph.Layer(degree(l), onLevel, offsets, edges));
    }
    return new CsrGraph(layers, entry, dimension, count);
  }

  /** One node's neighbours on one level, best first, with their scores to it. */
  private static final class Links {
    final int[] ids;
    final float[] scores;
    int size;

    Links(int capacity) {
      ids = new int[capacity];
      scores = new float[capacity];
    }

    void set(int[] newIds, float[] newScores, int n) {
      System.arraycopy(newIds, 0, ids, 0, n);
      System.arraycopy(newScores, 0, scores, 0, n);
      size = n;
    }

    /** Inserts in score order, if not present; the list must have room. */
    void insert(int id, float score) {
      for (int i = 0; i < size; i++) {
        if (ids[i] == id) {
          return;
        }
      }
      int i = size;
      while (i > 0 && scores[i - 1] < score) {
        ids[i] = ids[i - 1];
        scores[i] = scores[i - 1];
        i--;
      }
      ids[i] = id;
      scores[i] = score;
      size++;
    }
  }

  /** One thread's search state: visited stamps, heaps, a batch of ids and their scores. */
  private static final class Scratch {
    final int[] visited;
    int stamp;
    final ScoreHeap candidates = new ScoreHeap(64, true);
    final ScoreHeap beam = new ScoreHeap(64, false);
    int[] batch = new int[64];
    float[] scores = new float[64];

    Scratch(int count) {
      visited = new int[count];
    }

    /** Copies a node's neighbours on a level into {@link #batch}; returns how many. */
    int neighbours(HnswConstruction c, int node, int level) {
      synchronized (c.lock(node)) {
        Links list = c.links[node][level];
        if (batch.length < list.size) {
          batch = new int[list.ids.length];
          scores = new float[list.ids.length];
        }
        System.arraycopy(list.ids, 0, batch, 0, list.size);
        return list.size;
      }
    }

    /** A best-first search of one level from {@code starts}; the beam, a min-heap. */
    ScoreHeap search(HnswConstruction c, ExactScorer scorer, int self, int[] starts,
        float[] startScores, int level) {
      if (++stamp == 0) {
        Arrays.fill(visited, 0);
        stamp = 1;
      }
      candidates.clear();
      beam.clear();
      // A node being inserted can be reached through a concurrent insertion's link to it.
      visited[self] = stamp;
      int width = c.beamWidth;
      for (int i = 0; i < starts.length; i++) {
        visited[starts[i]] = stamp;
        candidates.push(starts[i], startScores[i]);
        beam.push(starts[i], startScores[i]);
        if (beam.size() > width) {
          beam.pop();
        }
      }
      while (candidates.size() > 0) {
        float score = candidates.topScore();
        if (beam.size() >= width && score < beam.topScore()) {
          break;
        }
        int expanded = candidates.topNode();
        candidates.pop();
        int all = neighbours(c, expanded, level);
        int n = 0;
        for (int i = 0; i < all; i++) {
          int neighbour = batch[i];
          if (visited[neighbour] != stamp) {
            visited[neighbour] = stamp;
            batch[n++] = neighbour;
          }
        }
        if (n == 0) {
          continue;
        }
        scorer.scoreAll(batch, n, scores);
        for (int i = 0; i < n; i++) {
          float s = scores[i];
          if (beam.size() < width || s > beam.topScore()) {
            candidates.push(batch[i], s);
            beam.push(batch[i], s);
            if (beam.size() > width) {
              beam.pop();
            }
          }
        }
      }
      return beam;
    }
  }
}
