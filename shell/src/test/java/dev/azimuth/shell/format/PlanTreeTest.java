package dev.azimuth.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTreeTest {
  @Test void drawsSiblingsAndTheirSubtrees() {
    assertEquals(List.of(
        "EnumerableCalc(expr#0..2=[{inputs}])",
        "└─ EnumerableMergeJoin(condition=[=($0, $3)], joinType=[inner])",
        "   ├─ EnumerableCalc($condition=[$t4])",
        "   │  └─ AzimuthTableScan(table=[[PUBLIC, DOCS]])",
        "   ├─ AzimuthTableScan(table=[[PUBLIC, A]])",
        "   └─ AzimuthTableScan(table=[[PUBLIC, B]])"),
        PlanTree.render(List.of(
            "EnumerableCalc(expr#0..2=[{inputs}])",
            "  EnumerableMergeJoin(condition=[=($0, $3)], joinType=[inner])",
            "    EnumerableCalc($condition=[$t4])",
            "      AzimuthTableScan(table=[[PUBLIC, DOCS]])",
            "    AzimuthTableScan(table=[[PUBLIC, A]])",
            "    AzimuthTableScan(table=[[PUBLIC, B]])")));
  }

  @Test void depthComesFromIndentationWhateverItsUnit() {
    assertEquals(List.of("A", "├─ B", "│  └─ C", "└─ D"),
        PlanTree.render(List.of("A", "    B", "        C", "    D")));
  }

  @Test void aValueHoldingSeveralLinesIsSplit() {
    assertEquals(List.of("A", "└─ B"), PlanTree.render(List.of("A\n  B\n")));
  }

  @Test void aSingleNodeIsJustItsText() {
    assertEquals(List.of("Values(tuples=[[{ 1 }]])"),
        PlanTree.render(List.of("Values(tuples=[[{ 1 }]])")));
  }
}
