package org.opencpis.audit;

/** What one audited call says, before the trail gives it its place, time and hashes. */
public record AuditRecord(
    String channel,
    String operation,
    String request,
    String principal,
    String claimedUser,
    String claimedOrganisation,
    String subject,
    String outcome) {}
