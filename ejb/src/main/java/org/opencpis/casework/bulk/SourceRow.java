package org.opencpis.casework.bulk;

import java.util.List;

/**
 * A row as the reader found it: its line, its values, and the earlier line that named the same
 * person id (null if none). The batch item between reader and processor.
 */
public record SourceRow(
    BulkFileFormat format, long line, List<String> values, Long duplicateOfLine) {}
