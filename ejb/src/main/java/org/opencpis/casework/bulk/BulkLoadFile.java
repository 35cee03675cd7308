package org.opencpis.casework.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The file of a {@link BulkLoad} as it was sent (same id), kept apart so that reading a load's
 * status or counts never loads the file. The job reads the file from here, never from a path on the
 * server.
 */
@Entity
@Table(name = "cw_bulk_load_file")
public class BulkLoadFile {

  @Id private Long loadId;

  /** Integer.MAX_VALUE: a text / character large object column, whatever the database. */
  @Column(nullable = false, length = Integer.MAX_VALUE)
  private String content;

  protected BulkLoadFile() {}

  public BulkLoadFile(Long loadId, String content) {
    this.loadId = loadId;
    this.content = content;
  }

  public String content() {
    return content;
  }
}
