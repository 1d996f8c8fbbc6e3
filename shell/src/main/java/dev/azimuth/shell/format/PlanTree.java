package dev.azimuth.shell.format;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Draws an EXPLAIN plan, given as one line per node indented by depth, as a tree with
 * box-drawing connectors:
 *
 * <pre>
 * EnumerableAggregate(group=[{}], EXPR$0=[COUNT()])
 * └─ EnumerableNestedLoopJoin(condition=[true], joinType=[inner])
 *    ├─ AzimuthTableScan(table=[[PUBLIC, A]])
 *    └─ AzimuthTableScan(table=[[PUBLIC, B]])
 * </pre>
 *
 * Depth comes from the indentation alone, whatever its unit; a value holding several lines is
 * split first.
 */
final class PlanTree {
  private PlanTree() {}

  static List<String> render(List<String> plan) {
    List<String> lines = new ArrayList<>();
    for (String value : plan) {
      for (String line : value.split("\\R")) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    int n = lines.size();
    int[] depth = depths(lines);
    // A node's connector depends on whether a sibling follows it: look from the end.
    boolean[] siblingFollows = new boolean[n];
    boolean[] seenAtDepth = new boolean[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      int d = depth[i];
      siblingFollows[i] = seenAtDepth[d];
      seenAtDepth[d] = true;
      for (int deeper = d + 1; deeper <= n; deeper++) {
        seenAtDepth[deeper] = false;
      }
    }
    List<String> tree = new ArrayList<>(n);
    boolean[] ancestorContinues = new boolean[n + 1];
    for (int i = 0; i < n; i++) {
      int d = depth[i];
      ancestorContinues[d] = siblingFollows[i];
      StringBuilder line = new StringBuilder();
      for (int level = 1; level < d; level++) {
        line.append(ancestorContinues[level] ? "│  " : "   ");
      }
      if (d > 0) {
        line.append(siblingFollows[i] ? "├─ " : "└─ ");
      }
      tree.add(line.append(lines.get(i).strip()).toString());
    }
    return tree;
  }

  /** Each line's depth: how many less indented lines enclose it. */
  private static int[] depths(List<String> lines) {
    int[] depth = new int[lines.size()];
    Deque<Integer> enclosing = new ArrayDeque<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int indent = line.length() - line.stripLeading().length();
      while (!enclosing.isEmpty() && enclosing.peek() >= indent) {
        enclosing.pop();
      }
      depth[i] = enclosing.size();
      enclosing.push(indent);
    }
    return depth;
  }
}
