package org.opencpis.casework.bulk;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.logging.Logger;

/** Keeps a load's status and timings in step with the executions of its job. */
@Named
@Dependent
public class BulkLoadJobListener extends AbstractJobListener {

  private static final Logger LOG = Logger.getLogger(BulkLoadJobListener.class.getName());

  @Inject
  @BatchProperty(name = "loadId")
  String loadId;

  @Inject JobContext job;
  @Inject BulkLoadRepository loads;

  @Override
  public void beforeJob() {
    loads.executionStarted(Long.parseLong(loadId), job.getExecutionId(), Instant.now());
    LOG.info(() -> "bulk NHS-number load " + loadId + ": execution " + job.getExecutionId());
  }

  @Override
  public void afterJob() {
    BulkLoadStatus status = BulkLoadService.endStatus(job.getBatchStatus());
    loads.executionEnded(Long.parseLong(loadId), status, Instant.now());
    LOG.info(
        () ->
            "bulk NHS-number load "
                + loadId
                + ": execution "
                + job.getExecutionId()
                + " ended "
                + status);
  }
}
