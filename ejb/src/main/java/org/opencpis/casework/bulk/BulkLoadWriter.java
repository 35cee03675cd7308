package org.opencpis.casework.bulk;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.opencpis.casework.application.PlanService;
import org.opencpis.casework.domain.Child;
import org.opencpis.shared.DomainMetrics;

/**
 * Decides a chunk of rows against the council's file and records the outcomes, in the chunk's
 * transaction: the NHS numbers applied to children, one report row per line, and the counts. Only
 * the load's own council's children are looked up, so no other council's file is ever touched.
 * Lines already recorded (a chunk replayed after a failure) are skipped, so nothing counts twice.
 */
@Named
@Dependent
public class BulkLoadWriter extends AbstractItemWriter {

  @Inject
  @BatchProperty(name = "loadId")
  String loadId;

  @Inject BulkLoadRepository loads;
  @Inject PlanService plans;
  @Inject DomainMetrics metrics;

  private String laCode;

  @Override
  public void writeItems(List<Object> items) {
    long id = Long.parseLong(loadId);
    if (laCode == null) {
      laCode = loads.laCode(id);
    }
    List<BulkRow> rows = items.stream().map(BulkRow.class::cast).toList();
    Set<Long> done = loads.recordedLines(id, rows.get(0).line(), rows.get(rows.size() - 1).line());
    List<BulkRow> wellFormed = rows.stream().filter(r -> !r.rejected()).toList();
    Map<String, Child> children =
        loads.childrenByPersonId(laCode, wellFormed.stream().map(BulkRow::personId).toList());
    Map<String, String> holders =
        new HashMap<>(
            loads.holdersOf(
                laCode, wellFormed.stream().map(BulkRow::nhsNumber).distinct().toList()));
    int applied = 0;
    int unchanged = 0;
    int rejected = 0;
    for (BulkRow row : rows) {
      if (done.contains(row.line())) {
        continue;
      }
      Child child = row.rejected() ? null : children.get(row.personId());
      RowVerdict v =
          ChildMatch.judge(row, child, row.rejected() ? null : holders.get(row.nhsNumber()));
      switch (v.outcome()) {
        case APPLIED -> {
          if (child.nhsNumber() != null
              && Objects.equals(holders.get(child.nhsNumber()), child.laPersonId())) {
            holders.remove(child.nhsNumber());
          }
          child.recordNhsNumber(row.nhsNumber());
          holders.put(row.nhsNumber(), child.laPersonId());
          plans.nhsNumberRecorded(child);
          applied++;
        }
        case UNCHANGED -> unchanged++;
        case REJECTED -> rejected++;
      }
      loads.add(new BulkLoadRow(id, v));
    }
    loads.count(id, applied, unchanged, rejected);
    metrics.bulkLoadRows(applied + unchanged + rejected);
  }
}
