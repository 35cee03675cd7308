package org.opencpis.casework.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import org.opencpis.casework.application.Caller;
import org.opencpis.casework.application.CaseworkService;
import org.opencpis.casework.domain.CaseworkRefusal;
import org.opencpis.casework.domain.CaseworkRefusal.Kind;
import org.opencpis.casework.domain.Worker;
import org.opencpis.shared.Roles;

/**
 * The weekly bulk NHS-number load (R5) for the caller's council: stores the file, then starts the
 * Jakarta Batch job {@value #JOB} on it; reports its status and per-row outcomes; restarts a failed
 * or stopped load. Another council's loads are "not found".
 *
 * <p>The file is committed before the job starts (the job runs on another thread and reads it from
 * the database), so these methods run outside a container transaction; the repository opens its
 * own.
 */
@Stateless
@RolesAllowed(Roles.LA_PERFORMANCE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BulkLoadService {

  /** The job's name: {@code META-INF/batch-jobs/bulk-nhs-number-load.xml} in this module. */
  public static final String JOB = "bulk-nhs-number-load";

  private static final Logger LOG = Logger.getLogger(BulkLoadService.class.getName());

  @Inject CaseworkService casework;
  @Inject BulkLoadRepository loads;

  /** A load and the batch execution working it. */
  public record Started(BulkLoad load, long executionId) {}

  /** Stores a file for the caller's council and starts its job. */
  public Started submit(Caller caller, String content) {
    Worker me = casework.worker(caller);
    int rows;
    try {
      rows = BulkFileFormat.countRows(content);
    } catch (BulkFileFormat.InvalidFile e) {
      throw new CaseworkRefusal(Kind.INVALID, "file", e.getMessage());
    }
    BulkLoad load = loads.store(me.laCode(), caller.username(), rows, content);
    LOG.info(
        () ->
            "bulk NHS-number load "
                + load.id()
                + " stored for LA "
                + load.laCode()
                + ": "
                + load.rowCount()
                + " rows");
    long execution = start(load.id());
    return new Started(load, execution);
  }

  /** The caller's council's load, with its status as the batch runtime sees it now. */
  public BulkLoad load(Caller caller, long id) {
    Worker me = casework.worker(caller);
    return loads
        .load(id)
        .filter(l -> l.belongsTo(me.laCode()))
        .orElseThrow(
            () ->
                new CaseworkRefusal(
                    Kind.NOT_FOUND, null, "no bulk load " + id + " in your council's records"));
  }

  /**
   * The status of a load: its latest execution's, while the batch runtime still knows it (it is
   * ahead of the stored one) once the load's end is stored; else the stored one. A load left
   * STARTED by an execution the runtime no longer knows (the server restarted) is FAILED, and can
   * be restarted.
   */
  public BulkLoadStatus status(BulkLoad load) {
    if (load.executionId() == null) {
      return load.status();
    }
    try {
      BulkLoadStatus live =
          liveStatus(operator().getJobExecution(load.executionId()).getBatchStatus());
      // the job has ended, but this load was read before its end was stored (the job's afterJob
      // commits it): still STARTED, so its counts and finish time are never shown half-written
      if (live != BulkLoadStatus.STARTED && load.finishedAt() == null) {
        return BulkLoadStatus.STARTED;
      }
      return live;
    } catch (NoSuchJobExecutionException e) {
      return load.status() == BulkLoadStatus.STARTED ? BulkLoadStatus.FAILED : load.status();
    }
  }

  public List<BulkLoad> loads(Caller caller) {
    return loads.loads(casework.worker(caller).laCode(), 50);
  }

  /** The report of a load, by line; one outcome only when given. */
  public List<BulkLoadRow> rows(Caller caller, long id, RowOutcome outcome, int first, int max) {
    BulkLoad load = load(caller, id);
    return loads.rows(load.id(), outcome, Math.max(0, first), Math.min(Math.max(1, max), 5000));
  }

  /**
   * Restarts a failed or stopped load: its job resumes after the last committed chunk. If the batch
   * runtime no longer knows the execution (a server restart loses them), a new execution reads the
   * file from the top, and skips the lines already recorded.
   */
  public Started restart(Caller caller, long id) {
    BulkLoad load = load(caller, id);
    BulkLoadStatus now = status(load);
    if (!now.restartable()) {
      throw new CaseworkRefusal(
          Kind.CONFLICT,
          null,
          "bulk load " + id + " is " + now + ": only a FAILED or STOPPED load can be restarted");
    }
    long execution;
    try {
      operator().getJobExecution(load.executionId());
      execution = operator().restart(load.executionId(), parameters(id));
    } catch (NoSuchJobExecutionException e) {
      execution = operator().start(JOB, parameters(id));
    }
    loads.executionRequested(id, execution);
    long exec = execution;
    LOG.info(() -> "bulk NHS-number load " + id + " restarted: execution " + exec);
    return new Started(loads.load(id).orElseThrow(), execution);
  }

  private long start(long loadId) {
    try {
      long execution = operator().start(JOB, parameters(loadId));
      loads.executionRequested(loadId, execution);
      return execution;
    } catch (RuntimeException e) {
      loads.executionEnded(loadId, BulkLoadStatus.FAILED, java.time.Instant.now());
      throw e;
    }
  }

  private static Properties parameters(long loadId) {
    Properties p = new Properties();
    p.setProperty("loadId", Long.toString(loadId));
    return p;
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }

  /** A live batch status as a load status. */
  static BulkLoadStatus liveStatus(BatchStatus s) {
    return switch (s) {
      case STARTING, STARTED -> BulkLoadStatus.STARTED;
      case COMPLETED -> BulkLoadStatus.COMPLETED;
      case STOPPING, STOPPED -> BulkLoadStatus.STOPPED;
      case FAILED, ABANDONED -> BulkLoadStatus.FAILED;
    };
  }

  /** The batch status seen by the job's afterJob: still STARTED when every step ran. */
  static BulkLoadStatus endStatus(BatchStatus s) {
    return s == BatchStatus.STARTING || s == BatchStatus.STARTED
        ? BulkLoadStatus.COMPLETED
        : liveStatus(s);
  }
}
