package dev.azimuth.planner.runtime;

import dev.azimuth.index.text.SegmentTextIndex;
import dev.azimuth.index.text.TextAnalyzer;
import dev.azimuth.index.text.TextSegment;
import dev.azimuth.storage.ReadView;
import dev.azimuth.storage.SegmentView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** A table's segments as text search sees them, for one column. Stateless. */
final class TextSegments {
  private TextSegments() {}

  /**
   * Every segment of the view: a sealed segment whose text index is ready is searched through
   * it, any other (the growing segment, one still being indexed, or all of them when
   * {@code indexId} is -1) by analyzing its texts with {@code analyzer}, the index's own.
   */
  static List<TextSegment> of(ReadView view, int column, long indexId, TextAnalyzer analyzer) {
    List<TextSegment> out = new ArrayList<>();
    for (SegmentView seg : view.segments()) {
      IntPredicate live = seg.liveCount() == seg.size() ? null : seg::isLive;
      SegmentTextIndex index = indexId < 0 || !seg.sealed() ? null
          : view.textIndex(seg.id(), indexId);
      out.add(index != null ? TextSegment.indexed(seg.id(), index, live)
          : TextSegment.raw(seg.id(), analyzer, seg.size(), o -> (String) seg.value(column, o),
              live));
    }
    return out;
  }
}
